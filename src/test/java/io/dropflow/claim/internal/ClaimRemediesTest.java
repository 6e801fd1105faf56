package io.dropflow.claim.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.eur;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseBookings;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.aftersales.ReplacementOrders;
import io.dropflow.claim.ChargebackBasis;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.Remedy;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimRemediesTest {

    private final Claims claims = mock(Claims.class);
    private final ReplacementOrders replacements = mock(ReplacementOrders.class);
    private final ConsumerMessages consumer = mock(ConsumerMessages.class);
    private final CaseBookings bookings = mock(CaseBookings.class);
    private final Ledger ledger = mock(Ledger.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final RecordedHistory history = new RecordedHistory();
    private final ClaimRemedies remedies = new ClaimRemedies(claims, replacements, consumer, bookings, purchasing, history,
            new ClaimSettings(null, null, null, null), CLOCK);
    private final Claim claim = stored(ClaimTest.claimWishing(Remedy.REFUND), 7L);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void theClaimIsOnFileAndBookingsReachTheLedger() {
        when(claims.get(7L)).thenReturn(claim);
        when(claims.locked(7L)).thenReturn(claim);
        doAnswer(call -> {
            call.<Consumer<Ledger>>getArgument(1).accept(ledger);
            return null;
        }).when(bookings).book(eq(claim), any(Consumer.class), any());
    }

    @Test
    void aRefundTheSupplierPaysAtTheSalePriceIsChargedBackAndCountsAgainstItsPurchaseOrder() {
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);

        remedies.bookOutcome(7L, null, ChargebackBasis.SALE_PRICE);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.of("15.00", "EUR"), Money.zero("EUR"), Money.of("15.00", "EUR"));
        verify(purchasing).recordUpheldClaim(2L);
        verify(bookings).book(eq(claim), any(), eq("Defect claim DF-CL7 resolved: 15.00 EUR charged back to the supplier"
                + " (the amount paid to the consumer)"));
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(history.lines()).containsExactly(
                "DROPFLOW: Resolved with a full refund of 15.00 EUR, 15.00 EUR charged back to the supplier (the amount paid"
                + " to the consumer)");
    }

    /**
     * D7 of an exploratory test: a full refund the supplier bore was charged back at the retail price in the retail
     * currency, the seller keeping its margin. claim-cost-bearer.dmn says SUPPLY_COST: the supplier is charged what it
     * was paid for the pieces, in its currency.
     */
    @Test
    void aRefundTheSupplierPaysAtSupplyCostChargesBackWhatItWasPaidForThePieces() {
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        purchaseOrderListing("DEMO-MUG");
        when(bookings.upToSupplyCost(claim, Money.of("15.00", "EUR"))).thenReturn(Money.of("48.00", "CNY"));

        remedies.bookOutcome(7L, null, ChargebackBasis.SUPPLY_COST);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.of("15.00", "EUR"), Money.zero("EUR"), Money.of("48.00", "CNY"));
        verify(purchasing).recordUpheldClaim(2L);
        assertThat(history.lines()).containsExactly("DROPFLOW: Resolved with a full refund of 15.00 EUR, 48.00 CNY"
                + " charged back to the supplier (up to what it was paid for the pieces)");
    }

    /** Withheld, at supply cost: the supplier's part for the pieces left, weighed by what they cost at the supplier. */
    @Test
    void aWithheldClaimAtSupplyCostChargesBackTheSupplyCostOfThePiecesLeft() {
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        purchaseOrderListing("DEMO-MUG");
        when(bookings.supplierPaidThrough(claim)).thenReturn(paidThrough(java.util.List.of("DF-RT3"), 1));
        when(bookings.upToSupplyCost(claim, Money.of("15.00", "EUR"))).thenReturn(Money.of("48.00", "CNY"));
        when(bookings.supplyCostByLine(claim)).thenReturn(java.util.Map.of(1, new java.math.BigDecimal("48.00")));

        remedies.bookWithoutRefund(7L, ChargebackBasis.SUPPLY_COST);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.zero("EUR"), Money.zero("EUR"), Money.of("24.00", "CNY"));
    }

    /**
     * D10 of an exploratory test: a reship the supplier bears said "charged back to the supplier" and booked nothing.
     * It books nothing (the supplier ships the replacement at its own cost), and says so.
     */
    @Test
    void aReshipTheSupplierBearsBooksNothingAndSaysTheSupplierShipsItAtItsOwnCost() {
        claim.agree(Remedy.RESHIP, null, CostBearer.SUPPLIER, "supplier accepted", NOW);

        remedies.bookOutcome(7L, 99L, ChargebackBasis.SUPPLY_COST);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.zero("EUR"), Money.zero("EUR"), Money.zero("EUR"));
        verify(bookings).book(eq(claim), any(), eq("Defect claim DF-CL7 resolved: the supplier ships the replacement at"
                + " its own cost, nothing booked"));
        assertThat(history.lines()).containsExactly("DROPFLOW: Resolved with a replacement shipment, the supplier ships"
                + " the replacement at its own cost, nothing booked");
    }

    /**
     * The claim's refund withheld (the order refunded in full first): nothing was paid, but the supplier agreed to
     * bear the claim, so it is charged back what it agreed, as when the claim's refund comes first.
     */
    @Test
    void aClaimWithheldAsPaidBackAlreadyStillChargesBackWhatTheSupplierAgreedToBear() {
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        when(bookings.supplierPaidThrough(claim)).thenReturn(paidThrough(java.util.List.of(), 2));

        remedies.bookWithoutRefund(7L, ChargebackBasis.SALE_PRICE);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.zero("EUR"), Money.zero("EUR"), Money.of("15.00", "EUR"));
        verify(purchasing).recordUpheldClaim(2L);
        verify(bookings).book(eq(claim), any(), eq("Defect claim DF-CL7 closed without a refund (paid back already):"
                + " 15.00 EUR charged back to the supplier"));
        assertThat(claim.getStatus()).as("closed by the model").isEqualTo(ClaimStatus.REMEDY_UNDER_WAY);
        assertThat(history.lines()).containsExactly(
                "DROPFLOW: Booked without a refund (withheld, nothing paid): 15.00 EUR charged back to the supplier");
    }

    /** Another case about the same pieces has the supplier pay for them already: it is not charged twice. */
    @Test
    void aWithheldClaimChargesNothingWhenTheSupplierPaidThroughAnotherCaseAlready() {
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        when(bookings.supplierPaidThrough(claim)).thenReturn(paidThrough(java.util.List.of("DF-RT3"), 0));

        remedies.bookWithoutRefund(7L, ChargebackBasis.SALE_PRICE);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.zero("EUR"), Money.zero("EUR"), Money.zero("EUR"));
        verify(purchasing, never()).recordUpheldClaim(any());
        verify(bookings).book(eq(claim), any(), eq("Defect claim DF-CL7 closed without a refund (paid back already):"
                + " the supplier paid through DF-RT3 already"));
        assertThat(history.lines()).containsExactly(
                "DROPFLOW: Booked without a refund (withheld, nothing paid): the supplier paid through DF-RT3 already");
    }

    /**
     * The claim is about two mugs of line 1 (15.00 EUR); another case had the supplier pay for one of them: the
     * supplier is charged back the other's part of the refund, once, and the history names the case that paid.
     */
    @Test
    void aWithheldClaimChargesBackThePiecesNoOtherCaseHasTheSupplierPayFor() {
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        when(bookings.supplierPaidThrough(claim)).thenReturn(paidThrough(java.util.List.of("DF-RT3"), 1));

        remedies.bookWithoutRefund(7L, ChargebackBasis.SALE_PRICE);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.zero("EUR"), Money.zero("EUR"), Money.of("7.50", "EUR"));
        verify(purchasing).recordUpheldClaim(2L);
        verify(bookings).book(eq(claim), any(), eq("Defect claim DF-CL7 closed without a refund (paid back already):"
                + " 7.50 EUR charged back to the supplier for 1 of 2 piece(s), the rest paid through DF-RT3 already"));
        verify(bookings).noteStillToBeBooked(eq(claim), any());
        assertThat(history.lines()).containsExactly("DROPFLOW: Booked without a refund (withheld, nothing paid): 7.50 EUR"
                + " charged back to the supplier for 1 of 2 piece(s), the rest paid through DF-RT3 already");
    }

    /** The claim's purchase order 2 (DF-1-PO1, in CNY), listing these SKUs at 24.00 CNY each. */
    private void purchaseOrderListing(String... skus) {
        when(purchasing.purchaseOrder(2L)).thenReturn(new PurchaseOrderView(2L, 1L, 3L, "YIWU", "Yiwu", 90, "DF-1-PO1",
                io.dropflow.supplier.PurchaseOrderStatus.SHIPPED, null, null, new BigDecimal("48.00"), new BigDecimal("18.00"),
                "CNY", NOW, NOW, NOW, null, null, null, 0, null, null, 0, java.util.Arrays.stream(skus)
                        .map(sku -> new PurchaseOrderView.Line(sku, "YW-" + sku, 2, new BigDecimal("24.00"))).toList(), null, null, null));
    }

    /**
     * Second review's L2: at supply cost, a claimed SKU the purchase order does not list (a data repair, an order
     * split across purchase orders) had no supply cost, so the supplier was charged back 0.00 and the history said
     * "0.00 CNY charged back to the supplier (up to what it was paid for the pieces)": the refund lost without a word.
     * It is charged back at the sale price now, and the history and the order's timeline say why.
     */
    @Test
    void atSupplyCostASkuThePurchaseOrderDoesNotListIsChargedBackAtTheSalePriceAndSaysSo() {
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        purchaseOrderListing("DEMO-KETTLE");
        when(bookings.upToSupplyCost(claim, Money.of("15.00", "EUR"))).thenReturn(Money.of("0.00", "CNY"));

        remedies.bookOutcome(7L, null, ChargebackBasis.SUPPLY_COST);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.of("15.00", "EUR"), Money.zero("EUR"), Money.of("15.00", "EUR"));
        verify(purchasing).recordUpheldClaim(2L);
        verify(bookings).book(eq(claim), any(), eq("Defect claim DF-CL7 resolved: 15.00 EUR charged back to the supplier"
                + " (at the sale price, not the supply cost: purchase order DF-1-PO1 does not list DEMO-MUG)"));
        assertThat(history.lines()).containsExactly("DROPFLOW: Resolved with a full refund of 15.00 EUR, 15.00 EUR charged"
                + " back to the supplier (at the sale price, not the supply cost: purchase order DF-1-PO1 does not list"
                + " DEMO-MUG)");
    }

    /** The same for a claim booked without a refund: its share is weighed by the sale value, and the history says so. */
    @Test
    void withheldAtSupplyCostASkuThePurchaseOrderDoesNotListIsChargedBackAtTheSalePriceAndSaysSo() {
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        purchaseOrderListing();
        when(bookings.supplierPaidThrough(claim)).thenReturn(paidThrough(java.util.List.of(), 2));
        when(bookings.upToSupplyCost(claim, Money.of("15.00", "EUR"))).thenReturn(Money.of("0.00", "CNY"));

        remedies.bookWithoutRefund(7L, ChargebackBasis.SUPPLY_COST);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.zero("EUR"), Money.zero("EUR"), Money.of("15.00", "EUR"));
        assertThat(history.lines()).containsExactly("DROPFLOW: Booked without a refund (withheld, nothing paid): 15.00 EUR"
                + " charged back to the supplier (at the sale price, not the supply cost: purchase order DF-1-PO1 does not"
                + " list DEMO-MUG)");
    }

    /** The claim's two mugs of line 1: {@code left} of them no other case (of {@code through}) has the supplier pay for. */
    /**
     * Review s11's L2: a claim about a mug its purchase order lists (24.00 CNY a piece) and a kettle it does not, refund
     * 37.50 EUR, was charged back wholly at the sale price (37.50 EUR), the mug overcharged. Now the mug's part is
     * charged at supply cost (up to what it was paid for it, in the supplier's currency), the kettle's part of the refund
     * at the sale price (converted into that currency), and the history names the lines and bases.
     */
    @Test
    void atSupplyCostOnlyTheLineThePurchaseOrderDoesNotListIsChargedBackAtTheSalePrice() {
        Claim mugAndKettle = mugAndKettleClaim();
        mugAndKettle.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        mugAndKettleOnAPurchaseOrderListingTheMug(mugAndKettle);

        remedies.bookOutcome(8L, null, ChargebackBasis.SUPPLY_COST);

        verify(ledger).bookClaim(1L, "DF-CL8", Money.of("37.50", "EUR"), Money.zero("EUR"), Money.of("264.00", "CNY"));
        String cost = "264.00 CNY charged back to the supplier (at supply cost for line(s) 1, up to what it was paid for"
                + " the pieces: 24.00 CNY; at the sale price for line(s) 2: 240.00 CNY, not the supply cost: purchase order"
                + " DF-1-PO1 does not list DEMO-KETTLE)";
        verify(bookings).book(eq(mugAndKettle), any(), eq("Defect claim DF-CL8 resolved: " + cost));
        assertThat(history.lines()).containsExactly("DROPFLOW: Resolved with a full refund of 37.50 EUR, " + cost);
    }

    /** Withheld, the kettle paid for through a return: of each part, the share for the pieces left (the mug's). */
    @Test
    void withheldAtSupplyCostEachLinesPartIsLeftForItsOwnPieces() {
        Claim mugAndKettle = mugAndKettleClaim();
        mugAndKettle.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        mugAndKettleOnAPurchaseOrderListingTheMug(mugAndKettle);
        when(bookings.supplierPaidThrough(mugAndKettle)).thenReturn(new CaseBookings.SupplierPaidThrough(
                java.util.List.of("DF-RT3"), java.util.List.of(), java.util.Map.of(1, 1, 2, 1), java.util.Map.of(1, 1, 2, 0)));

        remedies.bookWithoutRefund(8L, ChargebackBasis.SUPPLY_COST);

        verify(ledger).bookClaim(1L, "DF-CL8", Money.zero("EUR"), Money.zero("EUR"), Money.of("24.00", "CNY"));
        assertThat(history.lines()).containsExactly("DROPFLOW: Booked without a refund (withheld, nothing paid): 24.00 CNY"
                + " charged back to the supplier for 1 of 2 piece(s), the rest paid through DF-RT3 already (at supply cost for"
                + " line(s) 1, up to what it was paid for the pieces: 24.00 CNY; at the sale price for line(s) 2: 0.00 CNY,"
                + " not the supply cost: purchase order DF-1-PO1 does not list DEMO-KETTLE)");
    }

    @SuppressWarnings("unchecked")
    private Claim mugAndKettleClaim() {
        Claim mugAndKettle = stored(new Claim(1L, 2L, 3L, io.dropflow.claim.ClaimType.DAMAGED, "Both broken.",
                Remedy.REFUND, "WEBSHOP", "EUR", java.util.List.of(
                        new io.dropflow.aftersales.CaseLine(1, "DEMO-MUG", 1, new BigDecimal("7.50")),
                        new io.dropflow.aftersales.CaseLine(2, "DEMO-KETTLE", 1, new BigDecimal("30.00"))), NOW), 8L);
        when(claims.get(8L)).thenReturn(mugAndKettle);
        when(claims.locked(8L)).thenReturn(mugAndKettle);
        doAnswer(call -> {
            call.<Consumer<Ledger>>getArgument(1).accept(ledger);
            return null;
        }).when(bookings).book(eq(mugAndKettle), any(Consumer.class), any());
        return mugAndKettle;
    }

    /** The mug bought at 24.00 CNY; 7.50 EUR is more than that, 30.00 EUR is 240.00 CNY at today's rate. */
    private void mugAndKettleOnAPurchaseOrderListingTheMug(Claim mugAndKettle) {
        purchaseOrderListing("DEMO-MUG");
        when(bookings.supplyCostByLine(mugAndKettle)).thenReturn(java.util.Map.of(1, new BigDecimal("24.00"), 2,
                BigDecimal.ZERO));
        when(bookings.upToSupplyCost(mugAndKettle, Money.of("7.50", "EUR"))).thenReturn(Money.of("24.00", "CNY"));
        when(bookings.inPurchaseOrderCurrency(mugAndKettle, Money.of("30.00", "EUR"))).thenReturn(Money.of("240.00", "CNY"));
    }

    private static CaseBookings.SupplierPaidThrough paidThrough(java.util.List<String> through, int left) {
        return new CaseBookings.SupplierPaidThrough(through, java.util.List.of(), java.util.Map.of(1, 2),
                java.util.Map.of(1, left));
    }

    /** The seller bears the claim and paid nothing: nothing is booked, the order's timeline still says it closed. */
    @Test
    void aWithheldClaimTheSellerBearsBooksNothingButIsNotedOnTheTimeline() {
        claim.agree(Remedy.COMPENSATION, eur("4.00"), CostBearer.SELLER, "seller pays", NOW);

        remedies.bookWithoutRefund(7L, ChargebackBasis.SALE_PRICE);

        verify(bookings, never()).supplierPaidThrough(any());
        verify(ledger).bookClaim(1L, "DF-CL7", Money.zero("EUR"), Money.zero("EUR"), Money.zero("EUR"));
        verify(purchasing, never()).recordUpheldClaim(any());
        verify(bookings).book(eq(claim), any(), eq("Defect claim DF-CL7 closed without a refund (paid back already):"
                + " nothing booked"));
        assertThat(history.lines()).containsExactly("DROPFLOW: Booked without a refund (withheld, nothing paid): nothing booked");
    }

    @Test
    void aReplacementTheSellerPaysForCostsItsGoodsAndShippingAndDoesNotCountAgainstTheSupplier() {
        claim.agree(Remedy.RESHIP, null, CostBearer.SELLER, "seller pays", NOW);
        when(bookings.landedCost(99L)).thenReturn(Money.of("58.00", "CNY"));

        remedies.bookOutcome(7L, 99L, null);

        verify(ledger).bookClaim(1L, "DF-CL7", Money.zero("EUR"), Money.of("58.00", "CNY"), Money.zero("EUR"));
        verify(purchasing, never()).recordUpheldClaim(any());
    }

    @Test
    void theConsumerIsPaidTheAgreedCompensationOnceUnderTheClaimsKey() {
        claim.agree(Remedy.COMPENSATION, eur("4.00"), CostBearer.SELLER, "seller pays", NOW);

        remedies.refundConsumer(7L);

        verify(consumer).refund(claim, eur("4.00"), "defect claim DF-CL7");
        assertThat(history.lines()).containsExactly("DROPFLOW: Paid the consumer 4.00 EUR through the storefront");
    }

    @Test
    void aReplacementIsFreeWhenTheSupplierBearsTheClaim() {
        claim.agree(Remedy.RESHIP, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        PurchaseOrderView po = mock(PurchaseOrderView.class);
        when(po.id()).thenReturn(99L);
        when(replacements.replacement(claim, 2, true, 48, Duration.ofHours(48))).thenReturn(po);

        assertThat(remedies.forwardReplacement(7L, 2, 48)).isEqualTo(99L);
    }

    @Test
    void theConsumerIsToldHowTheClaimEnded() {
        claim.agree(Remedy.REFUND, null, CostBearer.SUPPLIER, "supplier accepted", NOW);
        claim.moveTo(ClaimStatus.RESOLVED, NOW);
        remedies.tellOutcome(7L);
        verify(consumer).send(claim, "outcome", "Your claim DF-CL7 is settled: a full refund of 15.00 EUR.");

        Claim rejected = stored(ClaimTest.claimWishing(Remedy.REFUND), 8L);
        rejected.closeBecause(ClaimStatus.REJECTED, "The photos show the mug intact.", NOW);
        when(claims.get(8L)).thenReturn(rejected);
        remedies.tellOutcome(8L);
        verify(consumer).send(eq(rejected), eq("outcome"), argThat(text -> text.equals(
                "We could not accept your claim DF-CL8: The photos show the mug intact.")));
    }
}
