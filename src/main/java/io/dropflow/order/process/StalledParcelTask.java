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
 * task's facts are when a scan joins it); the operator decides on the parcel as it is. A problem (returned, an
 * exception, a failed delivery) moves a {@code SHIPPED} order to {@code DELIVERY_PROBLEM}, as the process does when a
 * problem comes while it follows the parcel; the open task is already the decision about it. A delivery withdraws the
 * task ("Delivered meanwhile"). In the scan's transaction.
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
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey(orderId))
                .taskDefinitionKey(Element.HANDLE_DELIVERY_PROBLEM.id())
                .processVariableValueEquals(SHIPMENT_ID.name(), SHIPMENT_ID.stored(shipmentId)).list();
        if (open.isEmpty()) {
            return false;
        }
        if (status.isProblem()) {
            delivery.problemWhileDeciding(orderId);
        }
        FormFacts now = facts.order(orderId);
        open.forEach(task -> now.refreshOn(tasks, task.getId()));
        return true;
    }
}
