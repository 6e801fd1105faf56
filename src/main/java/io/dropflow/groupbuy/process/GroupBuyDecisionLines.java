package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;

import io.dropflow.groupbuy.internal.GroupBuyDecisions;
import io.dropflow.processengine.FormChoice;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.processengine.ProcessVariable;
import io.dropflow.processengine.TaskActors;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What recordGroupBuyDecision writes on completing a group-buy operator task: who decided what goes
 * into the timeline of each order the form showed ("sam decided 'Decide on missing lines': Wait for restock"), as an order's own tasks do
 * (recordOperatorNote). A decision that changes nothing yet (wait for restock, keep the goods at the
 * point, extend, keep waiting) would otherwise leave no trace on the orders it concerns.
 */
@Component
class GroupBuyDecisionLines {

    /** Each operator task of the two models and the form field that holds its decision. */
    private static final Map<String, ProcessVariable<? extends FormChoice>> DECISIONS = Map.of(
            GroupBuyPurchaseProcess.Element.DECIDE_MISSING_LINES.id(), GroupBuyPurchaseProcess.MISSING_LINES_DECISION,
            GroupBuyPurchaseProcess.Element.DECIDE_SHIP_BY_BREACH.id(), GroupBuyPurchaseProcess.SLA_DECISION,
            GroupBuyPurchaseProcess.Element.DECIDE_MISSING_PARCEL.id(), GroupBuyPurchaseProcess.PARCEL_DECISION,
            GroupBuyBatchProcess.Element.DECIDE_UNCOLLECTED.id(), GroupBuyBatchProcess.UNCOLLECTED_DECISION);

    private final GroupBuyDecisions decisions;

    GroupBuyDecisionLines(GroupBuyDecisions decisions) {
        this.decisions = decisions;
    }

    /** A group-buy operator task being completed. */
    void record(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        ProcessVariable<? extends FormChoice> decision = DECISIONS.get(key);
        if (decision == null) {
            return;
        }
        String decided = who(task, key) + " decided '" + task.getName() + "'"
                + decision.optionalFrom(task).map(d -> ": " + OperatorWords.of(d.formValue())).orElse("");
        if (key.equals(GroupBuyBatchProcess.Element.DECIDE_UNCOLLECTED.id())) {
            decisions.onUncollected(BATCH_ID.from(task), decided);
        } else {
            decisions.onPurchase(BATCH_ID.from(task), Math.toIntExact(PURCHASE_NO.from(task)),
                    key.equals(GroupBuyPurchaseProcess.Element.DECIDE_MISSING_LINES.id()), decided);
        }
    }

    /**
     * The operator completing the task; on "Decide on missing parcel", the leader whose late receipt through the
     * leader API answered it for the operator (receivedBy: set only by that receipt on this purchase's way here).
     */
    private static String who(DelegateTask task, String key) {
        if (key.equals(GroupBuyPurchaseProcess.Element.DECIDE_MISSING_PARCEL.id())) {
            return GroupBuyPurchaseProcess.RECEIVED_BY.optionalFrom(task).orElseGet(() -> TaskActors.who(task));
        }
        return TaskActors.who(task);
    }
}
