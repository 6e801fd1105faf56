package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A group-buy order guards its lines: cancellation, a partial stock-out, pickups, refunds. */
class GroupBuyOrderTest {

    private static GroupBuyOrder order() {
        GroupBuyOrder order = new GroupBuyOrder(42L, 7L, "K7Q2M9XP", "EUR", Instant.EPOCH);
        order.addLine(1, "RICE", 3, new BigDecimal("4.50"));
        order.addLine(2, "EGGS", 1, new BigDecimal("2.00"));
        return order;
    }

    @Test
    void cancelledBeforeTheCutoffEveryLineIsToBeRefundedAsCancelled() {
        GroupBuyOrder order = order();

        assertThat(order.cancelBeforeCutoff()).isTrue();

        assertThat(order.linesIn(Status.REFUND_DUE)).hasSize(2);
        GroupBuyOrder.Refund refund = order.refundDue().orElseThrow();
        assertThat(refund.amount()).isEqualTo(Money.of("15.50", "EUR"));
        assertThat(refund.refundNo()).isEqualTo(1);
        order.refunding(refund);
        order.refunded();
        assertThat(order.isCancelledByConsumer()).isTrue();
        assertThat(order.refundDue()).isEmpty();
        assertThat(order.cancelBeforeCutoff()).as("nothing left to cancel").isFalse();
    }

    @Test
    void aPartlyMissingLineIsSplitAndOnlyTheMissingPiecesGoMissing() {
        GroupBuyOrder order = order();
        order.getLines().forEach(l -> l.orderOn(3L));
        GroupBuyLine rice = order.getLines().get(0);

        order.missing(rice, 2);

        assertThat(order.lines(l -> l.getSku().equals("RICE"))).extracting(GroupBuyLine::getQuantity,
                GroupBuyLine::getStatus).containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, Status.ORDERED),
                org.assertj.core.groups.Tuple.tuple(2, Status.MISSING));
        order.missing(order.getLines().get(1), 1);
        assertThat(order.getLines().get(1).getStatus()).isEqualTo(Status.MISSING);
    }

    @Test
    void aPickupHandsOverWhatIsAtThePointOnceAndLaterWhatCameLater() {
        GroupBuyOrder order = order();
        order.getLines().forEach(l -> l.orderOn(3L));
        order.getLines().get(0).arrived();

        assertThat(order.collect("leo", Instant.EPOCH)).extracting(GroupBuyLine::getSku).containsExactly("RICE");
        assertThat(order.collect("leo", Instant.EPOCH)).as("the code was used for everything there").isEmpty();
        assertThat(order.isFinished()).isFalse();

        order.getLines().get(1).arrived();
        assertThat(order.collect("leo", Instant.EPOCH)).extracting(GroupBuyLine::getSku).containsExactly("EGGS");
        assertThat(order.isFinished()).isTrue();
    }

    @Test
    void refundsAreNumberedPerOrderAndNeverTakeCollectedGoods() {
        GroupBuyOrder order = order();
        order.getLines().forEach(l -> l.orderOn(3L));
        order.getLines().get(0).arrived();
        order.collect("leo", Instant.EPOCH);
        order.getLines().get(1).missing();
        order.getLines().get(1).refundDue(RefundReason.MISSING);
        order.getLines().get(0).refundDue(RefundReason.UNCOLLECTED);

        GroupBuyOrder.Refund refund = order.refundDue().orElseThrow();
        assertThat(refund.amount()).isEqualTo(Money.of("2.00", "EUR"));
        order.refunding(refund);
        order.refunded();
        assertThat(order.getRefunds()).isEqualTo(1);
        assertThat(order.isAllRefunded()).isFalse();
        assertThat(order.getLines().get(0).getStatus()).isEqualTo(Status.COLLECTED);
    }

    @Test
    void aCancellationTheSupplierRefusesPutsTheLineBackOnItsWay() {
        GroupBuyOrder order = order();
        GroupBuyLine rice = order.getLines().get(0);
        rice.orderOn(3L);
        rice.requestCancellation("DF-B7-PO1-CANCEL-O42");

        rice.cancellationAnswered(false);
        assertThat(rice.getStatus()).isEqualTo(Status.ORDERED);

        rice.requestCancellation("DF-B7-PO1-CANCEL-O42");
        rice.cancellationAnswered(true);
        assertThat(rice.getStatus()).isEqualTo(Status.REFUND_DUE);
        assertThat(rice.getRefundReason()).isEqualTo(RefundReason.CANCELLED);
    }
}
