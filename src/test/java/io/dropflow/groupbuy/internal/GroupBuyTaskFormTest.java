package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.Tracking;
import io.dropflow.order.Consumer;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The group-buy forms' facts: one row per consumer for the form's table, times in the seller's zone. */
class GroupBuyTaskFormTest {

    private final Batches batches = mock(Batches.class);
    /** Its lookups by task (default methods) ask the finders stubbed below. */
    private final GroupBuyLines lines = mock(GroupBuyLines.class, org.mockito.Mockito.CALLS_REAL_METHODS);
    private final GroupBuyOrders orders = mock(GroupBuyOrders.class);
    private final OrderLookup lookup = mock(OrderLookup.class);
    private final Purchases purchases = mock(Purchases.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final io.dropflow.order.OrderTimeline timeline = mock(io.dropflow.order.OrderTimeline.class);
    private final GroupBuyTaskForm form = new GroupBuyTaskForm(batches, purchases, lines, orders, lookup,
            purchasing, mock(Catalog.class), mock(Tracking.class), timeline, SellerTime.in("Asia/Shanghai"));

    /** Batch 3 of a Berlin pickup point, to be collected by 2026-12-02 07:04 UTC. */
    private Batch berlinBatch() {
        Leader leader = new Leader("LEO", "Leo", null, null, "leo", new BigDecimal("0.10"), Instant.EPOCH);
        PickupPoint point = new PickupPoint("P", new PickupPoint.Address("Corner shop", "1 Road", null, "Berlin", null,
                null, "DE"), ZoneId.of("Europe/Berlin"), leader, Instant.EPOCH);
        Batch batch = new Batch(point, Instant.EPOCH, null, Instant.EPOCH);
        batch.collectBy(Instant.parse("2026-12-02T07:04:00Z"));
        when(batches.byId(3L)).thenReturn(batch);
        return batch;
    }

    @Test
    void uncollectedGoodsAreOneRowPerConsumerWithTheCollectionTimeInTheSellersZone() {
        berlinBatch();
        GroupBuyOrder order = new GroupBuyOrder(40L, 3L, "1234", "EUR", Instant.EPOCH);
        order.addLine(1, "RICE-5KG", 2, new BigDecimal("9.90"));
        order.addLine(2, "OIL-1L", 1, new BigDecimal("3.50"));
        List<GroupBuyLine> waiting = order.getLines();
        waiting.forEach(l -> ReflectionTestUtils.setField(l, "groupBuyOrderId", 4L));
        when(lines.findByBatchIdAndStatus(3L, GroupBuyLine.Status.READY)).thenReturn(waiting);
        when(orders.findById(4L)).thenReturn(Optional.of(order));
        when(lookup.order(40L)).thenReturn(new OrderSummary(40L, "GB-40", OrderStatus.READY_FOR_PICKUP, "GROUP_BUY", "EUR",
                new Consumer("Wang Fang", "wang@example.com", "+86 139"), null, List.of(), Instant.EPOCH));

        FormFacts shown = form.uncollected(3L);

        assertThat(shown.values().keySet()).isSubsetOf(GroupBuyTaskForm.FACTS).containsExactlyInAnyOrder("pickupPoint",
                "leaderName", "purchaseOrderNumber", "supplierName", "trackingNumber", "shipBy", "collectByText",
                "consumerRows", "history");
        assertThat(shown.values()).containsEntry("leaderName", "Leo").containsEntry("collectByText",
                "2026-12-02 15:04 (Asia/Shanghai)");
        assertThat(shown.get("consumerRows")).isEqualTo(List.of(Map.of("consumer", "Wang Fang", "phone", "+86 139",
                "order", "GB-40", "lines", "2 × RICE-5KG, 1 × OIL-1L", "amount", "23.30 EUR")));
    }

    /**
     * The batch's history on an operator's form: its purchase orders with their status, and the lines of the timelines
     * of the orders on the form, a line written on each order of the batch once, oldest first, in the seller's zone.
     */
    @Test
    void theHistoryIsThePurchaseOrdersAndTheOrdersTimelinesEachBatchLineOnce() {
        berlinBatch();
        Purchase purchase = new Purchase(3L, 1, 5L, 1, null);
        purchase.forwarded(9L);
        when(purchases.findByBatchIdOrderByPurchaseNo(3L)).thenReturn(List.of(purchase));
        PurchaseOrderView po = mock(PurchaseOrderView.class);
        when(po.number()).thenReturn("DF-B3-PO1");
        when(po.supplierName()).thenReturn("Acme Homeware");
        when(po.status()).thenReturn(io.dropflow.supplier.PurchaseOrderStatus.ACCEPTED);
        when(po.createdAt()).thenReturn(Instant.parse("2026-12-01T10:00:00Z"));
        when(purchasing.purchaseOrder(9L)).thenReturn(po);
        List<GroupBuyLine> waiting = new java.util.ArrayList<>();
        for (long id : new long[] {4L, 5L}) {
            GroupBuyOrder order = new GroupBuyOrder(id * 10, 3L, "1234", "EUR", Instant.EPOCH);
            order.addLine(1, "RICE-5KG", 1, new BigDecimal("9.90"));
            order.getLines().forEach(l -> ReflectionTestUtils.setField(l, "groupBuyOrderId", id));
            waiting.addAll(order.getLines());
            when(orders.findById(id)).thenReturn(Optional.of(order));
            when(lookup.order(id * 10)).thenReturn(new OrderSummary(id * 10, "GB-" + id, OrderStatus.READY_FOR_PICKUP,
                    "GROUP_BUY", "EUR", new Consumer("C" + id, "c@example.com", "+86"), null, List.of(), Instant.EPOCH));
            when(timeline.of(id * 10)).thenReturn(List.of(
                    new io.dropflow.order.OrderTimeline.Entry(Instant.parse("2026-11-30T0" + id + ":00:00Z"), "Joined " + id),
                    new io.dropflow.order.OrderTimeline.Entry(Instant.parse("2026-12-02T07:04:00.00" + id + "Z"),
                            "Ready for pickup")));
        }
        when(lines.findByBatchIdAndStatus(3L, GroupBuyLine.Status.READY)).thenReturn(waiting);

        assertThat(form.uncollected(3L).get("history")).isEqualTo(List.of(
                Map.of("at", "2026-11-30 12:00 (Asia/Shanghai)", "what", "Joined 4"),
                Map.of("at", "2026-11-30 13:00 (Asia/Shanghai)", "what", "Joined 5"),
                Map.of("at", "2026-12-01 18:00 (Asia/Shanghai)", "what", "Purchase order DF-B3-PO1 to Acme Homeware",
                        "status", "Accepted"),
                Map.of("at", "2026-12-02 15:04 (Asia/Shanghai)", "what", "Ready for pickup")));

        // Exploratory test s16, doubt 6: the row shows the status it has now, so it stands when that status began, and
        // after the timeline's lines of the same instant
        when(po.updatedAt()).thenReturn(Instant.parse("2026-12-02T07:04:00.004Z"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) form.uncollected(3L).get("history");
        assertThat(history).extracting(row -> row.get("what"))
                .containsExactly("Joined 4", "Joined 5", "Ready for pickup", "Purchase order DF-B3-PO1 to Acme Homeware");
    }

    /**
     * The exploratory test's D10: a Berlin leader's "Confirm receipt" showed the ship-by in the seller's zone,
     * "2026-12-07 09:30 (Asia/Shanghai)", while the batch API gives the cutoff in the point's. The leader's task shows
     * its times in the point's zone now, the zone named; an operator's task of the same purchase keeps the seller's.
     */
    @Test
    void theLeadersReceiptShowsItsTimesInThePickupPointsZoneAndAnOperatorsTaskInTheSellers() {
        berlinBatch();
        Purchase purchase = new Purchase(3L, 1, 5L, 1, null);
        purchase.forwarded(9L);
        when(purchases.byNumber(3L, 1)).thenReturn(purchase);
        PurchaseOrderView po = mock(PurchaseOrderView.class);
        when(po.shipByAt()).thenReturn(Instant.parse("2026-12-07T01:30:00Z"));
        when(purchasing.purchaseOrder(9L)).thenReturn(po);

        assertThat(form.receipt(3L, 1).values()).containsEntry("shipBy", "2026-12-07 02:30 (Europe/Berlin)")
                .containsEntry("collectByText", "2026-12-02 08:04 (Europe/Berlin)").doesNotContainKey("history");
        assertThat(form.purchase(3L, 1, false).values()).containsEntry("shipBy", "2026-12-07 09:30 (Asia/Shanghai)");
    }
}
