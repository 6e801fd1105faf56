package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.PROCESS_KEY;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;

import io.dropflow.carrier.Tracking;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.RollingUpdateRepair;
import io.dropflow.processengine.WhileUserTaskOpen;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Marks the parcel on its row while "Decide on stalled or lost parcel" is open for it ({@link Tracking#decisionOpen}),
 * so that a scan that leaves the parcel's status as it was (most scans) looks for that task ({@link StalledParcelTask})
 * only for a parcel so marked (review s16 F4): set as the task opens, cleared as it ends, in that step's transaction,
 * for every version of the model (processengine's {@link WhileUserTaskOpen}). In a scan's transaction (a problem that
 * opens the task) the parcel's row is the one the scan holds and writes anyway.
 *
 * <p>Decisions that opened without the mark are marked as well: at each start of a node, every open one (those open
 * when this version came); every {@value RollingUpdateRepair#EVERY_MINUTES} minutes, those opened in the last hour (a
 * node of an earlier version may open one during a rolling update, after the last new node started;
 * {@link RollingUpdateRepair}). Until then a scan that changes nothing is not on such a decision's form; one that
 * changes the parcel's status always is (its task is looked for whatever the mark says). A mark left behind (a decision
 * ended on a node of an earlier version) costs that parcel's scans the task query, as before, and nothing else.
 */
@Component
class ParcelDecisionMark implements WhileUserTaskOpen, RollingUpdateRepair {

    private static final Logger log = LoggerFactory.getLogger(ParcelDecisionMark.class);

    /** Longer than {@value RollingUpdateRepair#EVERY_MINUTES} minutes, and than the clocks of two nodes differ. */
    static final Duration LOOK_BACK = Duration.ofHours(1);

    /** Lazily: made before the engine, which the parcel's tracking and the tasks need. */
    private final ObjectProvider<Tracking> tracking;
    private final ObjectProvider<ProcessEngine> engine;
    private final Clock clock;

    ParcelDecisionMark(ObjectProvider<Tracking> tracking, ObjectProvider<ProcessEngine> engine, Clock clock) {
        this.tracking = tracking;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public ModelElement task() {
        return Element.HANDLE_DELIVERY_PROBLEM;
    }

    @Override
    public void opened(DelegateExecution execution) {
        mark(execution, true);
    }

    @Override
    public void ended(DelegateExecution execution) {
        mark(execution, false);
    }

    private void mark(DelegateExecution execution, boolean open) {
        SHIPMENT_ID.optionalFrom(execution).ifPresent(shipment -> tracking.getObject().decisionOpen(shipment, open));
    }

    /** Every open decision, at each start of a node: those that opened before this version marked them. */
    @Override
    public void atStart() {
        mark(decisions());
    }

    /** Those opened in the last hour, every few minutes: a node of an earlier version may have opened them. */
    @Override
    public void everyFewMinutes() {
        mark(decisions().taskCreatedAfter(Date.from(clock.instant().minus(LOOK_BACK))));
    }

    private TaskQuery decisions() {
        return engine.getObject().getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .taskDefinitionKey(Element.HANDLE_DELIVERY_PROBLEM.id());
    }

    private void mark(TaskQuery decisions) {
        for (Task task : decisions.list()) {
            try {
                SHIPMENT_ID.optionalFrom(engine.getObject().getRuntimeService().getVariables(task.getExecutionId(),
                        List.of(SHIPMENT_ID.name()))).ifPresent(shipment -> tracking.getObject().decisionOpen(shipment,
                                true));
            } catch (RuntimeException e) {
                // the task ended meanwhile, or its parcel is not ours: the others are marked all the same
                log.warn("Task {} \"Decide on stalled or lost parcel\" of process instance {}: its parcel not marked"
                        + " ({}); its scans that change nothing are not on its form", task.getId(),
                        task.getProcessInstanceId(), e.getMessage());
            }
        }
    }
}
