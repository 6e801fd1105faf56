package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.SellerTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The give-up step holds the parcel's row ({@link Tracking#giveUp}), which hands the parcel back as it stands once
 * held: the order, and whether the parcel was delivered already, are read from that, not from a second read of the
 * parcel (note s14, the final read of the change; closing note s15: the delivery was read again).
 */
class GivenUpParcelsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final GivenUpParcelRecords records = mock(GivenUpParcelRecords.class);
    private final Tracking tracking = mock(Tracking.class);
    private final GivenUpParcels givenUp = new GivenUpParcels(records, tracking, mock(Orders.class),
            mock(OrderTimeline.class), SellerTime.in("UTC"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theGiveUpStepTakesTheOrderFromTheParcelItHolds() {
        when(tracking.giveUp(7L)).thenReturn(new ShipmentView(7L, 42L, 3L, null, "SANDBOX-POST", "TRK-1",
                TrackingStatus.IN_TRANSIT, NOW.minusSeconds(86_400 * 5), null, null, null, List.of()));
        when(records.findById(7L)).thenReturn(Optional.empty());
        when(records.save(any())).thenAnswer(call -> call.getArgument(0));

        GivenUpParcels.GaveUp gaveUp = givenUp.giveUp(7L, GivenUpParcels.Decision.RESHIP);

        assertThat(gaveUp.given()).isEqualTo(new GivenUpParcels.GivenUp(7L, 42L, GivenUpParcels.Decision.RESHIP, NOW));
        assertThat(gaveUp.deliveredAlready()).isFalse();
        verify(tracking, never()).shipment(any());
    }

    @Test
    void aParcelDeliveredBeforeItWasHeldSaysSoWithoutASecondRead() {
        when(tracking.giveUp(7L)).thenReturn(new ShipmentView(7L, 42L, 3L, null, "SANDBOX-POST", "TRK-1",
                TrackingStatus.DELIVERED, NOW.minusSeconds(86_400 * 5), null, null, null, List.of()));
        when(records.findById(7L)).thenReturn(Optional.empty());
        when(records.save(any())).thenAnswer(call -> call.getArgument(0));

        assertThat(givenUp.giveUp(7L, GivenUpParcels.Decision.REFUND).deliveredAlready()).isTrue();
        verify(tracking, never()).shipment(any());
    }
}
