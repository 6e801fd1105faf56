package io.dropflow.order.process;

import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.StepsStopped;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A step of an order's process, or of a process about the order (a claim, a return, a delay notice), that ran out
 * of tries says so on the order's timeline: GET /api/orders/{id} no longer reads "being forwarded" for an order an
 * administrator has to help on (exploratory s14 production, 6). The reason stays in the incident, for the
 * administrator: the timeline is read by storefronts too.
 */
@Component
class OrderStepsStopped implements StepsStopped {

    private final OrderTimeline timeline;

    OrderStepsStopped(OrderTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void stopped(DelegateExecution execution, String step, String process) {
        // the order's own process, or one about the order that holds its orderId too (a claim's, a return's)
        OrderFulfillmentProcess.ORDER_ID.optionalFrom(execution).ifPresent(id -> {
            timeline.record(id, "Step \"" + step + "\" (" + process + ") stopped after its tries: an"
                    + " administrator retries it in Cockpit once its cause is fixed");
        });
    }
}
