package io.dropflow.order.internal;

import static io.dropflow.order.internal.OrderFixtures.CLOCK;
import static io.dropflow.order.internal.OrderFixtures.NOW;
import static io.dropflow.order.internal.OrderFixtures.ORDER_ID;
import static io.dropflow.order.internal.OrderFixtures.SLA;
import static io.dropflow.order.internal.OrderFixtures.mugOrder;
import static io.dropflow.order.internal.OrderFixtures.purchaseOrder;
import static io.dropflow.order.internal.OrderFixtures.scorecard;
import static io.dropflow.order.internal.OrderFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.Tracking;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an operator's form says about an order: one variable per fact, words not codes, the seller's time. */
class OrderTaskFactsTest {

    private final Orders orders = mock(Orders.class);
    private final SourcingCandidates candidates = mock(SourcingCandidates.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final Tracking tracking = mock(Tracking.class);
    private final Catalog catalog = mock(Catalog.class);
    private final Scorecards scorecards = mock(Scorecards.class);
    private final RecordedTimeline timeline = new RecordedTimeline();
    private final OrderTaskFacts facts = new OrderTaskFacts(orders, candidates, purchasing, tracking, catalog,
            scorecards, timeline, SLA, SellerTime.in("Asia/Shanghai"), CLOCK);

    @BeforeEach
    void givenAMugOrder() {
        when(orders.byId(ORDER_ID)).thenReturn(mugOrder());
        when(scorecards.recent(anyLong())).thenReturn(scorecard(supplier(1, "ACME", 90), 90, false));
    }

    /** Purchase order 11, late by two hours: its 24-hour deadline passed at NOW - 2 h. */
    private void lateByTwoHours() {
        PurchaseOrderView po = purchaseOrder(11, 1, PurchaseOrderStatus.ACCEPTED);
        when(purchasing.purchaseOrder(11L)).thenReturn(new PurchaseOrderView(po.id(), po.orderId(), po.supplierId(),
                po.supplierCode(), po.supplierName(), po.supplierScore(), po.number(), po.status(), null, null,
                po.supplyTotal(), po.shippingCost(), po.currency(), po.createdAt(), po.forwardedAt(), null, 24,
                NOW.minus(Duration.ofHours(2)), null, 0, null, null, 0, List.of()));
    }

    @Test
    void theOrderIsOneVariablePerFactWithMoneyInItsCurrencysDecimals() {
        FormFacts order = facts.order(ORDER_ID);

        assertThat(order.values().keySet()).containsExactlyInAnyOrderElementsOf(OrderTaskFacts.ORDER);
        assertThat(order.values()).containsEntry("orderNumber", "SHOP-1001").containsEntry("saleTotal", "15.00 EUR")
                .containsEntry("shipTo", "Erika Mustermann, Heidestrasse 17, 51147 Köln, DE")
                .containsEntry("consumer", "Erika Mustermann <erika@example.com>");
        assertThat(order.get("orderStatus")).asString().doesNotContain("_").isNotBlank();
        assertThat(order.get("orderLines")).isEqualTo(List.of(Map.of("quantity", 1, "sku", "DEMO-MUG", "salePrice", "15.00 EUR")));
    }

    @Test
    void aYenOrderHasNoDecimals() {
        when(orders.byId(ORDER_ID)).thenReturn(OrderFixtures.order(OrderFixtures.addressIn("DE"), "DEMO-MUG", 2, "1500", "JPY"));

        assertThat(facts.order(ORDER_ID).values()).containsEntry("saleTotal", "3000 JPY");
    }

    @Test
    void aMissedDeadlineSaysHowLateInTheSellersTimeAndNamesTheBackupsRankedAfterTheLateSupplier() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("6.00"), 90),
                new SourcingCandidate(ORDER_ID, 1, 2, 2L, 2, new BigDecimal("7.50"), 80)));
        when(catalog.supplier(2L)).thenReturn(supplier(2, "BRIGHT", 80));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(late.values().keySet()).containsExactlyInAnyOrderElementsOf(OrderTaskFacts.MISSED_DEADLINE);
        assertThat(late.values()).containsEntry("lateSupplier", "Acme Homeware (ACME)").containsEntry("lateSupplierScore", 90)
                .containsEntry("latePurchaseOrder", "DF-7-PO1").containsEntry("latePurchaseOrderStatus", "Accepted")
                .containsEntry("lateByHours", 2.0).containsEntry("shipByDeadline", "2026-03-02 16:00 (Asia/Shanghai)")
                .containsEntry("canReroute", true);
        assertThat(late.get("backups")).isEqualTo(List.of(
                Map.of("supplier", "BRIGHT Goods", "code", "BRIGHT", "tier", 2, "supplyTotal", "7.50 EUR")));
    }

    @Test
    void theLateSuppliersScoreIsTheOneSupplierSelectionRankedItByBesideItsScorecardNow() {
        lateByTwoHours(); // ACME's own base score is 90
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 2)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 2, 1, 7L, 1, new BigDecimal("5.00"), 95),
                new SourcingCandidate(ORDER_ID, 2, 2, 1L, 1, new BigDecimal("6.00"), 72)));
        when(catalog.supplier(7L)).thenReturn(supplier(7, "FIRST", 95));
        when(scorecards.recent(anyLong())).thenReturn(scorecard(supplier(1, "ACME", 90), 41, true));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 2, 2);

        assertThat(late.values()).as("the score the ranking used, not the base score nor today's")
                .containsEntry("lateSupplierScore", 72).containsEntry("scorecardScore", 41);
        assertThat(OrderTaskFacts.scorecardAsShown(late.values()::get).orElseThrow())
                .as("the timeline's line gives the score beside the rates it lists: today's")
                .startsWith("Decided with the late supplier Acme Homeware (ACME) at score 41: ");
    }

    @Test
    void aRankingThatKeptNoScoreShowsNoneRatherThanAnotherFigure() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("6.00"))));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(late.values()).containsEntry("lateSupplierScore", null).containsEntry("scorecardScore", 90);
    }

    @Test
    void theLateSuppliersShipWithinReadsInTheTablesHoursWhereAnSlaHourLastsSeconds() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of());
        // The demo's SLA hour lasts 2 s: the table's 48 hours last 96 s
        when(scorecards.recent(anyLong())).thenReturn(new io.dropflow.supplier.SupplierScorecard("ACME", "Acme Homeware",
                NOW.minus(Duration.ofDays(30)), NOW, Duration.ofSeconds(96), 48, 3, 1.0, 1.0, 1.0, 0.0, null, false, null, 90,
                false));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(late.values()).as("\"Shipped within 48 h\", not \"within 0 h\"").containsEntry("shippedWithinHours", 48L);
    }

    @Test
    void aRateNotKnownYetReadsInLowerCaseInsideTheTimelinesSentence() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of());
        when(scorecards.recent(anyLong())).thenReturn(new io.dropflow.supplier.SupplierScorecard("ACME", "Acme Homeware",
                NOW.minus(Duration.ofDays(30)), NOW, Duration.ofHours(48), 48, 0, null, null, null, null, null, false, null, 90,
                false));
        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        String line = OrderTaskFacts.scorecardAsShown(late.values()::get).orElseThrow();

        assertThat(late.values()).as("alone after its label on the form").containsEntry("onTimeRate", "Not known yet");
        assertThat(line).doesNotContain("Not known yet")
                .contains(": shipped within 48 h not known yet, on time not known yet, accepted not known yet, "
                        + "out of stock not known yet (0 purchase orders in 30 days)");
    }

    @Test
    void withNoBackupLeftReroutingIsNotOffered() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("6.00"))));

        FormFacts late = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(late.values()).containsEntry("canReroute", false).containsEntry("backups", List.of());
    }

    @Test
    void theHistoryIsRowsOldestFirstInWordsAndTheSellersTime() {
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(purchaseOrder(11, 1, PurchaseOrderStatus.DECLINED)));
        for (int i = 1; i <= OrderTaskFacts.HISTORY_ROWS + 2; i++) {
            timeline.record(NOW.plusSeconds(i), "step " + i);
        }

        List<Map<String, Object>> history = facts.history(ORDER_ID);

        assertThat(history).hasSize(OrderTaskFacts.HISTORY_ROWS);
        assertThat(history.get(history.size() - 1)).containsEntry("what", "step " + (OrderTaskFacts.HISTORY_ROWS + 2))
                .containsEntry("at", "2026-03-02 18:00 (Asia/Shanghai)");
        assertThat(history).extracting(row -> row.get("what")).doesNotContain("step 2")
                .doesNotContain("Purchase order DF-7-PO1 to Acme Homeware");
    }

    @Test
    void aPurchaseOrdersStatusReadsAsAWord() {
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(purchaseOrder(11, 1, PurchaseOrderStatus.CANCELLATION_REQUESTED)));

        assertThat(facts.history(ORDER_ID)).first().isEqualTo(Map.of("at", "2026-03-02 17:00 (Asia/Shanghai)",
                "what", "Purchase order DF-7-PO1 to Acme Homeware", "status", "Cancellation requested"));
    }
}
