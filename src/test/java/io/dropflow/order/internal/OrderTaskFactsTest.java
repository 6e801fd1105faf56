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
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an operator's form says about an order. */
class OrderTaskFactsTest {

    private final Orders orders = mock(Orders.class);
    private final SourcingCandidates candidates = mock(SourcingCandidates.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final Tracking tracking = mock(Tracking.class);
    private final Catalog catalog = mock(Catalog.class);
    private final Scorecards scorecards = mock(Scorecards.class);
    private final RecordedTimeline timeline = new RecordedTimeline();
    private final OrderTaskFacts facts = new OrderTaskFacts(orders, candidates, purchasing, tracking, catalog,
            scorecards, timeline, SLA, CLOCK);

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
    void theSummaryShowsLinesTotalAddressAndConsumer() {
        assertThat(facts.summary(ORDER_ID)).contains("**Order 7** (storefront SHOP-1001)", "- 1 × DEMO-MUG at 15.00 EUR",
                "Sale total: **15.00 EUR**", "Ship to: Erika Mustermann, Heidestrasse 17, 51147 Köln, DE",
                "Consumer: Erika Mustermann <erika@example.com>");
    }

    @Test
    void aMissedDeadlineSaysHowLateAndNamesTheBackupsRankedAfterTheLateSupplier() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("6.00")),
                new SourcingCandidate(ORDER_ID, 1, 2, 2L, 2, new BigDecimal("7.50"))));
        when(catalog.supplier(2L)).thenReturn(supplier(2, "BRIGHT", 80));

        String text = facts.missedDeadline(ORDER_ID, 11L, 1, 1);

        assertThat(text).contains("**Acme Homeware** (ACME, score 90) has not shipped purchase order DF-7-PO1",
                "**late by 2.0 h**", "Backup suppliers for rerouting: BRIGHT Goods (BRIGHT, tier 2, supply 7.50 EUR)");
    }

    @Test
    void withNoBackupLeftReroutingLeadsToTheOutOfStockDecision() {
        lateByTwoHours();
        when(candidates.findByOrderIdAndRoundOrderByRankNo(ORDER_ID, 1)).thenReturn(List.of(
                new SourcingCandidate(ORDER_ID, 1, 1, 1L, 1, new BigDecimal("6.00"))));

        assertThat(facts.missedDeadline(ORDER_ID, 11L, 1, 1))
                .contains("none left (rerouting leads to the out-of-stock decision)");
    }

    @Test
    void theHistoryShowsPurchaseOrdersAndTheLatestEightTimelineLines() {
        when(purchasing.purchaseOrdersOf(ORDER_ID)).thenReturn(List.of(purchaseOrder(11, 1, PurchaseOrderStatus.DECLINED)));
        for (int i = 1; i <= 10; i++) {
            timeline.record(NOW, "step " + i);
        }

        String history = facts.history(ORDER_ID);

        assertThat(history).startsWith("- Purchase order DF-7-PO1 to Acme Homeware: DECLINED\n")
                .contains("step 3", "step 10").doesNotContain("step 2\n");
    }
}
