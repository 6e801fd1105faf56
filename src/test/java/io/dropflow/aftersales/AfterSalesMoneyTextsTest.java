package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.translation.OperatorTexts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The history and timeline lines of a case's money read in Chinese: a claim charged back at supply cost or at the
 * sale price, a reship the supplier bears, returned goods not credited and why (return-refund-basis.dmn's reason, in Chinese too), an exchange's shipping charged back.
 */
class AfterSalesMoneyTextsTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Resolved with a full refund of 15.00 EUR, 6.00 EUR charged back to the supplier (up to what it was paid for the pieces) | 已解决：全额退款 15.00 EUR，向供应商追回 6.00 EUR（以付给供应商的货款为上限）",
            "Resolved with a replacement shipment, the supplier ships the replacement at its own cost, nothing booked | 已解决：补发商品，供应商自费发出补发件，无需记账",
            "'Defect claim DF-CL7 resolved: 72.00 CNY charged back to the supplier (up to what it was paid for the pieces); the order''s provisional margin is adjusted to 2.00 EUR' | 质量索赔 DF-CL7 已解决：向供应商追回 72.00 CNY（以付给供应商的货款为上限）；订单的临时毛利调整为 2.00 EUR",
            "'Booked: refund 8.60 EUR, supplier credit 0.00 EUR (none: The goods came back in order: refund per policy. The supplier did not agree to take the goods back (the operator took them back anyway): it credits nothing, the seller bears the goods.), return label 4.90 EUR, exchange 0.00 EUR, supplier''s share 0.00 EUR' | 已记账：退款 8.60 EUR，供应商退款 0.00 EUR（无：商品退回完好：按政策退款。供应商未同意收回商品（操作员仍收回了商品）：供应商不退款，商品由卖家承担。），退货面单 4.90 EUR，换货 0.00 EUR，供应商承担 0.00 EUR",
            "'Booked: refund 0.00 EUR, supplier credit 6.00 EUR, return label 0.00 EUR, exchange 8.50 EUR, its shipping 2.50 EUR charged back to the supplier (the supplier''s fault)' | 已记账：退款 0.00 EUR，供应商退款 6.00 EUR，退货面单 0.00 EUR，换货 8.50 EUR，其运费 2.50 EUR 向供应商追回（供应商的责任）",
            "No supplier credit for the returned goods (inspection: OK): The goods came back in order: refund per policy. The supplier did not agree to take the goods back (the operator took them back anyway): it credits nothing, the seller bears the goods. | 退回的货物无供应商退款（验货结果：正常）：商品退回完好：按政策退款。供应商未同意收回商品（操作员仍收回了商品）：供应商不退款，商品由卖家承担。"})
    void readsInChinese(String english, String chinese) {
        assertThat(CHINESE.translateMessage(english)).isEqualTo(chinese);
    }
}
