package io.dropflow.order.process;

import static io.dropflow.order.process.ConsumerDelayNoticeProcess.MISSED_PURCHASE_ORDER_ID;
import static io.dropflow.order.process.ConsumerDelayNoticeProcess.MISSED_SHIP_BY_AT;
import static io.dropflow.order.process.OrderFulfillmentProcess.ORDER_ID;
import static io.dropflow.order.process.OrderFulfillmentProcess.PURCHASE_ORDER_ID;

import io.dropflow.order.internal.Forwarding;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ship-by deadline passed without a shipment: the consumer is told through the storefront,
 * about the purchase order and deadline noted when it passed: variables of the notice's own process
 * (consumer-delay-notice.bpmn), or of its event subprocess in an order started on an earlier model
 * version. An order started before the notice had either notes neither: its current ones are meant.
 */
@CallsPartner
@Component("tellConsumerAboutDelay")
class TellConsumerAboutDelay implements JavaDelegate {

    private final Forwarding forwarding;

    TellConsumerAboutDelay(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        forwarding.tellConsumerAboutDelay(ORDER_ID.from(execution),
                MISSED_PURCHASE_ORDER_ID.optionalFrom(execution).orElseGet(() -> PURCHASE_ORDER_ID.from(execution)),
                MISSED_SHIP_BY_AT.optionalFrom(execution));
    }
}
