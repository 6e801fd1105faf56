package io.dropflow.order.process;

import static io.dropflow.order.process.ConsumerDelayNoticeProcess.MISSED_PURCHASE_ORDER_ID;
import static io.dropflow.order.process.ConsumerDelayNoticeProcess.MISSED_SHIP_BY_AT;
import static io.dropflow.order.process.ConsumerDelayNoticeProcess.ORDER_ID;

import io.dropflow.processengine.MessageStartsLater;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Owes the consumer a "Consumer delay notice" (consumer-delay-notice.bpmn): in the caller's transaction
 * (the deadline's), a job that starts it by its message after every deadline due now (ADR 19's second
 * addendum). The notice is owed exactly when the operator's task exists, whatever happens to the order
 * before the job runs.
 */
@Component
class ConsumerDelayNotices {

    private final MessageStartsLater later;

    ConsumerDelayNotices(MessageStartsLater later) {
        this.later = later;
    }

    /** Owes the consumer a notice of the purchase order's deadline that passed. */
    void owe(Long orderId, Long missedPurchaseOrderId, Instant missedShipByAt) {
        later.send(ConsumerDelayNoticeProcess.Message.DELAY_NOTICE_OWED, ConsumerDelayNoticeProcess.PROCESS_KEY,
                ConsumerDelayNoticeProcess.businessKey(orderId), Map.of(
                        ORDER_ID.name(), ORDER_ID.stored(orderId),
                        MISSED_PURCHASE_ORDER_ID.name(), MISSED_PURCHASE_ORDER_ID.stored(missedPurchaseOrderId),
                        MISSED_SHIP_BY_AT.name(), MISSED_SHIP_BY_AT.stored(missedShipByAt)),
                ConsumerDelayNoticeProcess.STARTED_AT_PRIORITY);
    }
}
