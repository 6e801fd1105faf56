package io.dropflow.groupbuy.internal;

import io.dropflow.order.OrderTimeline;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * An operator's decision on a group-buy task, on the timeline of each order the task's form showed
 * (its consumer rows): "sam decided 'Decide on missing lines': Wait for restock". Written when the
 * task is completed, before what follows the decision (a refund, a return, a wait) writes its own
 * lines; once per order, in id order.
 */
@Service
public class GroupBuyDecisions {

    private final Purchases purchases;
    private final GroupBuyOrders orders;
    private final GroupBuyTaskForm form;
    private final OrderTimeline timeline;

    GroupBuyDecisions(Purchases purchases, GroupBuyOrders orders, GroupBuyTaskForm form, OrderTimeline timeline) {
        this.purchases = purchases;
        this.orders = orders;
        this.form = form;
        this.timeline = timeline;
    }

    /** On a purchase's task: the orders with lines on their way, or (the decision on missing lines) missing. */
    public void onPurchase(Long batchId, int purchaseNo, boolean missingLines, String decided) {
        record(form.shownLines(purchases.byNumber(batchId, purchaseNo), missingLines), decided);
    }

    /** On the batch's decision on uncollected items: the orders whose goods wait at the point. */
    public void onUncollected(Long batchId, String decided) {
        record(form.uncollectedLines(batchId), decided);
    }

    private void record(List<GroupBuyLine> shown, String decided) {
        shown.stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted()
                .forEach(id -> timeline.record(orders.findById(id).orElseThrow().getOrderId(), decided));
    }
}
