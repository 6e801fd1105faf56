package io.dropflow.carrier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.carrier.TrackingStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A parcel's status follows its latest event, whatever order the events come in. */
class ShipmentTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    final Shipment parcel = new Shipment(1L, 2L, "DHL", "JD0001", T0);

    @Test
    void anEventThatHappenedEarlierDoesNotOverrideTheLatestStatus() {
        parcel.record("e2", TrackingStatus.OUT_FOR_DELIVERY, T0.plusSeconds(200), "Köln", null);
        parcel.record("e1", TrackingStatus.IN_TRANSIT, T0.plusSeconds(100), "Hub", null);

        assertThat(parcel.getStatus()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(parcel.getLastEventAt()).isEqualTo(T0.plusSeconds(200));
        assertThat(parcel.view().events()).hasSize(2);
    }

    @Test
    void aDeliveredParcelStaysDelivered() {
        parcel.record("e1", TrackingStatus.DELIVERED, T0.plusSeconds(100), null, null);
        parcel.record("e2", TrackingStatus.EXCEPTION, T0.plusSeconds(200), null, "scan after delivery");

        assertThat(parcel.getStatus()).isEqualTo(TrackingStatus.DELIVERED);
    }

    @Test
    void aRedeliveredEventIsRecordedOnce() {
        assertThat(parcel.record("e1", TrackingStatus.IN_TRANSIT, T0, null, null)).isTrue();
        assertThat(parcel.record("e1", TrackingStatus.IN_TRANSIT, T0, null, null)).isFalse();

        assertThat(parcel.view().events()).hasSize(1);
    }

    @Test
    void withoutEventsTheParcelLastGaveNewsWhenItShipped() {
        assertThat(parcel.view().lastNewsAt()).isEqualTo(T0);
    }

    @Test
    void aReplacedParcelKeepsItsEventsAndNamesItsReplacement() {
        parcel.record("e1", TrackingStatus.IN_TRANSIT, T0.plusSeconds(100), null, null);

        parcel.replaceBy(7L);

        assertThat(parcel.isReplaced()).isTrue();
        assertThat(parcel.view().replacedBy()).isEqualTo(7L);
        assertThat(parcel.record("e2", TrackingStatus.DELIVERED, T0.plusSeconds(200), null, null))
                .as("the old number's events are still recorded").isTrue();
        assertThat(parcel.isTrackedAs("DHL", "JD0001")).isTrue();
        assertThat(parcel.isTrackedAs("DHL", "JD0002")).isFalse();
    }

    @Test
    void aDeliveredParcelIsNotReplaced() {
        parcel.record("e1", TrackingStatus.DELIVERED, T0.plusSeconds(100), null, null);

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
}
