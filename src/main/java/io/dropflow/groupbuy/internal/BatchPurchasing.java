package io.dropflow.groupbuy.internal;

import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.ShipByHoursTable;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.settlement.Ledger;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierRefusedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A batch's purchase with its supplier: the purchase order (in the supplier's currency, shipped to
 * the pickup point, blind), its ship-by deadline as for single orders (shipping-sla.dmn, reminder,
 * extension, cancellation), and its parcel. Called by the purchase's process, in the engine's transaction.
 */
@Service
public class BatchPurchasing {

    /** Destinations within the EU customs union count as "EU" when not domestic (as for single orders). */
    private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final Set<Status> ON_ITS_WAY = EnumSet.of(Status.ORDERED, Status.CANCELLATION_REQUESTED);

    private final Batches batches;
    private final Purchases purchases;
    private final GroupBuyLines lines;
    private final Catalog catalog;
    private final Purchasing purchasing;
    private final Tracking tracking;
    private final ShipByHoursTable sla;
    private final GroupBuyDeadlines shipBy;
    private final GroupBuyOrders orders;
    private final OrderTimeline timeline;
    private final Ledger ledger;
    private final Clock clock;

    BatchPurchasing(Batches batches, Purchases purchases, GroupBuyLines lines, Catalog catalog, Purchasing purchasing,
            Tracking tracking, ShipByHoursTable sla, GroupBuyDeadlines shipBy, GroupBuyOrders orders,
            OrderTimeline timeline, Ledger ledger, Clock clock) {
        this.orders = orders;
        this.ledger = ledger;
        this.timeline = timeline;
        this.batches = batches;
        this.purchases = purchases;
        this.lines = lines;
        this.catalog = catalog;
        this.purchasing = purchasing;
        this.tracking = tracking;
        this.sla = sla;
        this.shipBy = shipBy;
        this.clock = clock;
    }

    /** The purchase order the supplier received, its ship-by deadline and when to remind of it. */
    public record Placed(Long purchaseOrderId, Instant shipBy, Instant reminderDue) {
    }

    /**
     * Places the purchase's purchase order: its lines summed per SKU at the supplier's offers. The
     * number DF-B{batch}-PO{n} is the key, so a retry never orders twice.
     *
     * @throws SupplierRefusedException when the supplier refuses in its answer, or no longer offers an
     *     SKU: the lines go missing (a backup, or a refund)
     */
    @CallsPartner
    public Placed forward(Long batchId, int purchaseNo) {
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        PickupPoint point = batches.byId(batchId).getPickupPoint();
        List<GroupBuyLine> ordered = lines.findByPurchaseIdAndStatusIn(purchase.getId(), ON_ITS_WAY);
        if (ordered.isEmpty()) {
            // Its consumers cancelled every line before it went out: an empty purchase order is never placed.
            purchase.emptied();
            throw new SupplierRefusedException("NOTHING_TO_ORDER", "every line of purchase " + purchaseNo + " of batch "
                    + batchId + " was cancelled or went missing before it was forwarded: nothing to order");
        }
        Map<String, Integer> pieces = new LinkedHashMap<>();
        ordered.forEach(l -> pieces.merge(l.getSku(), l.getQuantity(), Integer::sum));
        Map<String, OfferView> offers = catalog.offersOf(purchase.getSupplierId(), pieces.keySet()).stream()
                .collect(Collectors.toMap(OfferView::sku, Function.identity(), (a, b) -> a));
        try {
            if (!offers.keySet().containsAll(pieces.keySet())) {
                throw new SupplierRefusedException("NOT_OFFERED", "the supplier no longer offers every SKU of purchase "
                        + purchaseNo + " of batch " + batchId);
            }
            List<Purchasing.Line> poLines = pieces.entrySet().stream().map(e -> {
                OfferView offer = offers.get(e.getKey());
                return new Purchasing.Line(e.getKey(), offer.supplierSku(), e.getValue(), offer.supplyPrice());
            }).toList();
            List<OfferView> used = pieces.keySet().stream().map(offers::get).toList();
            BigDecimal shipping = used.stream().map(OfferView::shippingCost).max(BigDecimal::compareTo).orElseThrow();
            int hours = 0;
            for (OfferView offer : used) {
                hours = Math.max(hours, sla.shipByHours(purchase.getTier(), destinationRegion(offer.shipFromRegion(),
                        point.getCountry()), offer.category(), offer.shipByHours()));
            }
            PurchaseOrderView po = purchasing.forwardBatch(new Purchasing.BatchForwardCommand(batchId, purchaseNo,
                    purchase.getSupplierId(), poLines, shipping, used.get(0).currency(), point.shipTo(), hours,
                    shipBy.hours(hours)));
            purchase.forwarded(po.id());
            return new Placed(po.id(), po.shipByAt(), shipBy.reminderDue(po.forwardedAt(), po.shipByAt()));
        } catch (SupplierRefusedException refused) {
            purchase.failed();
            ordered.forEach(GroupBuyLine::missing);
            throw refused;
        }
    }

    /** Once per deadline (the supplier feature keys the reminder by it). */
    @CallsPartner
    public void remindSupplier(Long purchaseOrderId) {
        purchasing.remindOfShipBy(purchaseOrderId);
    }

    /** An operator gives the late supplier {@code hours} more SLA hours from now, with a reminder of their own. */
    public Placed extendShipBy(Long purchaseOrderId, long hours) {
        Instant now = clock.instant();
        Instant until = now.plus(shipBy.hours(hours));
        purchasing.extendShipBy(purchaseOrderId, until);
        return new Placed(purchaseOrderId, until, shipBy.reminderDue(now, until));
    }

    /**
     * What came of giving up on a late supplier.
     *
     * @param shippedParcel the parcel, when the purchase order had shipped before the give-up took hold:
     *     nothing was cancelled and nothing goes missing; null when the give-up stands
     */
    public record GiveUp(Long shippedParcel) {

        public boolean cameTooLate() {
            return shippedParcel != null;
        }
    }

    /**
     * An operator gives up on a late supplier: it is asked to cancel, and the purchase's lines go
     * missing, to a backup supplier or a refund. No answer is awaited, so the cancellation stands at
     * once (reason GIVEN_UP): a parcel the supplier ships after all goes to an operator, not to the
     * pickup point beside the backup's.
     *
     * <p>Unless the purchase order shipped before: then ordering its lines again would buy the same goods
     * twice, so the give-up changes nothing but the orders' timelines, and the parcel is followed to the
     * point. What decides is the purchase order's status read under its row lock, which is held until
     * the caller's transaction commits ({@link Purchasing#cancelWithoutAnswer}): a shipment applied
     * before it is seen here (the supplier's webhook takes the same lock first, and records the parcel on
     * the purchase in that transaction), one that comes after it finds the purchase order cancelled and
     * goes to an operator. The parcel is read from its table after that lock, not from the purchase as
     * this transaction read it before.
     */
    @CallsPartner
    public GiveUp cancelLatePurchaseOrder(Long batchId, int purchaseNo) {
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        purchasing.requestCancellation(purchase.getPurchaseOrderId());
        PurchaseOrderView po = purchasing.cancelWithoutAnswer(purchase.getPurchaseOrderId(), Purchasing.GIVEN_UP);
        if (po.status() == PurchaseOrderStatus.SHIPPED) {
            Long parcel = purchases.shipmentOf(purchase.getId()).orElseThrow(() -> new IllegalStateException(
                    po.number() + " shipped, but its parcel is not recorded on purchase " + purchaseNo + " of batch "
                            + batchId + " yet: not given up, tried again"));
            String what = "The operator gave up on " + po.supplierCode() + " for being late with purchase order "
                    + po.number() + ", but it had shipped before the give-up took effect: nothing is cancelled or "
                    + "ordered again, its parcel is on its way to the pickup point";
            recordOnOrdersOf(lines.findByPurchaseIdAndStatusIn(purchase.getId(), ON_ITS_WAY), what);
            return new GiveUp(parcel);
        }
        purchase.failed();
        lines.findByPurchaseIdAndStatusIn(purchase.getId(), ON_ITS_WAY).forEach(GroupBuyLine::missing);
        return new GiveUp(null);
    }

    /**
     * Consumers cancelled every line of the purchase order and the supplier took them off: nothing is
     * left to ship, so the supplier is asked to cancel it as any cancelled purchase order
     * ({@link Purchasing#requestCancellation}, key {number}-cancel, once), and the cancellation stands at
     * once (reason EMPTIED): nobody waits for its answer, and a parcel it ships after all goes to an operator.
     */
    @CallsPartner
    public void cancelEmptiedPurchaseOrder(Long batchId, int purchaseNo) {
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        purchasing.requestCancellation(purchase.getPurchaseOrderId());
        PurchaseOrderView po = purchasing.cancelWithoutAnswer(purchase.getPurchaseOrderId(), Purchasing.EMPTIED);
        purchase.emptied();
        // Its lines were cancelled by their consumers or went to a backup supplier; a purchase order that had
        // shipped all the same is said so, not hidden behind "nothing ships".
        String nothingLeft = "Nothing is left to deliver on purchase order " + po.number()
                + " (its lines were cancelled or went to a backup supplier)";
        recordOnOrdersOf(lines.findByPurchaseId(purchase.getId()), po.status() == PurchaseOrderStatus.SHIPPED
                ? nothingLeft + ", but " + po.supplierCode() + " had shipped it already: ask the supplier about its parcel"
                : nothingLeft + ": " + po.supplierCode() + " is asked to cancel it");
    }

    /** Writes {@code what} on the timeline of each order with one of these lines, once per order, in id order. */
    private void recordOnOrdersOf(List<GroupBuyLine> someLines, String what) {
        someLines.stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted()
                .forEach(id -> timeline.record(orders.findById(id).orElseThrow().getOrderId(), what));
    }

    /**
     * Subscribes to the carrier's tracking of the batch's parcel (once per number). A number the supplier replaced
     * before it was set up is not: the new number's message follows, and registers that one. A tracking service that
     * refuses the number for good is an answer, as for an order's own parcel: the purchase goes on, the orders whose
     * lines are on the parcel say why, and the silent parcel reaches an operator ("No arrival in time").
     */
    @CallsPartner
    public void registerTracking(Long shipmentId) {
        ShipmentView parcel = tracking.shipment(shipmentId);
        if (parcel.isReplaced()) {
            return;
        }
        Optional<Purchase> purchase = purchases.findByPurchaseOrderId(parcel.purchaseOrderId());
        // The parcel goes to the pickup point, for its leader: carriers that want the consignee's phone or postal
        // code (17TRACK for some, Kuaidi100 for SF Express) get the point's, as an order's parcel gets its consumer's
        Consignee consignee = purchase.map(p -> batches.byId(p.getBatchId()).getPickupPoint().consignee())
                .orElse(Consignee.UNKNOWN);
        tracking.registerOrSayWhyNot(shipmentId, consignee).ifPresent(refused -> purchase.ifPresent(p ->
                recordOnOrdersOf(lines.findByPurchaseIdAndStatusIn(p.getId(), ON_ITS_WAY), refused)));
    }

    /**
     * The parcel is lost (or never confirmed): its lines go missing, to a backup supplier or a refund. A
     * parcel that shipped was paid for all the same (as a home delivery's given-up parcel, order's Closing):
     * each order whose lines were on it is booked its share of the purchase order's supply and shipping now,
     * while the lines are still on it, as the batch's settlement would share it ({@link PurchaseShares}); the
     * consumer's refund or the backup's parcel comes beside it. Once per order and purchase order (the
     * ledger's reference is the purchase order's number), so a retried job books nothing twice.
     */
    public void writeOffParcel(Long batchId, int purchaseNo) {
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        List<GroupBuyLine> lost = lines.findByPurchaseIdAndStatusIn(purchase.getId(), ON_ITS_WAY);
        bookGivenUpParcel(purchase, lost);
        purchase.failed();
        lost.forEach(GroupBuyLine::missing);
    }

    private void bookGivenUpParcel(Purchase purchase, List<GroupBuyLine> lost) {
        if (purchase.getPurchaseOrderId() == null || lost.isEmpty()) {
            return;
        }
        PurchaseOrderView po = purchasing.purchaseOrder(purchase.getPurchaseOrderId());
        if (po.status() != PurchaseOrderStatus.SHIPPED) {
            return;
        }
        Map<Long, List<GroupBuyLine>> byOrder = new TreeMap<>();
        lost.forEach(l -> byOrder.computeIfAbsent(l.getGroupBuyOrderId(), k -> new ArrayList<>()).add(l));
        Map<Long, Ledger.Cost> shares = new LinkedHashMap<>();
        PurchaseShares.of(po, byOrder).forEach((id, cost) -> shares.put(orders.findById(id).orElseThrow().getOrderId(), cost));
        ledger.bookShares(shares); // converted together: the orders' entries add up to the shares converted as a whole
        shares.forEach((orderId, cost) -> {
            timeline.record(orderId, "Parcel of purchase order " + po.number() + " given up: it shipped and was paid "
                    + "for all the same, this order's share booked (supply " + cost.supply() + ", shipping "
                    + cost.shipping() + ")");
        });
    }

    /** "domestic", "EU" or "international", as the shipping-SLA table knows them. */
    static String destinationRegion(String shipFrom, String destination) {
        if (shipFrom.equalsIgnoreCase(destination)) {
            return "domestic";
        }
        return EU.contains(shipFrom.toUpperCase()) && EU.contains(destination.toUpperCase()) ? "EU" : "international";
    }
}
