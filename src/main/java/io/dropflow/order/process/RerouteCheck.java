package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.NEXT_CANDIDATE;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SLA_DECISION;
import static io.dropflow.order.process.OrderFulfillmentProcess.SOURCING_ROUND;

import io.dropflow.order.internal.Sourcing;
import io.dropflow.order.process.OrderFulfillmentProcess.ShipByBreachDecision;
import io.dropflow.processengine.OperatorInputRefused;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A missed deadline's "reroute" needs a backup that can still take the order: the form hides the
 * choice when none is left ({@code canReroute}), and a client that sends it anyway (the engine REST
 * API) is refused with the reason, the task left open, instead of the late supplier being asked to
 * cancel and the order ending out of stock. Asked as the task completes ({@link RecordOrderTaskOutcome},
 * the model's complete listener on the task, so that orders running on earlier versions of the model
 * are checked too), against the catalog as it is then, not as the form's facts were written.
 */
@Component
class RerouteCheck {

    private final Sourcing sourcing;

    RerouteCheck(Sourcing sourcing) {
        this.sourcing = sourcing;
    }

    /** @throws OperatorInputRefused.Refusal when the operator chose "reroute" and no backup is left */
    void check(DelegateTask task) {
        if (OrderFulfillmentProcess.Element.DECIDE_SHIP_BY_BREACH.id().equals(task.getTaskDefinitionKey())
                && SLA_DECISION.from(task, null) == ShipByBreachDecision.REROUTE
                && !sourcing.canReroute(ORDER_ID.from(task), SOURCING_ROUND.from(task), NEXT_CANDIDATE.from(task))) {
            throw new OperatorInputRefused.Refusal(
                    "no backup supplier is left to reroute to: extend the deadline or cancel and refund");
        }
    }
}
