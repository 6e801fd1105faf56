package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;

import io.dropflow.groupbuy.internal.GroupBuyTaskForm;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of a group-buy task: the facts its form shows go into the task's FormFacts (data only). */
@Component("prepareGroupBuyTaskForm")
class PrepareGroupBuyTaskForm implements TaskListener {

    private final GroupBuyTaskForm form;

    PrepareGroupBuyTaskForm(GroupBuyTaskForm form) {
        this.form = form;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        (key.equals(GroupBuyBatchProcess.Element.DECIDE_UNCOLLECTED.id())
                ? form.uncollected(BATCH_ID.from(task))
                : key.equals(GroupBuyPurchaseProcess.Element.CONFIRM_RECEIPT.id()) // the leader's: the point's time zone
                        ? form.receipt(BATCH_ID.from(task), Math.toIntExact(PURCHASE_NO.from(task)))
                : form.purchase(BATCH_ID.from(task), Math.toIntExact(PURCHASE_NO.from(task)),
                        key.equals(GroupBuyPurchaseProcess.Element.DECIDE_MISSING_LINES.id()))).setLocal(task);
    }
}
