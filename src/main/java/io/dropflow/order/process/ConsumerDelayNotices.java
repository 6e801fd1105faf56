package io.dropflow.order.process;

import static io.dropflow.order.process.ConsumerDelayNoticeProcess.MISSED_PURCHASE_ORDER_ID;
import static io.dropflow.order.process.ConsumerDelayNoticeProcess.MISSED_SHIP_BY_AT;
import static io.dropflow.order.process.ConsumerDelayNoticeProcess.ORDER_ID;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts a "Consumer delay notice" (consumer-delay-notice.bpmn) by its message, in the caller's
 * transaction: the deadline's, so the notice is owed exactly when the operator's task exists.
 */
@Component
class ConsumerDelayNotices {

    private final RuntimeService runtime;

    ConsumerDelayNotices(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Owes the consumer a notice of the purchase order's deadline that passed; returns its process instance id. */
    String owe(Long orderId, Long missedPurchaseOrderId, Instant missedShipByAt) {
        return runtime.startProcessInstanceByMessage(ConsumerDelayNoticeProcess.Message.DELAY_NOTICE_OWED.messageName(),
                ConsumerDelayNoticeProcess.businessKey(orderId), Map.of(
                        ORDER_ID.name(), ORDER_ID.stored(orderId),
                        MISSED_PURCHASE_ORDER_ID.name(), MISSED_PURCHASE_ORDER_ID.stored(missedPurchaseOrderId),
                        MISSED_SHIP_BY_AT.name(), MISSED_SHIP_BY_AT.stored(missedShipByAt))).getId();
    }
}
