package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.ReturnAnswerEvent.Answer;
import io.dropflow.settlement.Money;
import io.dropflow.translation.OperatorTexts;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a take-back answer writes on the timelines and in the operator's task reads in Chinese too (D3). */
class UncollectedTakeBacksTextsTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");
    private static final String NUMBER = "DF-B6-PO1-UNCOLLECTED";
    private static final Money COST = Money.of("12.00", "EUR");

    @Test
    void everyAnswersTimelineLineAndTaskHaveChinese() {
        for (Answer answer : Answer.values()) {
            Money credit = answer == Answer.REJECTED ? null : Money.of("6.00", "EUR");
            assertThat(CHINESE.findMessage(UncollectedTakeBacks.timelineLine("ACME", NUMBER, answer, credit)))
                    .as(answer.name()).hasValueSatisfying(zh -> assertThat(zh).contains("ACME", NUMBER));
            for (String reason : new String[] {null, "keep the item, we refund half"}) {
                ReturnAnswerEvent event = new ReturnAnswerEvent("e1", NUMBER, 1, answer,
                        answer == Answer.ALTERNATIVE ? new BigDecimal("6.00") : null, null, reason);
                String why = UncollectedTakeBacks.why("ACME", NUMBER, "1 × DEMO-MUG", event, COST);
                assertThat(CHINESE.findMessage(why)).as(why).hasValueSatisfying(zh -> assertThat(zh).contains(NUMBER));
            }
        }
        ReturnAnswerEvent share = new ReturnAnswerEvent("e2", NUMBER, 1, Answer.ALTERNATIVE, null,
                new BigDecimal("0.5"), null);
        String why = UncollectedTakeBacks.why("ACME", NUMBER, "1 × DEMO-MUG", share, COST);
        assertThat(why).contains("offers to credit 50 % of the goods' supply cost of 12.00 EUR, that is 6.00 EUR");
        assertThat(CHINESE.findMessage(why)).hasValueSatisfying(zh -> assertThat(zh)
                .contains("12.00 EUR", "6.00 EUR", "50 %").doesNotContain("supply cost", "its amount"));
    }

    /** s14 tasklist #1: the credit is money in the purchase order's currency, in its decimals, not "3.00 (its amount)". */
    @Test
    void aCreditReadsAsMoneyInThePurchaseOrdersCurrency() {
        ReturnAnswerEvent amount = new ReturnAnswerEvent("e3", NUMBER, 1, Answer.ALTERNATIVE, new BigDecimal("3"),
                null, null);
        String why = UncollectedTakeBacks.why("ACME", NUMBER, "1 × DEMO-MUG", amount, COST);
        assertThat(why).contains("offers a credit of 3.00 EUR instead").doesNotContain("its amount");
        assertThat(CHINESE.findMessage(why)).hasValueSatisfying(zh -> assertThat(zh).contains("3.00 EUR"));
        ReturnAnswerEvent yen = new ReturnAnswerEvent("e4", NUMBER, 1, Answer.ALTERNATIVE, null, new BigDecimal("0.5"),
                null);
        assertThat(UncollectedTakeBacks.why("ACME", NUMBER, "1 × DEMO-MUG", yen, Money.of("1501", "JPY")))
                .contains("supply cost of 1501 JPY, that is 751 JPY");
    }

    /** The credit booked: the supply cost when the goods go back, the offered credit in the currency's decimals. */
    @Test
    void theCreditBookedIsTheSupplyCostOrTheOfferInTheCurrencysDecimals() {
        Money yenCost = Money.of("1501", "JPY");
        assertThat(UncollectedTakeBacks.credit(new ReturnAnswerEvent("e5", NUMBER, 1, Answer.ACCEPTED, null, null,
                null), yenCost)).contains(yenCost);
        assertThat(UncollectedTakeBacks.credit(new ReturnAnswerEvent("e6", NUMBER, 1, Answer.ALTERNATIVE, null,
                new BigDecimal("0.5"), null), yenCost)).contains(Money.of("751", "JPY"));
        assertThat(UncollectedTakeBacks.credit(new ReturnAnswerEvent("e7", NUMBER, 1, Answer.ALTERNATIVE,
                new BigDecimal("3.5"), null, null), COST)).hasValueSatisfying(
                        credit -> assertThat(credit.toString()).isEqualTo("3.50 EUR"));
        assertThat(UncollectedTakeBacks.credit(new ReturnAnswerEvent("e8", NUMBER, 1, Answer.REJECTED, null, null,
                null), COST)).isEmpty();
    }
}
