package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.OPERATOR_NOTE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;

import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.OrderTaskFacts;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.processengine.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing an order task: who decided what goes into the order's timeline ("mary decided 'Review
 * order': Proceed"), then the operator's optional note, and
 * the variable is removed, so the next task's form starts with an empty note. A missed deadline's
 * decision also records the late supplier's scorecard as the form showed it: the task's facts keep
 * no history (ADR 18), and a scorecard is computed, not stored. Before anything is recorded, a
 * missed deadline's "reroute" with no backup left is refused ({@link RerouteCheck}). The models name it
 * {@code recordOperatorNote}, after the note it first recorded; running instances of every deployed version
 * reference that bean name, so the class says what it does and the bean keeps its name.
 */
@Component("recordOperatorNote") // the bean's name in every deployed version of order-fulfillment.bpmn: kept
class RecordOrderTaskOutcome implements TaskListener {

    private final OrderTimeline timeline;
    private final RerouteCheck reroute;

    RecordOrderTaskOutcome(OrderTimeline timeline, RerouteCheck reroute) {
        this.timeline = timeline;
        this.reroute = reroute;
    }

    @Override
    public void notify(DelegateTask task) {
        reroute.check(task);
        OrderFulfillmentProcess.decisionOn(task).ifPresent(decision -> timeline.record(ORDER_ID.from(task),
                TaskActors.who(task) + " decided '" + task.getName() + "': " + OperatorWords.of(decision)));
        OPERATOR_NOTE.optionalFrom(task).map(String::strip).filter(note -> !note.isEmpty())
                .ifPresent(note -> timeline.record(ORDER_ID.from(task), "Note on '" + task.getName() + "': " + note));
        task.removeVariable(OPERATOR_NOTE.name());
        if (Element.DECIDE_SHIP_BY_BREACH.id().equals(task.getTaskDefinitionKey())) {
            OrderTaskFacts.scorecardAsShown(FormFacts.shownOn(task)::get)
                    .ifPresent(scorecard -> timeline.record(ORDER_ID.from(task), scorecard));
        }
    }
}
