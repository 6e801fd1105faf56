package io.dropflow.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.order.OrderConflictException;
import io.dropflow.processengine.DecisionTableBroken;
import org.junit.jupiter.api.Test;

/**
 * A delivery whose try fails inside Dropflow: the partner is answered in neutral words, and the operator's task keeps
 * the reason when it was written for people (review-s13 F3), never SQL or a class's name.
 */
class FailedInsideReasonTest {

    @Test
    void dropflowsRefusalsAndUnreadableDataKeepTheirReasonWithoutClassNames() {
        assertThat(RecordedDeliveries.readableReason(new OrderConflictException("order 12 is already CANCELLED")))
                .contains("order 12 is already CANCELLED");
        assertThat(RecordedDeliveries.readableReason(new DecisionTableBroken("shipping-sla.dmn",
                "shipping-sla.dmn's shipByHours is empty"))).contains("shipByHours is empty");
        assertThat(RecordedDeliveries.readableReason(new NumberFormatException("Character f is neither a decimal digit")))
                .isEqualTo("Character f is neither a decimal digit");
        assertThat(RecordedDeliveries.readableReason(new IllegalArgumentException(
                "No enum constant io.dropflow.order.OrderStatus.SOLD"))).isEqualTo("No enum constant OrderStatus.SOLD");
    }

    @Test
    void anyOtherFailureKeepsNoText() {
        assertThat(RecordedDeliveries.readableReason(new org.springframework.dao.DataIntegrityViolationException(
                "insert into customer_order ... violates uq_customer_order_storefront"))).isNull();
        assertThat(RecordedDeliveries.readableReason(new NullPointerException("x is null"))).isNull();
        assertThat(RecordedDeliveries.readableReason(new IllegalArgumentException())).isNull();
    }
}
