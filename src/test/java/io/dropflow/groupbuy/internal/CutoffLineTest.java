package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.translation.OperatorTexts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The line a group-buy order's timeline gets at its batch's cutoff, in English and Chinese. Exploratory test s16
 * (L4): a batch of one purchase order read "ordered with the batch (1 purchase orders)".
 */
class CutoffLineTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    @Test
    void onePurchaseOrderIsSingular() {
        assertThat(BatchClosing.cutoffLine(1L, 1, List.of()))
                .isEqualTo("Cutoff of batch 1: ordered with the batch (1 purchase order)");
        assertThat(BatchClosing.cutoffLine(1L, 1, List.of("DEMO-WOK")))
                .isEqualTo("Cutoff of batch 1: ordered with the batch (1 purchase order; no supplier for DEMO-WOK)");
    }

    @Test
    void noneOrSeveralArePlural() {
        assertThat(BatchClosing.cutoffLine(2L, 2, List.of()))
                .isEqualTo("Cutoff of batch 2: ordered with the batch (2 purchase orders)");
        assertThat(BatchClosing.cutoffLine(2L, 0, List.of("DEMO-WOK", "DEMO-MUG")))
                .isEqualTo("Cutoff of batch 2: ordered with the batch (0 purchase orders; no supplier for DEMO-WOK, DEMO-MUG)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 | '' | 批次 7 已截单：随批次下单（1 张采购单）",
            "1 | DEMO-WOK | 批次 7 已截单：随批次下单（1 张采购单；没有供应商提供 DEMO-WOK）",
            "3 | '' | 批次 7 已截单：随批次下单（3 张采购单）",
            "3 | DEMO-WOK | 批次 7 已截单：随批次下单（3 张采购单；没有供应商提供 DEMO-WOK）"})
    void readsInChinese(int purchaseOrders, String unplaced, String chinese) {
        String line = BatchClosing.cutoffLine(7L, purchaseOrders, unplaced.isEmpty() ? List.of() : List.of(unplaced));

        assertThat(CHINESE.translateMessage(line)).isEqualTo(chinese);
    }
}
