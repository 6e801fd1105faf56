package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.businessKey;

import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.internal.Delivery;
import io.dropflow.order.internal.OrderTaskFacts;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.processengine.FormFacts;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * News of a parcel while an operator decides on it ("Decide on stalled or lost parcel" open for that parcel): its form
 * shows the order's status and history as written when the task came, so a scan that changes the parcel's status
 * (moving again, returned, out for delivery) writes them again ({@link FormFacts#refreshOn}, as a partner-attention
 * task's facts are when a scan joins it), and so does one that leaves it as it was (in transit again: its tracking
 * event is on the form); the operator decides on the parcel as it is. A problem (returned, an
 * exception, a failed delivery) moves a {@code SHIPPED} order to {@code DELIVERY_PROBLEM}, as the process does when a
 * problem comes while it follows the parcel; the open task is already the decision about it. A delivery withdraws the
 * task ("Delivered meanwhile"). In the scan's transaction. A scan that changes the status always looks for the task; one
 * that leaves it as it was does only when the parcel's row marks a decision open ({@link ParcelDecisionMark}).
 */
@Component
class StalledParcelTask {

    private final TaskService tasks;
    private final OrderTaskFacts facts;
    private final Delivery delivery;

    StalledParcelTask(TaskService tasks, OrderTaskFacts facts, Delivery delivery) {
        this.tasks = tasks;
        this.facts = facts;
        this.delivery = delivery;
    }

    /** @return whether an operator's decision about this parcel is open (its form now shows the scan) */
    boolean scanned(Long orderId, Long shipmentId, TrackingStatus status) {
        List<Task> open = open(orderId, shipmentId);
        if (open.isEmpty()) {
            return false;
        }
        if (status.isProblem()) {
            delivery.problemWhileDeciding(orderId);
        }
        refresh(orderId, open);
        return true;
    }

    /**
     * A scan that left the parcel's status as it was (in transit, then in transit again: the stalled parcel moves
     * after all): the open decision's form shows it among the parcel's tracking events, as it shows a change. The
     * timeline gets no line for it (a change of status gets one), nor does the order's status change.
     */
    void scannedAgain(Long orderId, Long shipmentId) {
        List<Task> open = open(orderId, shipmentId);
        if (!open.isEmpty()) {
            refresh(orderId, open);
        }
    }

    private List<Task> open(Long orderId, Long shipmentId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey(orderId))
                .taskDefinitionKey(Element.HANDLE_DELIVERY_PROBLEM.id())
                .processVariableValueEquals(SHIPMENT_ID.name(), SHIPMENT_ID.stored(shipmentId)).list();
    }

    private void refresh(Long orderId, List<Task> open) {
        FormFacts now = facts.order(orderId);
        open.forEach(task -> now.refreshOn(tasks, task.getId()));
    }
}
