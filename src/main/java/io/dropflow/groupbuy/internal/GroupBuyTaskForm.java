package io.dropflow.groupbuy.internal;

import io.dropflow.carrier.Tracking;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderSummary;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The facts group-buy task forms show: names, numbers and one row per consumer with their lines.
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

    GroupBuyTaskForm(Batches batches, Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders,
            OrderLookup lookup, Purchasing purchasing, Catalog catalog, Tracking tracking) {
        this.batches = batches;
        this.purchases = purchases;
        this.lines = lines;
        this.orders = orders;
        this.lookup = lookup;
        this.purchasing = purchasing;
        this.catalog = catalog;
        this.tracking = tracking;
    }

    /**
     * @param consumerRows Markdown table rows "| name | phone | 2 × SKU, 1 × SKU |", one per consumer
     *     (the form has the table's head); purchase order, supplier and tracking number are null when
     *     there are none yet
     */
    public record Facts(String pickupPoint, String leader, String purchaseOrderNumber, String supplier,
            String trackingNumber, String shipBy, String collectBy, String consumerRows) {
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    /**
     * A purchase's facts, with the consumers whose lines are on their way to the point, or (for the
     * decision on missing lines) whose lines went missing.
     */
    public Facts purchase(Long batchId, int purchaseNo, boolean missingLines) {
        Set<Status> statuses = missingLines ? EnumSet.of(Status.MISSING)
                : EnumSet.of(Status.ORDERED, Status.CANCELLATION_REQUESTED);
        Batch batch = batches.byId(batchId);
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        PurchaseOrderView po = purchase.getPurchaseOrderId() == null ? null
                : purchasing.purchaseOrder(purchase.getPurchaseOrderId());
        String supplier = po != null ? po.supplierName()
                : purchase.getSupplierId() == null ? null : catalog.supplier(purchase.getSupplierId()).name();
        String trackingNumber = purchase.getShipmentId() == null ? null
                : tracking.shipment(purchase.getShipmentId()).trackingNumber();
        return new Facts(pointName(batch), batch.getPickupPoint().getLeader().getName(), po == null ? null : po.number(),
                supplier, trackingNumber, local(po == null ? null : po.shipByAt(), batch),
                local(batch.getCollectBy(), batch), rows(lines.findByPurchaseIdAndStatusIn(purchase.getId(), statuses)));
    }

    /** A batch's facts, with the consumers whose goods wait at the point. */
    public Facts uncollected(Long batchId) {
        Batch batch = batches.byId(batchId);
        return new Facts(pointName(batch), batch.getPickupPoint().getLeader().getName(), null, null, null, null,
                local(batch.getCollectBy(), batch), rows(lines.findByBatchIdAndStatus(batchId, Status.READY)));
    }

    /** In the pickup point's time zone. */
    private static String local(Instant at, Batch batch) {
        return at == null ? null : LOCAL.format(at.atZone(batch.getPickupPoint().zone()));
    }

    private static String pointName(Batch batch) {
        return batch.getPickupPoint().getName() + " (" + batch.getPickupPoint().getCode() + ")";
    }

    private String rows(List<GroupBuyLine> shown) {
        Map<Long, List<GroupBuyLine>> byOrder = new LinkedHashMap<>();
        shown.stream().sorted(java.util.Comparator.comparing(GroupBuyLine::getGroupBuyOrderId))
                .forEach(l -> byOrder.computeIfAbsent(l.getGroupBuyOrderId(), k -> new java.util.ArrayList<>()).add(l));
        StringBuilder rows = new StringBuilder();
        byOrder.forEach((id, orderLines) -> {
            OrderSummary order = lookup.order(orders.findById(id).orElseThrow().getOrderId());
            rows.append("| ").append(cell(order.consumer().name())).append(" | ")
                    .append(cell(order.consumer().phone() == null ? "" : order.consumer().phone())).append(" | ")
                    .append(orderLines.stream().map(l -> l.getQuantity() + " × " + l.getSku())
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        });
        return rows.toString();
    }

    private static String cell(String text) {
        return text.replace('|', '/').replace('\n', ' ');
    }
}
