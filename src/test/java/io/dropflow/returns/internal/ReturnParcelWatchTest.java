package io.dropflow.returns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.processengine.SellerTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The return parcel's silence, as its history tells it (exploratory test s14 "shipping", item 6). */
class ReturnParcelWatchTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:28:40.379Z");
    private static final Instant NEWS = NOW.minus(Duration.ofDays(4));

    private final Tracking tracking = mock(Tracking.class);
    private final CaseHistory history = mock(CaseHistory.class);
    private final ReturnParcelWatch watch = new ReturnParcelWatch(tracking, history,
            Clock.fixed(NOW, ZoneOffset.UTC), SellerTime.in("Asia/Shanghai"));

    @Test
    void theStallLineGivesTheLastNewsInTheSellersTimeNotAsAUtcInstant() {
        when(tracking.shipment(5L)).thenReturn(new ShipmentView(5L, 7L, 11L, 3L, "YTO", "YT1", TrackingStatus.IN_TRANSIT,
                NEWS, NEWS, null, NEWS, List.of()));

        assertThat(watch.stalled(3L, 5L, Duration.ofDays(3))).isTrue();

        verify(history).record(CaseKind.RETURN, 3L, Party.CARRIER,
                "No tracking news since 2026-12-03 20:28 (Asia/Shanghai): return parcel stalled");
    }
}
