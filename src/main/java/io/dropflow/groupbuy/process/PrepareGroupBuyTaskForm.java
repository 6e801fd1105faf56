package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.MISSING_LINES_DECISION;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.RECEIPT;

import io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.Element;
import io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.MissingLinesDecision;
import io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.Receipt;

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
        if (key.equals(GroupBuyBatchProcess.Element.DECIDE_UNCOLLECTED.id())) {
            form.uncollected(BATCH_ID.from(task)).setLocal(task);
            return;
        }
        Long batch = BATCH_ID.from(task);
        int no = Math.toIntExact(PURCHASE_NO.from(task));
        (key.equals(Element.CONFIRM_RECEIPT.id()) ? form.receipt(batch, no) // the leader's: the point's time zone
                : key.equals(Element.DECIDE_MISSING_PARCEL.id()) ? form.missingParcel(batch, no,
                        RECEIPT.from(task, null) == Receipt.PARCEL_MISSING)
                : key.equals(Element.DECIDE_MISSING_LINES.id()) ? form.missingLines(batch, no,
                        MISSING_LINES_DECISION.from(task, null) == MissingLinesDecision.WAIT_FOR_RESTOCK)
                : form.purchase(batch, no, false)).setLocal(task);
    }
}
