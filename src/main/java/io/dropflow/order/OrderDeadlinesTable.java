package io.dropflow.order;

import java.math.BigDecimal;

/** bpmn/order-deadlines.dmn, which analysts own: the business numbers of one order, by sales channel. */
public interface OrderDeadlinesTable {

    /**
     * Hours are SLA hours ({@code dropflow.sla.hour}), operator decision hours
     * ({@code dropflow.sla.operator-hour}).
     */
    record Deadlines(BigDecimal reminderAtShare, long operatorDecisionHours, long escalationPriority,
            long restockWaitHours, long partnerAnswerHours, long trackingStallHours, BigDecimal minimumMarginRate) {

        public Deadlines {
            if (reminderAtShare.signum() <= 0 || reminderAtShare.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalStateException("order-deadlines.dmn: reminderAtShare must be between 0 and 1, was "
                        + reminderAtShare);
            }
        }
    }

    /**
     * @throws io.dropflow.processengine.DecisionTableBroken when the table has no rule for the channel, or gives no
     *         valid output
     */
    Deadlines deadlinesFor(String channel);
}
