package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.settlement.Ledger;
import io.dropflow.storefront.StorefrontGateway;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Refunds group-buy consumers what they are owed: every order of the batch with lines to refund (a
 * cancellation, lines nobody could supply, goods not collected), one refund per order and turn,
 * numbered in the storefront's key (DF-B{batch}-O{order}-REFUND{n}): a retried job refunds once. The
 * order's row is locked, so two refunding jobs of one batch never pay one line twice.
 */
@Service
public class Refunding {

    private static final Map<RefundReason, String> WHY = Map.of(RefundReason.CANCELLED, "cancelled by consumer",
            RefundReason.MISSING, "not available from any supplier", RefundReason.UNCOLLECTED, "not collected at the pickup point");

    private final GroupBuyOrders orders;
    private final GroupBuyLines lines;
    private final GroupBuyRefunds refunds;
    private final StorefrontGateway storefront;
    private final Ledger ledger;
    private final OrderLookup lookup;
    private final OrderProgress progress;
    private final OrderTimeline timeline;
    private final Clock clock;

    Refunding(GroupBuyOrders orders, GroupBuyLines lines, GroupBuyRefunds refunds, StorefrontGateway storefront,
            Ledger ledger, OrderLookup lookup, OrderProgress progress, OrderTimeline timeline, Clock clock) {
        this.orders = orders;
        this.lines = lines;
        this.refunds = refunds;
        this.storefront = storefront;
        this.ledger = ledger;
        this.lookup = lookup;
        this.progress = progress;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** @return how many consumers were refunded */
    @CallsPartner
    public int refundDue(Long batchId) {
        int refunded = 0;
        for (Long id : lines.findByBatchIdAndStatus(batchId, Status.REFUND_DUE).stream()
                .map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted().toList()) {
            GroupBuyOrder order = orders.lockById(id).orElseThrow();
            var due = order.refundDue();
            if (due.isEmpty()) {
                continue;
            }
            GroupBuyOrder.Refund refund = due.get();
            String key = "DF-B" + batchId + "-O" + order.getOrderId() + "-REFUND" + refund.refundNo();
            storefront.refund(lookup.order(order.getOrderId()).storefrontOrderId(), refund.amount().amount(),
                    refund.amount().currency(), WHY.get(refund.reason()), key);
            ledger.refund(order.getOrderId(), refund.amount(), key);
            order.refunded(refund);
            refunds.save(new GroupBuyRefund(order.getId(), refund.refundNo(), refund.amount().amount(),
                    refund.amount().currency(), refund.reason(), clock.instant()));
            if (order.isAllRefunded()) {
                progress.moveTo(order.getOrderId(), order.isCancelledByConsumer() ? OrderStatus.CANCELLED
                        : OrderStatus.REFUNDED);
            }
            timeline.record(order.getOrderId(), "Consumer refunded " + refund.amount() + " for " + refund.lines().size()
                    + " line(s): " + WHY.get(refund.reason()));
            refunded++;
        }
        return refunded;
    }
}
