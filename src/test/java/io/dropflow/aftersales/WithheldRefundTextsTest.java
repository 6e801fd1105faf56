package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.translation.OperatorTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A withheld refund's history line and the reason its case closes with, as Tasklist shows them in
 * Chinese: forms/i18n/operator-messages.zh.json has a pattern for each (OperatorMessagesCompletenessTest
 * does not scan CaseRefundLog's history line by itself).
 */
class WithheldRefundTextsTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");
    private static final PiecesHeld.Shortfall LINE = new PiecesHeld.Shortfall(1, 2, 2, List.of("DF-CL3"), 1);

    @Test
    void theHistoryLineOfAWithheldRefundReadsInChinese() {
        CaseRefunds.Withheld withheld = CaseRefunds.Withheld.paidBackByCases("line 1 has 2 piece(s), 2 of them paid back already"
                + " (DF-CL3; the consumer is paid back for a piece once); DF-RT4 would pay back 1 more", LINE);

        assertThat(CHINESE.translateMessage("Refund of 7.50 EUR withheld, nothing paid: " + withheld.why()))
                .isEqualTo("7.50 EUR 的退款未支付：第 1 行共 2 件，其中 2 件已退过款（DF-CL3；每件商品只向消费者退款一次）；"
                        + "DF-RT4 还要再退 1 件");
    }

    @Test
    void theReasonTheCaseClosesWithReadsInChinese() {
        CaseRefunds.Withheld withheld = CaseRefunds.Withheld.paidBackByCases("why", LINE);

        assertThat(withheld.reason()).isEqualTo("paid back already through DF-CL3 (line 1, 2 of 2 piece(s)): a piece is"
                + " paid back once, so nothing more is paid");
        assertThat(CHINESE.translateMessage(withheld.reason()))
                .isEqualTo("已通过 DF-CL3 退过款（第 1 行，2 件中的 2 件）：每件商品只退款一次，因此不再支付");
    }

    @Test
    void aRefundWithheldOnAnOrderRefundedInFullReadsInChinese() {
        CaseRefunds.Withheld withheld = CaseRefunds.Withheld.orderRefundedInFull("42", "REFUNDED");

        assertThat(CHINESE.translateMessage("Refund of 15.00 EUR withheld, nothing paid: " + withheld.why()))
                .isEqualTo("15.00 EUR 的退款未支付：订单 42 已全额退款（已退款）：消费者已拿回全部货款");
        assertThat(CHINESE.translateMessage(withheld.reason())).isEqualTo("已退过款：订单 42 已全额退款，因此不再支付");
    }

    /** What a withheld case books when other cases had the supplier pay for some of its pieces, and whom it counts on. */
    @Test
    void theSupplierPaidThroughOtherCasesReadsInChinese() {
        assertThat(CHINESE.translateMessage("Booked without a refund (withheld, nothing paid): supplier credit 6.00 CNY (for"
                + " 1 of 2 piece(s), the rest paid through DF-CL7), return label 0.00 EUR, exchange 0.00 EUR"))
                .isEqualTo("已记账，无退款（退款被扣留，未支付）：供应商退款 6.00 CNY（2 件中的 1 件，其余已通过 DF-CL7 付过），退货面单"
                        + " 0.00 EUR，换货 0.00 EUR");
        assertThat(CHINESE.translateMessage("Booked without a refund (withheld, nothing paid): 7.50 EUR charged back to the"
                + " supplier for 1 of 2 piece(s), the rest paid through DF-RT3 already"))
                .isEqualTo("已记账，无退款（退款被扣留，未支付）：就 2 件中的 1 件向供应商追回 7.50 EUR，其余已通过 DF-RT3 付过");
        assertThat(CHINESE.translateMessage("Defect claim DF-CL7 closed without a refund (paid back already): 7.50 EUR"
                + " charged back to the supplier for 1 of 2 piece(s), the rest paid through DF-RT3 already; the order's provisional"
                + " margin is adjusted to 2.00 EUR"))
                .isEqualTo("质量索赔 DF-CL7 已关闭，无退款（此前已退款）：就 2 件中的 1 件向供应商追回 7.50 EUR，其余已通过 DF-RT3"
                        + " 付过；订单的临时毛利调整为 2.00 EUR");
        assertThat(CHINESE.translateMessage("DF-RT5 counts on DF-CL3 to have the supplier pay for the same goods, not booked"
                + " yet: it books once its refund has gone through at the storefront (an incident at its 'Refund consumer'"
                + " holds it back); should it never book, nobody has the supplier pay for these goods: book it by hand"))
                .isEqualTo("DF-RT5 依赖 DF-CL3 让供应商为相同的货物付款，但其尚未记账：其退款在店铺退款成功后才会记账（其“Refund consumer”"
                        + "步骤若有事故，会一直阻挡）；若其始终不记账，则没有任何案件让供应商为这些货物付款：请手工记账");
    }
}
