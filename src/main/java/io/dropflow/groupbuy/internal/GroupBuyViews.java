package io.dropflow.groupbuy.internal;

import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.web.NotFound;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the group-buy API shows of orders and batches. */
@Service
public class GroupBuyViews {

    private final Batches batches;
    private final Purchases purchases;
    private final GroupBuyOrders orders;
    private final GroupBuyRefunds refunds;
    private final PickupPoints points;
    private final Purchasing purchasing;

    GroupBuyViews(Batches batches, Purchases purchases, GroupBuyOrders orders, GroupBuyRefunds refunds,
            PickupPoints points, Purchasing purchasing) {
        this.points = points;
        this.batches = batches;
        this.purchases = purchases;
        this.orders = orders;
        this.refunds = refunds;
        this.purchasing = purchasing;
    }

    /** A consumer's group-buy order: where and when, the pickup code, what became of each line, refunds. */
    public record OrderView(Long orderId, String pickupPoint, Long batchId, Instant cutoffAt, LocalDate expectedOn,
            String pickupCode, List<LineView> lines, List<RefundView> refunds, Instant collectedAt) {
    }

    public record LineView(int lineNo, String sku, int quantity, BigDecimal salePrice, String currency, String status,
            String purchaseOrderNumber, String refundReason) {
    }

    public record RefundView(int refundNo, BigDecimal amount, String currency, String reason, Instant refundedAt) {
    }

    /** A batch: its cutoff, purchases (one per supplier, and backups) and orders. */
    public record BatchView(Long id, String pickupPoint, String status, Instant cutoffAt, String cutoffLocal,
            LocalDate expectedOn, Instant collectBy, List<PurchaseView> purchases, List<BatchOrderView> orders) {
    }

    public record PurchaseView(int purchaseNo, String status, String supplierCode, String purchaseOrderNumber,
            String purchaseOrderStatus, Instant shipByAt, Integer replaces, Instant receivedAt, String receivedBy) {
    }

    /** @param pickupCode shown to staff only, never to the leader (who must be shown it by the consumer) */
    public record BatchOrderView(Long orderId, String pickupCode, List<LineView> lines) {
    }

    /** @param orders the orders still in the batch: one whose consumer cancelled all of it no longer counts */
    public record BatchSummary(Long id, String pickupPoint, String status, Instant cutoffAt, int orders) {
    }

    @Transactional(readOnly = true)
    public OrderView order(Long orderId) {
        GroupBuyOrder order = orders.findByOrderId(orderId).orElseThrow(() -> NotFound.of("group-buy order", orderId,
                "order " + orderId + " is not a group-buy order"));
        Batch batch = batches.byId(order.getBatchId());
        return new OrderView(orderId, batch.getPickupPoint().getCode(), batch.getId(), batch.getCutoffAt(),
                batch.getExpectedOn(), order.getPickupCode(), lines(order),
                refunds.findByGroupBuyOrderIdAndRefundedAtIsNotNullOrderByRefundNo(order.getId()).stream()
                        .map(r -> new RefundView(r.getRefundNo(), Money.inMinorUnits(r.getAmount(), r.getCurrency()),
                                r.getCurrency(), r.getReason().name(),
                                r.getRefundedAt())).toList(), order.getCollectedAt());
    }

    @Transactional(readOnly = true)
    public BatchView batch(Long batchId, boolean withCodes) {
        Batch batch = batches.byId(batchId);
        List<PurchaseView> ps = purchases.findByBatchIdOrderByPurchaseNo(batchId).stream().map(p -> {
            PurchaseOrderView po = p.getPurchaseOrderId() == null ? null : purchasing.purchaseOrder(p.getPurchaseOrderId());
            return new PurchaseView(p.getPurchaseNo(), p.getStatus().name(), po == null ? null : po.supplierCode(),
                    po == null ? null : po.number(), po == null ? null : po.status().name(),
                    po == null ? null : po.shipByAt(), p.getReplacesNo(), p.getReceivedAt(), p.getReceivedBy());
        }).toList();
        List<BatchOrderView> os = orders.withLinesOfBatch(batchId).stream()
                .map(o -> new BatchOrderView(o.getOrderId(), withCodes ? o.getPickupCode() : null, lines(o))).toList();
        PickupPoint point = batch.getPickupPoint();
        return new BatchView(batch.getId(), point.getCode(), batch.getStatus().name(), batch.getCutoffAt(),
                batch.getCutoffAt().atZone(point.zone()).toString(), batch.getExpectedOn(), batch.getCollectBy(), ps, os);
    }

    /** @param leaderUserId only the batches of the points this login leads; null: of every point */
    @Transactional(readOnly = true)
    public Page<BatchSummary> batches(String pickupPoint, String leaderUserId, Batch.Status status, Pageable page) {
        return batches.search(pickupPoint, leaderUserId, status, page).map(b -> new BatchSummary(b.getId(),
                b.getPickupPoint().getCode(), b.getStatus().name(), b.getCutoffAt(), (int) orders.countStillIn(b.getId())));
    }

    @Transactional(readOnly = true)
    public PickupPoint pointOfCode(String code) {
        return points.byCode(code);
    }

    /** The pickup point of a batch (for the caller's rights). */
    @Transactional(readOnly = true)
    public PickupPoint pointOf(Long batchId) {
        return batches.byId(batchId).getPickupPoint();
    }

    private List<LineView> lines(GroupBuyOrder order) {
        return order.getLines().stream().map(l -> {
            Purchase p = l.getPurchaseId() == null ? null : purchases.findById(l.getPurchaseId()).orElse(null);
            String number = p == null || p.getPurchaseOrderId() == null ? null
                    : Purchasing.batchPurchaseOrderNumber(p.getBatchId(), p.getPurchaseNo());
            return new LineView(l.getLineNo(), l.getSku(), l.getQuantity(),
                    Money.inMinorUnits(l.getSalePrice(), order.getCurrency()), order.getCurrency(), l.getStatus().name(),
                    number, l.getRefundReason() == null ? null : l.getRefundReason().name());
        }).toList();
    }
}
