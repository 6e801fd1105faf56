package io.dropflow.groupbuy.internal;

import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The facts group-buy task forms show (FormFacts): names, numbers, moments in the seller's
 * time zone (the leader's "Confirm receipt": the pickup point's, see {@link #receipt}), and one row per
 * consumer with their lines (a JSON list the forms' tables read).
 * Only data: every word an operator or leader reads (headings, column titles, choices) is in the
 * form files, so that the forms can be translated without touching Java.
 */
@Service
public class GroupBuyTaskForm {

    private final Batches batches;
    private final Purchases purchases;
    private final GroupBuyLines lines;
    private final GroupBuyOrders orders;
    private final OrderLookup lookup;
    private final Purchasing purchasing;
    private final Catalog catalog;
    private final Tracking tracking;
    private final OrderTimeline timeline;
    private final SellerTime time;

    /** The history's rows a form shows: the latest, as an order's form shows its latest 30; a batch's are fewer. */
    static final int HISTORY_ROWS = 15;

    GroupBuyTaskForm(Batches batches, Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders,
            OrderLookup lookup, Purchasing purchasing, Catalog catalog, Tracking tracking, OrderTimeline timeline,
            SellerTime time) {
        this.batches = batches;
        this.purchases = purchases;
        this.lines = lines;
        this.orders = orders;
        this.lookup = lookup;
        this.purchasing = purchasing;
        this.catalog = catalog;
        this.tracking = tracking;
        this.timeline = timeline;
        this.time = time;
    }

    /** Every variable the group-buy forms may show (data only: every word is in the form files). */
    public static final Set<String> FACTS = Set.of("pickupPoint", "leaderName", "purchaseOrderNumber", "supplierName",
            "trackingNumber", "shipBy", "collectByText", "consumerRows", "leaderReportedMissing", "carrierStatus",
            "carrierStatusAt", "backAfterRestockWait", "history");

    /**
     * "Decide on missing parcel": a purchase's facts, with why it is there (exploratory test s12): whether the leader
     * reported the parcel missing, and what the carrier said last (its status in words, when).
     */
    public FormFacts missingParcel(Long batchId, int purchaseNo, boolean leaderReportedMissing) {
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        var parcel = purchase.getShipmentId() == null ? null : tracking.shipment(purchase.getShipmentId());
        return purchase(batchId, purchaseNo, false, time, true).put("leaderReportedMissing", leaderReportedMissing)
                .put("carrierStatus", parcel == null ? null : io.dropflow.processengine.OperatorWords.of(parcel.status()))
                .put("carrierStatusAt", parcel == null ? null : time.format(parcel.lastEventAt()));
    }

    /** "Decide on missing lines": the missing lines' facts, and whether it is back after a wait for restock. */
    public FormFacts missingLines(Long batchId, int purchaseNo, boolean backAfterRestockWait) {
        return purchase(batchId, purchaseNo, true, time, true).put("backAfterRestockWait", backAfterRestockWait);
    }

    /**
     * A purchase's facts, with the consumers whose lines are on their way to the point, or (for the
     * decision on missing lines) whose lines went missing.
     */
    public FormFacts purchase(Long batchId, int purchaseNo, boolean missingLines) {
        return purchase(batchId, purchaseNo, missingLines, time, true);
    }

    /**
     * The leader's "Confirm receipt": a purchase's facts as {@link #purchase}, its moments in the pickup point's time
     * zone, the zone named ("2026-12-07 03:30 (Europe/Berlin)"), as the batch API's {@code cutoffLocal}: the leader
     * reads them where the point is, not in the seller's zone of the operators' forms.
     */
    public FormFacts receipt(Long batchId, int purchaseNo) {
        return purchase(batchId, purchaseNo, false,
                SellerTime.in(batches.byId(batchId).getPickupPoint().zone().getId()), false);
    }

    private FormFacts purchase(Long batchId, int purchaseNo, boolean missingLines, SellerTime shownIn,
            boolean withHistory) {
        Batch batch = batches.byId(batchId);
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        PurchaseOrderView po = purchase.getPurchaseOrderId() == null ? null
                : purchasing.purchaseOrder(purchase.getPurchaseOrderId());
        String supplier = po != null ? po.supplierName()
                : purchase.getSupplierId() == null ? null : catalog.supplier(purchase.getSupplierId()).name();
        String trackingNumber = purchase.getShipmentId() == null ? null
                : tracking.shipment(purchase.getShipmentId()).trackingNumber();
        List<GroupBuyLine> shown = lines.onPurchaseTask(purchase.getId(), missingLines);
        FormFacts facts = facts(batch, po == null ? null : po.number(), supplier, trackingNumber,
                po == null ? null : po.shipByAt(), shown, shownIn);
        // an operator's decision shows what came before it; the leader's receipt is the parcel's arrival only
        return withHistory ? facts.rows("history", history(withThoseItReplaces(purchase), shown)) : facts;
    }

    /** A batch's facts, with the consumers whose goods wait at the point, and what happened to the batch so far. */
    public FormFacts uncollected(Long batchId) {
        Batch batch = batches.byId(batchId);
        List<GroupBuyLine> shown = lines.onUncollectedTask(batchId);
        return facts(batch, null, null, null, null, shown, time)
                .rows("history", history(purchases.findByBatchIdOrderByPurchaseNo(batchId), shown));
    }

    /** The purchase and those it replaces (a backup supplier's purchase replaces the one that failed), oldest first. */
    private List<Purchase> withThoseItReplaces(Purchase purchase) {
        List<Purchase> chain = new ArrayList<>();
        for (Purchase p = purchase; p != null && chain.size() < 20; p = p.getReplacesNo() == null ? null
                : purchases.findByBatchIdAndPurchaseNo(p.getBatchId(), p.getReplacesNo()).orElse(null)) {
            chain.add(0, p);
        }
        return chain;
    }

    /**
     * What happened before the task, as an order's form shows it ("What happened so far"): the purchase orders with
     * their status, the parcels with their carriers' scans, and the lines of the timelines of the orders the form
     * lists (a line Dropflow writes on each order of the batch, "Purchase order DF-B3-PO1 forwarded …", once), oldest
     * first, the latest {@link #HISTORY_ROWS}; each "when, what, status, detail", in the seller's time zone.
     */
    private List<Map<String, Object>> history(List<Purchase> shownPurchases, List<GroupBuyLine> shown) {
        // source: 0 a timeline's line, 1 a purchase order's row, 2 a parcel's; of the same instant, in that order
        record Entry(Instant at, int source, String what, String status, String detail) {
        }
        List<Entry> entries = new ArrayList<>();
        for (Purchase purchase : shownPurchases) {
            if (purchase.getPurchaseOrderId() != null) {
                PurchaseOrderView po = purchasing.purchaseOrder(purchase.getPurchaseOrderId());
                // its status now, when that status began (as an order's history has it, exploratory test s16, doubt 6;
                // not at its last change, which a reminder also moves, review s17 F2)
                entries.add(new Entry(po.statusChangedAt() != null ? po.statusChangedAt()
                        : po.updatedAt() != null ? po.updatedAt() : po.createdAt(), 1,
                        "Purchase order " + po.number() + " to " + po.supplierName(),
                        io.dropflow.processengine.OperatorWords.of(po.status()),
                        io.dropflow.processengine.OperatorWords.of(po.reasonCode())));
            }
            if (purchase.getShipmentId() != null) {
                var parcel = tracking.shipment(purchase.getShipmentId());
                String what = "Parcel " + parcel.carrierCode() + " " + parcel.trackingNumber();
                entries.add(new Entry(parcel.createdAt(), 2, what,
                        io.dropflow.processengine.OperatorWords.of(parcel.status()), null));
                parcel.events().forEach(e -> entries.add(new Entry(e.storyAt(), 2, what,
                        io.dropflow.processengine.OperatorWords.of(e.status()),
                        java.util.stream.Stream.of(e.location(), e.description())
                                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(": ")))));
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        shown.stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted()
                .map(id -> orders.findById(id).orElseThrow().getOrderId())
                .flatMap(orderId -> timeline.of(orderId).stream())
                .filter(line -> seen.add(line.what() + "@" + line.at().getEpochSecond()))
                .forEach(line -> entries.add(new Entry(line.at(), 0, line.what(), null, null)));
        List<Entry> sorted = entries.stream()
                .sorted(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(Entry::source)).toList();
        return sorted.subList(Math.max(0, sorted.size() - HISTORY_ROWS), sorted.size()).stream()
                .map(e -> FormFacts.row("at", time.format(e.at()), "what", e.what(), "status", e.status(),
                        "detail", e.detail()))
                .toList();
    }

    private FormFacts facts(Batch batch, String purchaseOrderNumber, String supplier, String trackingNumber,
            Instant shipBy, List<GroupBuyLine> shown, SellerTime shownIn) {
        return new FormFacts()
                .put("pickupPoint", pointName(batch))
                .put("leaderName", batch.getPickupPoint().getLeader().getName())
                .put("purchaseOrderNumber", purchaseOrderNumber)
                .put("supplierName", supplier)
                .put("trackingNumber", trackingNumber)
                .put("shipBy", shownIn.format(shipBy))
                .put("collectByText", shownIn.format(batch.getCollectBy()))
                .rows("consumerRows", rows(shown));
    }

    private static String pointName(Batch batch) {
        return batch.getPickupPoint().getName() + " (" + batch.getPickupPoint().getCode() + ")";
    }

    /**
     * One row per consumer: name, phone, their order (the storefront's number), their lines ("2 × SKU, 1 × SKU") and
     * what those lines cost them, with the currency ("24.00 EUR": what refunding them pays back).
     */
    private List<Map<String, Object>> rows(List<GroupBuyLine> shown) {
        Map<Long, List<GroupBuyLine>> byOrder = new LinkedHashMap<>();
        shown.stream().sorted(Comparator.comparing(GroupBuyLine::getGroupBuyOrderId))
                .forEach(l -> byOrder.computeIfAbsent(l.getGroupBuyOrderId(), k -> new ArrayList<>()).add(l));
        List<Map<String, Object>> rows = new ArrayList<>();
        byOrder.forEach((id, orderLines) -> {
            OrderSummary order = lookup.order(orders.findById(id).orElseThrow().getOrderId());
            rows.add(FormFacts.row("consumer", order.consumer().name(), "phone", order.consumer().phone(),
                    "order", order.storefrontOrderId(),
                    "lines", orderLines.stream().map(l -> l.getQuantity() + " × " + l.getSku())
                            .collect(Collectors.joining(", ")),
                    "amount", orderLines.stream().map(l -> l.value(order.currency()))
                            .reduce(io.dropflow.settlement.Money.zero(order.currency()), io.dropflow.settlement.Money::plus)
                            .toString()));
        });
        return rows;
    }
}
