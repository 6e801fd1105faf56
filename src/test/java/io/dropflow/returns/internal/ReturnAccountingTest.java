package io.dropflow.returns.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseBookings;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.returns.ReturnAnswerEvent.Answer;
import io.dropflow.returns.internal.ReturnRequest.ShippingPaidBy;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ReturnAccountingTest {

    private final Returns returns = mock(Returns.class);
    private final ConsumerMessages consumer = mock(ConsumerMessages.class);
    private final CaseBookings bookings = mock(CaseBookings.class);
    private final Ledger ledger = mock(Ledger.class);
    private final RecordedHistory history = new RecordedHistory();
    private final io.dropflow.supplier.Purchasing purchasing = mock(io.dropflow.supplier.Purchasing.class);
    /** The carrier bills 4.90 EUR a label (converted into the return's currency by its policy). */
    private final ReturnAccounting accounting = new ReturnAccounting(returns, bookings, history, purchasing,
            new ReturnSettings(new BigDecimal("4.90"), "EUR", null), CLOCK);

    @SuppressWarnings("unchecked")
    private Ledger.ReturnBooking booked(ReturnRequest r, RefundBasis basis) {
        stored(r, 5L);
        when(returns.locked(5L)).thenReturn(r);
        when(bookings.inPurchaseOrderCurrency(eq(2L), any())).thenAnswer(call -> new Money(call.getArgument(1), "CNY"));
        // the purchase order is in CNY: 1 EUR = 7.50 CNY today
        when(bookings.inPurchaseOrderCurrency(any(ReturnRequest.class), any(Money.class))).thenAnswer(call -> new Money(
                call.<Money>getArgument(1).amount().multiply(new java.math.BigDecimal("7.50")), "CNY"));
        doAnswer(call -> {
            call.<Consumer<Ledger>>getArgument(1).accept(ledger);
            return null;
        }).when(bookings).book(any(), any(Consumer.class), any());
        accounting.book(5L, basis);
        ArgumentCaptor<Ledger.ReturnBooking> booking = ArgumentCaptor.forClass(Ledger.ReturnBooking.class);
        verify(ledger).bookReturn(booking.capture());
        return booking.getValue();
    }

    /** Booked by "Book return without refund", the refund withheld at the payment (paid back already). */
    @SuppressWarnings("unchecked")
    private Ledger.ReturnBooking bookedWithoutRefund(ReturnRequest r, java.util.List<String> supplierPaidThrough) {
        return bookedWithoutRefund(r, supplierPaidThrough, supplierPaidThrough.isEmpty() ? 0 : 2);
    }

    /** The same, {@code paidFor} of the return's two mugs paid for through the cases {@code supplierPaidThrough}. */
    @SuppressWarnings("unchecked")
    private Ledger.ReturnBooking bookedWithoutRefund(ReturnRequest r, java.util.List<String> supplierPaidThrough,
            int paidFor) {
        stored(r, 5L);
        when(returns.locked(5L)).thenReturn(r);
        when(bookings.inPurchaseOrderCurrency(eq(2L), any())).thenAnswer(call -> new Money(call.getArgument(1), "CNY"));
        // the return's two mugs of line 1: those of another case's first (the return is about two)
        when(bookings.supplierPaidThrough(r)).thenReturn(new CaseBookings.SupplierPaidThrough(supplierPaidThrough,
                java.util.List.of(), java.util.Map.of(1, 2), java.util.Map.of(1, Math.max(0, 2 - paidFor))));
        doAnswer(call -> {
            call.<Consumer<Ledger>>getArgument(1).accept(ledger);
            return null;
        }).when(bookings).book(any(), any(Consumer.class), any());
        accounting.bookWithoutRefund(5L);
        ArgumentCaptor<Ledger.ReturnBooking> booking = ArgumentCaptor.forClass(Ledger.ReturnBooking.class);
        verify(ledger).bookReturn(booking.capture());
        return booking.getValue();
    }

    private static ReturnRequest refundedAfterTheGoodsCameBack(ShippingPaidBy labelPaidBy, boolean supplierMustAgree) {
        ReturnRequest r = ReturnRequestTest.underPolicy(labelPaidBy, "0", supplierMustAgree);
        r.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        r.settleRefund(eur("10.10"), NOW);
        return r;
    }

    @Test
    void theSuppliersCreditIsBookedWhenThePolicyMadeItTakeTheGoodsBack() {
        Ledger.ReturnBooking booking = booked(refundedAfterTheGoodsCameBack(ShippingPaidBy.CONSUMER, false), RefundBasis.POLICY);

        assertThat(booking.refunded().amount()).isEqualByComparingTo("10.10");
        assertThat(booking.supplierCredit()).as("in the purchase order's currency").isEqualTo(Money.of("12.00", "CNY"));
        assertThat(booking.returnShipping().amount()).isEqualByComparingTo("4.90");
        assertThat(booking.returnNumber()).isEqualTo("DF-RT5");
    }

    @Test
    void noCreditIsBookedWhenTheSupplierHadToAgreeAndNeverDid() {
        Ledger.ReturnBooking booking = booked(refundedAfterTheGoodsCameBack(ShippingPaidBy.SELLER, true), RefundBasis.POLICY);

        assertThat(booking.supplierCredit().isZero()).isTrue();
        assertThat(booking.returnShipping().amount()).isEqualByComparingTo("4.90");
    }

    /**
     * D3 of an exploratory test: "Take the goods back anyway" after the supplier offered an alternative; the goods
     * came back OK and nothing was credited, the history silent about why. return-refund-basis.dmn decides it now,
     * knowing the supplier never agreed: no credit, and the history and the booking line say why.
     */
    @Test
    void goodsTakenBackWithoutTheSuppliersAgreementAreNotCreditedAndTheHistorySaysWhy() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.SELLER, true);
        stored(r, 5L);
        when(returns.get(5L)).thenReturn(r);
        when(returns.locked(5L)).thenReturn(r);
        assertThat(accounting.supplierAgreedToTakeGoodsBack(5L)).isFalse();
        accounting.decideSupplierCredit(5L, SupplierCredit.NONE, "The supplier did not agree to take the goods back.");

        Ledger.ReturnBooking booking = booked(r, RefundBasis.POLICY);

        assertThat(booking.supplierCredit().isZero()).isTrue();
        assertThat(history.lines()).contains("DROPFLOW: No supplier credit for the returned goods (no inspection report):"
                + " The supplier did not agree to take the goods back.");
        assertThat(history.lines()).anyMatch(l -> l.startsWith("DROPFLOW: Booked: refund 10.10 EUR, supplier credit"
                + " 0.00 CNY (none: The supplier did not agree to take the goods back.), return label 4.90 EUR"));
    }

    /** An analyst may let a supplier that did not agree credit the goods all the same: the table's FULL counts. */
    @Test
    void theTablesFullCreditCountsEvenWithoutTheSuppliersAgreement() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.SELLER, true);
        stored(r, 5L);
        when(returns.locked(5L)).thenReturn(r);
        accounting.decideSupplierCredit(5L, SupplierCredit.FULL, "The goods came back in order.");

        Ledger.ReturnBooking booking = booked(r, RefundBasis.POLICY);

        assertThat(booking.supplierCredit()).isEqualTo(Money.of("12.00", "CNY"));
    }

    /**
     * A return whose FULL credit was decided before V58 (the older rule, which wants the supplier's agreement), decided
     * FULL again by the table: the table's decision counts from then on (the review: the unchanged credit returned
     * early and left the older rule in force, so a supplier that never agreed credited nothing).
     */
    @Test
    void theTablesDecisionCountsEvenWhenItKeepsACreditDecidedBeforeV58() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.SELLER, true);
        org.springframework.test.util.ReflectionTestUtils.setField(r, "supplierCredit", SupplierCredit.FULL);
        stored(r, 5L);
        when(returns.locked(5L)).thenReturn(r);
        assertThat(r.supplierTookGoodsBack()).as("the older rule: no agreement, no credit").isFalse();

        accounting.decideSupplierCredit(5L, SupplierCredit.FULL, "The goods came back in order.");

        assertThat(booked(r, RefundBasis.POLICY).supplierCredit()).isEqualTo(Money.of("12.00", "CNY"));
        assertThat(history.lines()).noneMatch(l -> l.contains("No supplier credit"));
    }

    /**
     * D10 of an exploratory test: a NOT_AS_DESCRIBED exchange had the seller pay the replacement's shipping. When
     * exchange_shipping_bearer says the supplier bears it, what the exchange's purchase order pays it for shipping
     * is charged back, in its currency; otherwise nothing is.
     */
    @Test
    void anExchangesShippingTheSupplierBearsIsChargedBackToIt() {
        ReturnRequest atFault = refundedAfterTheGoodsCameBack(ShippingPaidBy.SUPPLIER, false);
        atFault.exchangeOrdered(9L, NOW);
        exchangeIs(9L, io.dropflow.supplier.PurchaseOrderStatus.SHIPPED);
        when(bookings.landedCost(9L)).thenReturn(Money.of("11.00", "CNY"));
        when(bookings.shippingCost(9L)).thenReturn(Money.of("3.20", "CNY"));
        stored(atFault, 5L);
        when(returns.locked(5L)).thenReturn(atFault);
        when(bookings.inPurchaseOrderCurrency(eq(2L), any())).thenAnswer(call -> new Money(call.getArgument(1), "CNY"));
        bookThroughTheLedger();

        accounting.book(5L, null, true);

        ArgumentCaptor<Ledger.ReturnBooking> booking = ArgumentCaptor.forClass(Ledger.ReturnBooking.class);
        verify(ledger).bookReturn(booking.capture());
        assertThat(booking.getValue().exchangeCost()).isEqualTo(Money.of("11.00", "CNY"));
        assertThat(booking.getValue().chargeback()).isEqualTo(Money.of("3.20", "CNY"));
        assertThat(history.lines()).anyMatch(l -> l.contains("exchange 11.00 CNY, its shipping 3.20 CNY charged back to"
                + " the supplier (the supplier's fault)"));
    }

    @Test
    void anExchangesShippingTheSellerBearsIsNotChargedBack() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.SELLER, false);
        r.exchangeOrdered(9L, NOW);
        exchangeIs(9L, io.dropflow.supplier.PurchaseOrderStatus.SHIPPED);
        when(bookings.landedCost(9L)).thenReturn(Money.of("11.00", "CNY"));

        Ledger.ReturnBooking booking = booked(r, null);

        assertThat(booking.chargeback().isZero()).isTrue();
    }

    /**
     * Review M3 of session 10: an exchange whose purchase order the supplier declined (or that was cancelled) is
     * refunded per policy instead; it cost nothing, so its cost is not booked.
     */
    @Test
    void aDeclinedExchangeRefundedInsteadBooksNoExchangeCost() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.SUPPLIER, false);
        r.exchangeOrdered(9L, NOW);
        exchangeIs(9L, io.dropflow.supplier.PurchaseOrderStatus.DECLINED);
        when(bookings.landedCost(9L)).thenReturn(Money.of("11.00", "CNY"));

        Ledger.ReturnBooking booking = booked(r, RefundBasis.POLICY);

        assertThat(booking.exchangeCost().isZero()).isTrue();
    }

    private void exchangeIs(long purchaseOrderId, io.dropflow.supplier.PurchaseOrderStatus status) {
        io.dropflow.supplier.PurchaseOrderView po = mock(io.dropflow.supplier.PurchaseOrderView.class);
        when(po.status()).thenReturn(status);
        when(purchasing.purchaseOrder(purchaseOrderId)).thenReturn(po);
    }

    @SuppressWarnings("unchecked")
    private void bookThroughTheLedger() {
        doAnswer(call -> {
            call.<Consumer<Ledger>>getArgument(1).accept(ledger);
            return null;
        }).when(bookings).book(any(), any(Consumer.class), any());
    }

    @Test
    void aLabelTheSupplierPaysCostsUsNothing() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.SUPPLIER, true);
        r.startRound(1, NOW);
        r.recordSupplierAnswer(1, Answer.ACCEPTED, null, null, NOW);

        Ledger.ReturnBooking booking = booked(r, RefundBasis.POLICY);

        assertThat(booking.supplierCredit().amount()).isEqualByComparingTo("12.00");
        assertThat(booking.returnShipping().isZero()).isTrue();
        assertThat(r.getStatus()).isEqualTo(ReturnStatus.COMPLETED);
    }

    @Test
    void theSupplierPaysTheAlternativeItProposedWhenTheConsumerAcceptedIt() {
        ReturnRequest r = ReturnRequestTest.underPolicy(ShippingPaidBy.CONSUMER, "0", true);
        r.startRound(1, NOW);
        r.recordSupplierAnswer(1, Answer.ALTERNATIVE, eur("6.00"), "keep it", NOW);
        r.offerToConsumer(1, eur("6.00"), NOW);
        r.settleRefund(eur("6.00"), NOW);

        Ledger.ReturnBooking booking = booked(r, RefundBasis.OFFER);

        assertThat(booking.chargeback()).as("6.00 EUR in the supplier's currency").isEqualTo(Money.of("45.00", "CNY"));
        assertThat(booking.supplierCredit().isZero()).as("the goods never came back").isTrue();
        assertThat(booking.returnShipping().isZero()).isTrue();
    }

    /** An operator may offer the consumer more than the supplier proposed: the seller pays what is above it. */
    @Test
    void theSupplierPaysNoMoreThanTheAlternativeItProposed() {
        ReturnRequest r = ReturnRequestTest.underPolicy(ShippingPaidBy.CONSUMER, "0", true);
        r.startRound(1, NOW);
        r.recordSupplierAnswer(1, Answer.ALTERNATIVE, eur("6.00"), "keep it", NOW);
        r.offerToConsumer(1, eur("9.00"), NOW);
        r.settleRefund(eur("9.00"), NOW);

        Ledger.ReturnBooking booking = booked(r, RefundBasis.OFFER);

        assertThat(booking.refunded().amount()).isEqualByComparingTo("9.00");
        assertThat(booking.chargeback()).as("6.00 EUR, not 9.00, in CNY").isEqualTo(Money.of("45.00", "CNY"));
    }

    /**
     * The refund withheld (another case paid the consumer back): the label the consumer was to pay off its refund
     * is the seller's, the supplier that took the goods back credits them; no refund is booked, since none was paid.
     */
    @Test
    void aReturnWhoseRefundWasWithheldBooksItsLabelAndTheSuppliersCreditButNoRefund() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.CONSUMER, false);

        Ledger.ReturnBooking booking = bookedWithoutRefund(r, java.util.List.of());

        assertThat(booking.refunded().isZero()).as("nothing was paid").isTrue();
        assertThat(booking.supplierCredit()).isEqualTo(Money.of("12.00", "CNY"));
        assertThat(booking.returnShipping().amount()).isEqualByComparingTo("4.90");
        assertThat(booking.exchangeCost().isZero()).isTrue();
        assertThat(booking.chargeback().isZero()).isTrue();
        assertThat(booking.returnNumber()).isEqualTo("DF-RT5");
        assertThat(r.getStatus()).as("the model closes it").isEqualTo(ReturnStatus.RETURN_IN_TRANSIT);
        assertThat(history.lines()).containsExactly("DROPFLOW: Booked without a refund (withheld, nothing paid): supplier"
                + " credit 12.00 CNY, return label 4.90 EUR, exchange 0.00 CNY");
    }

    /** A claim charged back to the supplier paid the consumer back: the supplier is not charged again for the goods. */
    @Test
    void aWithheldReturnBooksNoCreditWhenTheSupplierPaidThroughAnotherCaseAlready() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.SUPPLIER, false);

        Ledger.ReturnBooking booking = bookedWithoutRefund(r, java.util.List.of("DF-CL7"));

        assertThat(booking.refunded().isZero()).isTrue();
        assertThat(booking.supplierCredit().isZero()).isTrue();
        assertThat(booking.returnShipping().isZero()).as("the supplier pays the label").isTrue();
        assertThat(history.lines()).containsExactly("DROPFLOW: Booked without a refund (withheld, nothing paid): supplier"
                + " credit 0.00 CNY (the supplier paid through DF-CL7 already), return label 0.00 EUR, exchange 0.00 CNY");
    }

    /**
     * The review's finding: the return is about two mugs of line 1, another case had the supplier pay for one of them:
     * the supplier is credited the other mug (half what we paid it for the two), not nothing.
     */
    @Test
    void aWithheldReturnIsCreditedThePiecesNoOtherCaseHasTheSupplierPayFor() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.SUPPLIER, false);

        Ledger.ReturnBooking booking = bookedWithoutRefund(r, java.util.List.of("DF-CL7"), 1);

        assertThat(booking.supplierCredit()).isEqualTo(Money.of("6.00", "CNY"));
        assertThat(history.lines()).containsExactly("DROPFLOW: Booked without a refund (withheld, nothing paid): supplier"
                + " credit 6.00 CNY (for 1 of 2 piece(s), the rest paid through DF-CL7), return label 0.00 EUR, exchange"
                + " 0.00 CNY");
        verify(bookings).noteStillToBeBooked(eq(r), any());
    }

    /**
     * The supplier reported it never received the goods (return-refund-basis.dmn: no credit): a withheld return
     * books no credit either, and does not ask which other case had the supplier pay.
     */
    @Test
    void aWithheldReturnBooksNoCreditWhenTheTableSaidNone() {
        ReturnRequest r = refundedAfterTheGoodsCameBack(ShippingPaidBy.SUPPLIER, false);
        r.decideSupplierCredit(SupplierCredit.NONE, "why", NOW);

        Ledger.ReturnBooking booking = bookedWithoutRefund(r, java.util.List.of());

        assertThat(booking.supplierCredit().isZero()).isTrue();
        verify(bookings, never()).supplierPaidThrough(r);
    }

    /** The supplier's share of an accepted alternative is of a refund paid: none when it was withheld. */
    @Test
    void aWithheldAlternativeChargesTheSupplierNothing() {
        ReturnRequest r = ReturnRequestTest.underPolicy(ShippingPaidBy.CONSUMER, "0", true);
        r.startRound(1, NOW);
        r.recordSupplierAnswer(1, Answer.ALTERNATIVE, eur("6.00"), "keep it", NOW);
        r.offerToConsumer(1, eur("6.00"), NOW);
        r.settleRefund(eur("6.00"), NOW);

        Ledger.ReturnBooking booking = bookedWithoutRefund(r, java.util.List.of());

        assertThat(booking.refunded().isZero()).isTrue();
        assertThat(booking.chargeback().isZero()).isTrue();
        assertThat(booking.supplierCredit().isZero()).as("the goods never came back").isTrue();
        assertThat(booking.returnShipping().isZero()).as("no label was booked").isTrue();
    }

    /**
     * Exploratory test s15 money (D2, D4): a KWD order's return, the label (4.90 EUR at the carrier) converted into
     * 1.602 KWD when the policy applied (1 EUR = 0.327 KWD) and taken off the consumer's refund; the seller pays the
     * carrier 4.90 EUR. The label was booked as 1.602 KWD, which the ledger converted back at the day's rate (-5.34
     * EUR once EUR/KWD was 0.300); it is booked as the 4.90 EUR the carrier bills. And the booking line gave the
     * supplier's zero amounts the order's currency ("supplier credit 0.000 KWD" of a CNY supplier): each is in its own.
     */
    @Test
    void aKwdReturnBooksTheLabelTheCarrierBillsInEurAndTheSuppliersNothingInItsCurrency() {
        ReturnRequest r = new ReturnRequest(1L, 2L, 3L, io.dropflow.returns.ReturnReason.CHANGED_MIND,
                io.dropflow.returns.ReturnWish.REFUND, null, "WEBSHOP", "KWD",
                java.util.List.of(new io.dropflow.aftersales.CaseLine(1, "DEMO-MUG", 1, new BigDecimal("4.999"))),
                new BigDecimal("6.00"), NOW);
        r.applyPolicy(true, ShippingPaidBy.CONSUMER, BigDecimal.ZERO, true, false, "a rule", new BigDecimal("1.6023"),
                NOW);
        r.labelBooked("SANDBOX-POST", "RT-1", "https://labels.example/1", NOW);
        r.decideSupplierCredit(SupplierCredit.NONE, "The supplier did not agree.", NOW);
        r.settleRefund(r.refundPerPolicy(), NOW);

        Ledger.ReturnBooking booking = booked(r, RefundBasis.POLICY);

        assertThat(booking.refunded()).as("4.999 less the consumer's label").isEqualTo(Money.of("3.397", "KWD"));
        assertThat(booking.returnShipping()).as("before: 1.602 KWD").isEqualTo(Money.of("4.90", "EUR"));
        assertThat(history.lines()).contains("DROPFLOW: Booked: refund 3.397 KWD, supplier credit 0.00 CNY (none: The"
                + " supplier did not agree.), return label 4.90 EUR, exchange 0.00 CNY, supplier's share 0.00 CNY");
    }

    @Test
    void theRefundFollowsTheBasisTheModelSet() {
        ReturnRequest r = stored(ReturnRequestTest.underPolicy(ShippingPaidBy.CONSUMER, "0.10", true), 5L);
        when(returns.locked(5L)).thenReturn(r);

        assertThat(accounting.settleRefund(5L, RefundBasis.POLICY, null)).isEqualByComparingTo("8.60");
        assertThat(accounting.settleRefund(5L, RefundBasis.PARTIAL, eur("3.333"))).isEqualByComparingTo("3.33");

        assertThat(r.getRefundAmount()).isEqualByComparingTo("3.33");
        assertThat(history.lines()).containsExactly("DROPFLOW: Refund: 8.60 EUR (per policy)",
                "DROPFLOW: Refund: 3.33 EUR (decided after a dispute)");
    }

}
