package io.dropflow.carrier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.carrier.TrackingStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A parcel's status follows its latest event, whatever order the events come in. */
class ShipmentTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    /** When the events below reached us: after each of them happened. */
    static final Instant RECEIVED = T0.plusSeconds(3600);

    final Shipment parcel = new Shipment(1L, 2L, "DHL", "JD0001", T0);

    @Test
    void anEventThatHappenedEarlierDoesNotOverrideTheLatestStatus() {
        parcel.record("e2", TrackingStatus.OUT_FOR_DELIVERY, T0.plusSeconds(200), "Köln", null, RECEIVED);
        parcel.record("e1", TrackingStatus.IN_TRANSIT, T0.plusSeconds(100), "Hub", null, RECEIVED);

        assertThat(parcel.getStatus()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(parcel.getLastEventAt()).isEqualTo(T0.plusSeconds(200));
        assertThat(parcel.view().events()).hasSize(2);
    }

    @Test
    void aDeliveredParcelStaysDelivered() {
        parcel.record("e1", TrackingStatus.DELIVERED, T0.plusSeconds(100), null, null, RECEIVED);
        parcel.record("e2", TrackingStatus.EXCEPTION, T0.plusSeconds(200), null, "scan after delivery", RECEIVED);

        assertThat(parcel.getStatus()).isEqualTo(TrackingStatus.DELIVERED);
    }

    /** Exploratory test: a RETURNED after the delivery changed nothing and told nobody; it is trouble to show. */
    @Test
    void aProblemDatedAfterTheDeliveryIsTroubleAndNormalLateScansAreNot() {
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.RETURNED, T0.plusSeconds(300), RECEIVED))
                .as("not delivered yet").isFalse();
        parcel.record("e1", TrackingStatus.DELIVERED, T0.plusSeconds(100), null, null, RECEIVED);

        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.RETURNED, T0.plusSeconds(300), RECEIVED)).isTrue();
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.EXCEPTION, T0.plusSeconds(300), RECEIVED)).isTrue();
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.DELIVERY_FAILED, T0.plusSeconds(300), RECEIVED)).isTrue();
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.DELIVERED, T0.plusSeconds(300), RECEIVED))
                .as("the delivery again").isFalse();
        // moving again after the delivery (exploratory test s14, shipping D7): the carrier withdrew it
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.IN_TRANSIT, T0.plusSeconds(300), RECEIVED)).isTrue();
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.OUT_FOR_DELIVERY, T0.plusSeconds(300), RECEIVED)).isTrue();
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.OUT_FOR_DELIVERY, T0.plusSeconds(100), RECEIVED))
                .as("out for delivery at the delivery's very time: its own story").isFalse();
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.IN_TRANSIT, T0.plusSeconds(50), RECEIVED))
                .as("a late in-transit scan dated before the delivery").isFalse();
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.INFO_RECEIVED, T0.plusSeconds(300), RECEIVED)).isFalse();
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.EXCEPTION, T0.plusSeconds(50), RECEIVED))
                .as("a late scan dated before the delivery").isFalse();
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.RETURNED, T0.plusSeconds(50), RECEIVED)).isFalse();
    }

    @Test
    void aDeliveryDatedInTheFutureCountsAsOfItsReceiptForLaterTrouble() {
        Instant received = T0.plusSeconds(100);
        parcel.record("e1", TrackingStatus.DELIVERED, T0.plusSeconds(86_400), null, null, received);

        assertThat(parcel.deliveredAt()).contains(received);
        assertThat(parcel.isTroubleAfterDelivery(TrackingStatus.RETURNED, T0.plusSeconds(3_600), T0.plusSeconds(3_600)))
                .isTrue();
    }

    @Test
    void aRedeliveredEventIsRecordedOnce() {
        assertThat(parcel.record("e1", TrackingStatus.IN_TRANSIT, T0, null, null, RECEIVED)).isTrue();
        assertThat(parcel.record("e1", TrackingStatus.IN_TRANSIT, T0, null, null, RECEIVED)).isFalse();

        assertThat(parcel.view().events()).hasSize(1);
    }

    @Test
    void withoutEventsTheParcelLastGaveNewsWhenItShipped() {
        assertThat(parcel.view().lastNewsAt()).isEqualTo(T0);
    }

    @Test
    void aReplacedParcelKeepsItsEventsAndNamesItsReplacement() {
        parcel.record("e1", TrackingStatus.IN_TRANSIT, T0.plusSeconds(100), null, null, RECEIVED);

        parcel.replaceBy(7L);

        assertThat(parcel.isReplaced()).isTrue();
        assertThat(parcel.view().replacedBy()).isEqualTo(7L);
        assertThat(parcel.record("e2", TrackingStatus.DELIVERED, T0.plusSeconds(200), null, null, RECEIVED))
                .as("the old number's events are still recorded").isTrue();
        assertThat(parcel.isTrackedAs("DHL", "JD0001")).isTrue();
        assertThat(parcel.isTrackedAs("DHL", "JD0002")).isFalse();
    }

    @Test
    void aDeliveredParcelIsNotReplaced() {
        parcel.record("e1", TrackingStatus.DELIVERED, T0.plusSeconds(100), null, null, RECEIVED);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parcel.replaceBy(7L))
                .isInstanceOf(IllegalStateException.class);
        assertThat(parcel.isReplaced()).isFalse();
    }

    @Test
    void aNumberReportedAgainIsFollowedAgain() {
        parcel.replaceBy(7L);
        assertThat(parcel.isReplaced()).isTrue();
        parcel.followAgain();

        assertThat(parcel.isReplaced()).isFalse();
        assertThat(parcel.view().replacedBy()).isNull();
    }

    @Test
    void anEventDatedInTheFutureKeepsItsDateButCountsAsOfItsReceipt() {
        Instant now = T0.plusSeconds(3600);
        Instant dayAhead = now.plus(java.time.Duration.ofDays(1));
        parcel.record("e1", TrackingStatus.IN_TRANSIT, dayAhead, "Hub", null, now);
        parcel.record("e2", TrackingStatus.DELIVERED, now.plusSeconds(600), "Köln", null, now.plusSeconds(600));

        assertThat(parcel.getStatus()).as("the delivery that came later is not put before the wrongly dated event")
                .isEqualTo(TrackingStatus.DELIVERED);
        assertThat(parcel.getLastEventAt()).as("last news, and the deadlines counted from it, at the true time")
                .isEqualTo(now.plusSeconds(600));
        assertThat(parcel.view().events()).extracting(e -> e.status()).containsExactly(TrackingStatus.IN_TRANSIT,
                TrackingStatus.DELIVERED);
        assertThat(parcel.view().events().get(0).occurredAt()).as("the carrier's date is kept").isEqualTo(dayAhead);
        assertThat(parcel.view().events().get(0).storyAt()).isEqualTo(now);
        assertThat(parcel.view().events().get(0).datedInFuture()).isTrue();
        assertThat(parcel.view().events().get(1).datedInFuture()).isFalse();
    }

    /**
     * One push with the whole history (Kuaidi100, 17TRACK): a scan dated a day ahead, then the true delivery
     * ten minutes before the push. The scan stands at the push's receipt, after the delivery's true time;
     * the delivery still decides.
     */
    @Test
    void aDeliveryDatedBeforeAWronglyDatedScanOfTheSamePushStillDelivers() {
        Instant now = T0.plusSeconds(3600);
        parcel.record("e1", TrackingStatus.IN_TRANSIT, now.plus(java.time.Duration.ofDays(1)), "Hub", null, now);
        parcel.record("e2", TrackingStatus.DELIVERED, now.minusSeconds(600), "Köln", null, now);

        assertThat(parcel.getStatus()).isEqualTo(TrackingStatus.DELIVERED);
    }

    @Test
    void anEventUpToAnHourAheadOfItsReceiptKeepsItsDate() {
        Instant now = T0.plusSeconds(3600);
        parcel.record("e1", TrackingStatus.IN_TRANSIT, now.plusSeconds(3600), null, null, now);

        assertThat(Shipment.datedInFuture(now.plusSeconds(3600), now)).isFalse();
        assertThat(Shipment.datedInFuture(now.plusSeconds(3601), now)).isTrue();
        assertThat(parcel.getLastEventAt()).isEqualTo(now.plusSeconds(3600));
        assertThat(parcel.view().events().get(0).datedInFuture()).isFalse();
    }
}
