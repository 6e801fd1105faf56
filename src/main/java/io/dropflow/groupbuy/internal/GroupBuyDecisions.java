package io.dropflow.groupbuy.internal;

import io.dropflow.order.OrderTimeline;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * An operator's decision on a group-buy task, on the timeline of each order the task's form showed
 * (its consumer rows, {@link GroupBuyTaskForm}): "sam decided 'Decide on missing lines': Wait for
 * restock". Written when the task is completed, before what follows the decision (a refund, a return,
 * a wait) writes its own lines; once per order, in id order.
 */
@Service
public class GroupBuyDecisions {

    private final Purchases purchases;
    private final GroupBuyLines lines;
    private final GroupBuyOrders orders;
    private final OrderTimeline timeline;

    GroupBuyDecisions(Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders, OrderTimeline timeline) {
        this.purchases = purchases;
        this.lines = lines;
        this.orders = orders;
        this.timeline = timeline;
    }

    /**
     * On a purchase's task: the orders with lines on their way, or (the decision on missing lines) missing, as
     * {@link GroupBuyTaskForm#purchase} shows them.
     */
    public void onPurchase(Long batchId, int purchaseNo, boolean missingLines, String decided) {
        record(lines.onPurchaseTask(purchases.byNumber(batchId, purchaseNo).getId(), missingLines), decided);
    }

    /** On the batch's decision on uncollected items: the orders whose goods wait at the point, as the form shows them. */
    public void onUncollected(Long batchId, String decided) {
        record(lines.onUncollectedTask(batchId), decided);
    }

    private void record(List<GroupBuyLine> shown, String decided) {
        shown.stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted()
                .forEach(id -> timeline.record(orders.findById(id).orElseThrow().getOrderId(), decided));
    }
}
