package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierEventOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The purchase order guards its own state: partner events that no longer fit change nothing. */
class PurchaseOrderTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    final PurchaseOrder po = new PurchaseOrder(7L, new Supplier("ACME", "Acme", "DE", 90), "DF-7-PO1",
            List.of(new PurchaseOrderLine("DEMO-MUG", "ACME-MUG-01", 2, new BigDecimal("6.00"))),
            new BigDecimal("2.50"), "EUR", T0);

    @Test
    void theSupplyTotalIsPriceTimesQuantity() {
        assertThat(po.getSupplyTotal()).isEqualByComparingTo("12.00");
        assertThat(po.view().landedCost()).isEqualByComparingTo("14.50");
    }

    @Test
    void theShipByDeadlineCountsFromTheFirstForwarding() {
        po.markForwarded("ACME-1", 48, Duration.ofHours(48), T0.plusSeconds(60));
        po.markForwarded(null, 24, Duration.ofHours(24), T0.plusSeconds(120));

        assertThat(po.getStatus()).isEqualTo(PurchaseOrderStatus.FORWARDED);
        assertThat(po.getForwardedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(po.getShipByAt()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofHours(48)));
        assertThat(po.getSupplierReference()).isEqualTo("ACME-1");
    }

    /**
     * Review s17, F2: when its status began moves with its status only; a supplier reference, a reminder, a ship-by
     * extension, a line cancellation asked or a claim upheld move its last change but not that.
     */
    @Test
    void itKeepsWhenItsStatusBeganWhatElseChanges() {
        assertThat(po.view().statusChangedAt()).as("made").isEqualTo(T0);
        po.markForwarded("ACME-1", 48, Duration.ofHours(48), T0.plusSeconds(60));
        po.accept(T0.plusSeconds(120));
        po.recordSupplierReference("ACME-1b", T0.plusSeconds(180));
        po.reminded(T0.plusSeconds(240));
        po.extendShipBy(T0.plus(Duration.ofHours(72)), T0.plusSeconds(300));
        po.lineCancellationAsked("DF-7-PO1-CANCEL-O3", T0.plusSeconds(360));
        po.claimUpheld(T0.plusSeconds(420));
        po.accept(T0.plusSeconds(480));

        assertThat(po.view().statusChangedAt()).as("accepted").isEqualTo(T0.plusSeconds(120));
        assertThat(po.view().updatedAt()).as("its last change").isEqualTo(T0.plusSeconds(420));

        po.requestCancellation(T0.plusSeconds(540));
        po.refuseCancellation("ALREADY_PACKED", T0.plusSeconds(600));
        assertThat(po.view().statusChangedAt()).as("accepted again after the refusal").isEqualTo(T0.plusSeconds(600));
        po.ship(T0.plusSeconds(660));
        po.markForwarded(null, 48, Duration.ofHours(48), T0.plusSeconds(720));
        assertThat(po.view().statusChangedAt()).as("shipped; a late forwarding answer changes no status")
                .isEqualTo(T0.plusSeconds(660));
    }

    @Test
    void anAcceptanceThatArrivesAfterTheShipmentChangesNothing() {
        assertThat(po.ship(T0)).isEqualTo(SupplierEventOutcome.APPLIED);

        assertThat(po.accept(T0)).isEqualTo(SupplierEventOutcome.STALE);
        assertThat(po.ship(T0)).isEqualTo(SupplierEventOutcome.ALREADY_APPLIED);
        assertThat(po.getStatus()).isEqualTo(PurchaseOrderStatus.SHIPPED);
        assertThat(po.getShippedAt()).isEqualTo(T0);
    }

    @Test
    void itKeepsWhenDropflowLastAskedToCancelIt() {
        po.accept(T0);
        po.requestCancellation(T0.plusSeconds(10));
        po.requestCancellation(T0.plusSeconds(20));
        assertThat(po.getCancellationAskedAt()).as("the same request asked again").isEqualTo(T0.plusSeconds(10));

        po.refuseCancellation("ALREADY_PACKED", T0.plusSeconds(30));
        po.requestCancellation(T0.plusSeconds(40));
        assertThat(po.getCancellationAskedAt()).as("a new request after a refusal").isEqualTo(T0.plusSeconds(40));

        po.cancelWithoutAnswer(Purchasing.NO_ANSWER, T0.plusSeconds(50));
        assertThat(po.getCancellationAskedAt()).as("the cancellation that stands is the one asked").isEqualTo(T0.plusSeconds(40));
    }

    /**
     * The change's review (s12): a refused request that stands when its answer time ends (the refusal's parcel never
     * came) was dated when the timer fired, so whether the scorecard counted it depended on the timer, not on when
     * Dropflow asked.
     */
    @Test
    void aRefusedRequestThatStandsKeepsWhenItWasAsked() {
        po.accept(T0);
        po.requestCancellation(T0.plusSeconds(10));
        po.refuseCancellation("ALREADY_PACKED", T0.plusSeconds(30));

        po.cancelWithoutAnswer(Purchasing.NO_ANSWER, T0.plusSeconds(7200));

        assertThat(po.getCancellationAskedAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void aRefusedCancellationLeavesThePurchaseOrderToShip() {
        po.accept(T0);
        po.requestCancellation(T0);

        assertThat(po.refuseCancellation("ALREADY_PACKED", T0)).isEqualTo(SupplierEventOutcome.APPLIED);
        assertThat(po.getStatus()).isEqualTo(PurchaseOrderStatus.ACCEPTED);
        assertThat(po.getReasonCode()).isEqualTo("ALREADY_PACKED");
        assertThat(po.refuseCancellation("AGAIN", T0)).isEqualTo(SupplierEventOutcome.STALE);
    }

    /**
     * A cancellation asked for again after a refusal (the order late, then the consumer cancelling) is
     * a new request with a key of its own; asking while one is open is the same request.
     */
    @Test
    void aCancellationAskedForAfterARefusalIsANewRequest() {
        po.accept(T0);
        po.requestCancellation(T0);
        po.requestCancellation(T0);
        assertThat(po.cancellationKey()).isEqualTo("DF-7-PO1-cancel");

        po.refuseCancellation("ALREADY_PACKED", T0);
        po.requestCancellation(T0);

        assertThat(po.cancellationKey()).isEqualTo("DF-7-PO1-cancel-2");
    }

    /**
     * Exploratory test s12 (orders, defect 4): the supplier refused, then stopped the parcel after all and accepted.
     * A consumer order's own purchase order is cancelled: its order's cancellation still awaits the parcel or the
     * answer time and takes this as its answer (the refusal's reason tells the timeline it came after a refusal).
     */
    @Test
    void anAcceptanceAfterARefusalCancelsAConsumerOrdersPurchaseOrder() {
        po.accept(T0);
        assertThat(po.cancellationRefused()).isFalse();
        assertThat(po.cancel(T0)).as("unasked").isEqualTo(SupplierEventOutcome.STALE);
        po.requestCancellation(T0);
        po.refuseCancellation("ALREADY_PACKED", T0);
        assertThat(po.cancellationRefused()).isTrue();

        assertThat(po.cancel(T0.plusSeconds(5))).isEqualTo(SupplierEventOutcome.APPLIED);
        assertThat(po.getStatus()).isEqualTo(PurchaseOrderStatus.CANCELLED);
        assertThat(po.getReasonCode()).isEqualTo("ALREADY_PACKED");
        assertThat(po.cancellationRefused()).isFalse();
        assertThat(po.cancel(T0.plusSeconds(6))).isEqualTo(SupplierEventOutcome.ALREADY_APPLIED);
        assertThat(po.refuseCancellation("ALREADY_PACKED", T0.plusSeconds(6))).isEqualTo(SupplierEventOutcome.STALE);
    }

    /** Asked again after a refusal: a new request, which the old refusal's reason does not answer. */
    @Test
    void aNewRequestAfterARefusalForgetsTheRefusalsReason() {
        po.accept(T0);
        po.requestCancellation(T0);
        po.refuseCancellation("ALREADY_PACKED", T0);
        po.requestCancellation(T0);

        assertThat(po.getReasonCode()).isNull();
        assertThat(po.cancel(T0)).isEqualTo(SupplierEventOutcome.APPLIED);
        assertThat(po.getReasonCode()).isNull();
    }

    /** A claim's replacement whose late cancellation was refused went on: a later acceptance does not cancel it. */
    @Test
    void aReplacementThatWentOnAfterARefusalIsNotCancelledByALateAcceptance() {
        po.orderedForClaim(3L);
        po.accept(T0);
        po.requestCancellation(T0);
        po.refuseCancellation("ALREADY_PACKED", T0);

        assertThat(po.cancel(T0)).isEqualTo(SupplierEventOutcome.STALE);
        assertThat(po.getStatus()).isEqualTo(PurchaseOrderStatus.ACCEPTED);
        assertThat(po.cancellationRefused()).as("asked, so not 'unasked'").isTrue();
    }

    @Test
    void aShipmentWhileTheCancellationIsAskedForStillShips() {
        po.requestCancellation(T0);

        assertThat(po.ship(T0)).isEqualTo(SupplierEventOutcome.APPLIED);
        assertThat(po.cancel(T0)).isEqualTo(SupplierEventOutcome.STALE);
    }

    /** No answer to the cancellation in time: it stands, and a shipment after it no longer fits. */
    @Test
    void anUnansweredCancellationStandsAndALateShipmentIsStale() {
        po.accept(T0);
        po.requestCancellation(T0);

        assertThat(po.cancelWithoutAnswer(Purchasing.NO_ANSWER, T0.plusSeconds(60))).isEqualTo(SupplierEventOutcome.APPLIED);
        assertThat(po.getStatus()).isEqualTo(PurchaseOrderStatus.CANCELLED);
        assertThat(po.getReasonCode()).isEqualTo(Purchasing.NO_ANSWER);
        assertThat(po.ship(T0.plusSeconds(120))).isEqualTo(SupplierEventOutcome.STALE);
        assertThat(po.cancel(T0.plusSeconds(120))).as("a late acceptance").isEqualTo(SupplierEventOutcome.ALREADY_APPLIED);
        assertThat(po.refuseCancellation("TOO_LATE", T0.plusSeconds(120))).isEqualTo(SupplierEventOutcome.STALE);
    }

    /** A refusal that promised a shipment that never came: the cancellation stands all the same. */
    @Test
    void aRefusalWhoseShipmentNeverCameStandsAsCancelled() {
        po.accept(T0);
        po.requestCancellation(T0);
        po.refuseCancellation("ALREADY_SHIPPED", T0);

        assertThat(po.cancelWithoutAnswer(Purchasing.NO_ANSWER, T0)).isEqualTo(SupplierEventOutcome.APPLIED);
        assertThat(po.getStatus()).isEqualTo(PurchaseOrderStatus.CANCELLED);
        assertThat(po.ship(T0)).isEqualTo(SupplierEventOutcome.STALE);
    }

    /** A purchase order that shipped, or ended otherwise, meanwhile is not counted as cancelled. */
    @Test
    void whatShippedOrEndedMeanwhileIsNotCountedAsCancelled() {
        po.requestCancellation(T0);
        po.ship(T0);
        assertThat(po.cancelWithoutAnswer(Purchasing.NO_ANSWER, T0)).isEqualTo(SupplierEventOutcome.STALE);
        assertThat(po.getStatus()).isEqualTo(PurchaseOrderStatus.SHIPPED);

        PurchaseOrder declined = new PurchaseOrder(8L, new Supplier("ACME", "Acme", "DE", 90), "DF-8-PO1",
                List.of(new PurchaseOrderLine("DEMO-MUG", "ACME-MUG-01", 1, new BigDecimal("6.00"))),
                new BigDecimal("2.50"), "EUR", T0);
        declined.decline("OUT_OF_STOCK", T0);
        assertThat(declined.cancelWithoutAnswer(Purchasing.NO_ANSWER, T0)).isEqualTo(SupplierEventOutcome.ALREADY_APPLIED);
        assertThat(declined.getReasonCode()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void aDeclineKeepsItsReasonAndEndsTheConversation() {
        assertThat(po.decline("OUT_OF_STOCK", T0)).isEqualTo(SupplierEventOutcome.APPLIED);

        assertThat(po.getReasonCode()).isEqualTo("OUT_OF_STOCK");
        assertThat(po.view().isOpen()).isFalse();
        assertThat(po.ship(T0)).isEqualTo(SupplierEventOutcome.STALE);
    }

    @Test
    void extensionsMoveTheDeadlineAndAreCounted() {
        po.markForwarded(null, 24, Duration.ofHours(24), T0);
        po.extendShipBy(T0.plus(Duration.ofHours(48)), T0.plus(Duration.ofHours(25)));

        assertThat(po.getShipByAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(po.getDeadlineExtensions()).isEqualTo(1);
    }

    /**
     * A line cancellation counts as asked when it was kept, or when it is a number Dropflow builds for this
     * purchase order: one a node of the earlier release sent, during a rolling update, without keeping it.
     */
    @Test
    void aLineCancellationIsAskedWhenKeptOrOneOfTheNumbersDropflowBuildsForIt() {
        assertThat(po.askedLineCancellation("NOPE-CANCEL-1")).isFalse();
        po.lineCancellationAsked("NOPE-CANCEL-1", T0);
        assertThat(po.askedLineCancellation("NOPE-CANCEL-1")).isTrue();

        assertThat(po.askedLineCancellation("DF-7-PO1-CANCEL-O17")).as("sent by a node of the earlier release").isTrue();
        assertThat(po.askedLineCancellation("DF-7-PO2-CANCEL-O17")).as("another purchase order's").isFalse();
        assertThat(po.askedLineCancellation("DF-7-PO1-CANCEL-Oanything")).isFalse();
        assertThat(po.askedLineCancellation(null)).isFalse();
    }
}
