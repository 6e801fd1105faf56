package io.dropflow.returns.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static io.dropflow.aftersales.AfterSalesFixtures.twoMugs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseBookings;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import io.dropflow.returns.internal.ReturnRequest.ShippingPaidBy;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;

class ReturnHandlingTest {

    private final Returns returns = mock(Returns.class);
    private final ConsumerMessages consumer = mock(ConsumerMessages.class);
    private final ReturnPolicyTable policies = mock(ReturnPolicyTable.class);
    private final RecordedHistory history = new RecordedHistory();
    private final CaseBookings bookings = mock(CaseBookings.class);
    /** Labels cost 4.90 GBP; the return converts them into its own currency. */
    private final ReturnHandling handling = new ReturnHandling(returns, history, consumer, policies, bookings,
            new ReturnSettings(new BigDecimal("4.90"), "GBP", null), CLOCK);

    private ReturnRequest onFile(ReturnRequest r) {
        stored(r, 3L);
        when(returns.get(3L)).thenReturn(r);
        when(bookings.inCaseCurrency(r, Money.of("4.90", "GBP"))).thenReturn(Money.of("5.88", "EUR"));
        return r;
    }

    private static ReturnRequest withLines(ReturnRequest r, ReturnLinePolicy... lines) {
        r.linesToJudge(java.util.List.of(lines));
        return r;
    }

    @Test
    void thePolicyIsKeptOnTheReturnAndARefusalSaysSo() {
        ReturnRequest r = onFile(withLines(ReturnRequestTest.changeOfMind(),
                new ReturnLinePolicy(1, "DEMO-MUG", "hygiene", eur("15.00"), eur("12.00"))));
        when(policies.policyFor(ReturnReason.CHANGED_MIND, ReturnWish.REFUND, "WEBSHOP", "hygiene")).thenReturn(
                new ReturnPolicyTable.Policy(false, null, BigDecimal.ZERO, false, false, "Hygiene goods cannot be returned."));

        assertThat(handling.applyPolicy(3L).allowed()).isFalse();

        assertThat(r.getAllowed()).isFalse();
        assertThat(r.getPolicyRule()).isEqualTo("Line 1 (DEMO-MUG): Hygiene goods cannot be returned. Not part of this return.");
        assertThat(history.lines()).containsExactly(
                "DROPFLOW: Return policy, line 1 (DEMO-MUG, hygiene): Hygiene goods cannot be returned. (not allowed)");
    }

    @Test
    void eachLineIsJudgedByItsOwnCategoryAndARefusedLineLeavesTheReturn() {
        ReturnRequest r = onFile(withLines(ReturnRequestTest.changeOfMind(),
                new ReturnLinePolicy(1, "DEMO-MUG", "kitchen", eur("15.00"), eur("6.00")),
                new ReturnLinePolicy(2, "TEST-TOOTHBRUSH", "hygiene", eur("8.00"), eur("2.00"))));
        when(policies.policyFor(ReturnReason.CHANGED_MIND, ReturnWish.REFUND, "WEBSHOP", "kitchen")).thenReturn(
                new ReturnPolicyTable.Policy(true, ReturnRequest.ShippingPaidBy.CONSUMER, new BigDecimal("0.10"), true, true,
                        "Change of mind."));
        when(policies.policyFor(ReturnReason.CHANGED_MIND, ReturnWish.REFUND, "WEBSHOP", "hygiene")).thenReturn(
                new ReturnPolicyTable.Policy(false, null, null, false, false, "Hygiene goods cannot be returned."));

        ReturnPolicyTable.Policy combined = handling.applyPolicy(3L);

        assertThat(combined.allowed()).isTrue();
        assertThat(combined.supplierMustAgree()).isTrue();
        assertThat(r.refusedLines()).extracting(ReturnLinePolicy::getSku).containsExactly("TEST-TOOTHBRUSH");
        assertThat(r.getReturnedValue()).isEqualByComparingTo("15.00");
        assertThat(r.getSupplyValue()).as("the supplier credits only what comes back").isEqualByComparingTo("6.00");
        assertThat(r.getRestockingFee()).isEqualByComparingTo("1.50");
        assertThat(r.refundPerPolicy()).as("15.00 - 1.50 fee - 5.88 label").isEqualByComparingTo("7.62");
    }

    @Test
    void theStrictestLabelPayerOfTheAllowedLinesPaysTheOneParcel() {
        ReturnRequest r = onFile(withLines(ReturnRequestTest.changeOfMind(),
                new ReturnLinePolicy(1, "DEMO-MUG", "kitchen", eur("15.00"), eur("6.00")),
                new ReturnLinePolicy(2, "DEMO-PLATE", "tableware", eur("10.00"), eur("4.00"))));
        when(policies.policyFor(ReturnReason.CHANGED_MIND, ReturnWish.REFUND, "WEBSHOP", "kitchen")).thenReturn(
                new ReturnPolicyTable.Policy(true, ReturnRequest.ShippingPaidBy.SELLER, BigDecimal.ZERO, false, false, "a"));
        when(policies.policyFor(ReturnReason.CHANGED_MIND, ReturnWish.REFUND, "WEBSHOP", "tableware")).thenReturn(
                new ReturnPolicyTable.Policy(true, ReturnRequest.ShippingPaidBy.CONSUMER, new BigDecimal("0.20"), false, false,
                        "b"));

        handling.applyPolicy(3L);

        assertThat(r.getReturnShippingPaidBy()).isEqualTo(ReturnRequest.ShippingPaidBy.CONSUMER);
        assertThat(r.getRestockingFee()).as("each line at its own rate").isEqualByComparingTo("2.00");
        assertThat(r.getReturnedValue()).isEqualByComparingTo("25.00");
    }

    @Test
    void theLabelCostIsFixedInTheReturnsCurrencyWhenThePolicyIsApplied() {
        ReturnRequest r = onFile(withLines(ReturnRequestTest.changeOfMind(),
                new ReturnLinePolicy(1, "DEMO-MUG", "kitchen", eur("15.00"), eur("12.00"))));
        when(policies.policyFor(ReturnReason.CHANGED_MIND, ReturnWish.REFUND, "WEBSHOP", "kitchen")).thenReturn(
                new ReturnPolicyTable.Policy(true, ReturnRequest.ShippingPaidBy.CONSUMER, BigDecimal.ZERO, false, false,
                        "Change of mind: the consumer pays the label."));

        handling.applyPolicy(3L);

        assertThat(r.getLabelCost()).isEqualByComparingTo("5.88");
        assertThat(r.refundPerPolicy()).as("15.00 returned less the label").isEqualByComparingTo("9.12");
    }

    @Test
    void anExchangeWithoutRefundEndsWithTheNewVariantOnItsWay() {
        ReturnRequest exchange = onFile(new ReturnRequest(1L, 2L, 3L, ReturnReason.DOES_NOT_FIT, ReturnWish.EXCHANGE,
                "DEMO-MUG-BLUE", "WEBSHOP", "EUR", twoMugs(), eur("12.00"), NOW));
        exchange.moveTo(ReturnStatus.COMPLETED, NOW);

        handling.tellOutcome(3L);

        verify(consumer).send(exchange, "outcome", "Your return DF-RT3 is complete: DEMO-MUG-BLUE is on its way to you.");
    }

    @Test
    void aRefundedReturnEndsWithTheAmount() {
        ReturnRequest refunded = onFile(ReturnRequestTest.underPolicy(ShippingPaidBy.SELLER, "0", false));
        refunded.settleRefund(eur("15.00"), NOW);
        refunded.moveTo(ReturnStatus.COMPLETED, NOW);

        handling.tellOutcome(3L);

        verify(consumer).send(refunded, "outcome", "Your return DF-RT3 is complete: 15.00 EUR refunded.");
    }

    @Test
    void aRefundOfNothingIsNotPaid() {
        ReturnRequest r = stored(ReturnRequestTest.changeOfMind(), 5L);
        r.settleRefund(BigDecimal.ZERO, NOW);
        when(returns.get(5L)).thenReturn(r);

        handling.refundConsumer(5L);

        verify(consumer, never()).refund(any(), any(), any());
    }
}
