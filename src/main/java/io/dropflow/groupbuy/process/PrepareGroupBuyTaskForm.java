package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.TASK_COLLECT_BY;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.TASK_CONSUMER_ROWS;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.TASK_LEADER;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.TASK_PICKUP_POINT;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.TASK_PURCHASE_ORDER_NUMBER;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.TASK_SHIP_BY;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.TASK_SUPPLIER;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.TASK_TRACKING_NUMBER;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;

import io.dropflow.groupbuy.internal.GroupBuyTaskForm;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of a group-buy task: the facts its form shows go into task-local variables (data only). */
@Component("prepareGroupBuyTaskForm")
class PrepareGroupBuyTaskForm implements TaskListener {

    private final GroupBuyTaskForm form;

    PrepareGroupBuyTaskForm(GroupBuyTaskForm form) {
        this.form = form;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        GroupBuyTaskForm.Facts facts = key.equals(GroupBuyBatchProcess.Element.DECIDE_UNCOLLECTED.id())
                ? form.uncollected(BATCH_ID.from(task))
                : form.purchase(BATCH_ID.from(task), Math.toIntExact(PURCHASE_NO.from(task)),
                        key.equals(GroupBuyPurchaseProcess.Element.DECIDE_MISSING_LINES.id()));
        TASK_PICKUP_POINT.setLocal(task, facts.pickupPoint());
        TASK_LEADER.setLocal(task, facts.leader());
        TASK_PURCHASE_ORDER_NUMBER.setLocal(task, facts.purchaseOrderNumber());
        TASK_SUPPLIER.setLocal(task, facts.supplier());
        TASK_TRACKING_NUMBER.setLocal(task, facts.trackingNumber());
        TASK_SHIP_BY.setLocal(task, facts.shipBy());
        TASK_COLLECT_BY.setLocal(task, facts.collectBy());
        TASK_CONSUMER_ROWS.setLocal(task, facts.consumerRows());
    }
}
