package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.CANCELLATION_CAUSE;
import static io.dropflow.order.process.OrderFulfillmentProcess.DELIVERY_PROBLEM_DECISION;
import static io.dropflow.order.process.OrderFulfillmentProcess.FULFILLMENT_OUTCOME;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.SHIPMENT_ID;

import io.dropflow.order.internal.Closing;
import io.dropflow.order.internal.GivenUpParcels;
import io.dropflow.order.process.OrderFulfillmentProcess.CancellationCause;
import io.dropflow.order.process.OrderFulfillmentProcess.DeliveryProblemDecision;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The order ends without a delivered parcel: the consumer is refunded in full, once. After an operator's "refund" on
 * "Decide on stalled or lost parcel" the parcel is kept as given up, so that a scan of it after all (delivered late)
 * reaches an operator ({@link GivenUpParcelAttention}).
 */
@CallsPartner
@Component("refundConsumer")
class RefundConsumer implements JavaDelegate {

    private final Closing closing;
    private final GivenUpParcelAttention givenUp;

    RefundConsumer(Closing closing, GivenUpParcelAttention givenUp) {
        this.closing = closing;
        this.givenUp = givenUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Only an operator's "cancel and refund" after a missed deadline is the seller's cancellation;
        // the consumer's (or no cancellation at all) is told as before.
        boolean bySeller = CANCELLATION_CAUSE.optionalFrom(execution).orElse(null) == CancellationCause.CANCEL_AND_REFUND;
        closing.refund(ORDER_ID.from(execution), FULFILLMENT_OUTCOME.from(execution), bySeller);
        if (DELIVERY_PROBLEM_DECISION.from(execution, null) == DeliveryProblemDecision.REFUND) {
            givenUp.giveUp(SHIPMENT_ID.from(execution), GivenUpParcels.Decision.REFUND);
        }
    }
}
