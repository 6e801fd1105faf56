package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.supplier.Purchasing;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a case's intake reads of the order's delivery is the order's own parcel, whatever the cases' parcels do. */
class OrderDeliveriesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private static ShipmentView delivered(long id, Instant shippedAt, Instant deliveredAt, String forCase) {
        return new ShipmentView(id, 1L, 10L + id, null, "GLS", "GLS-" + id, TrackingStatus.DELIVERED, shippedAt,
                shippedAt, null, deliveredAt, List.of(), null, forCase);
    }

    /** The after-sales windows count from the order's own parcel: a replacement delivered later moves nothing. */
    @Test
    void aReplacementsDeliveryIsNotTheOrders() {
        Instant own = NOW.minusSeconds(86_400 * 20);
        Tracking tracking = mock(Tracking.class);
        when(tracking.shipmentsOf(1L)).thenReturn(List.of(delivered(1L, own.minusSeconds(86_400), own, null),
                delivered(2L, NOW.minusSeconds(86_400), NOW, "DF-CL7")));
        OrderDeliveries deliveries = new OrderDeliveries(tracking, mock(Purchasing.class));

        assertThat(deliveries.deliveredAt(1L)).contains(own);
        assertThat(deliveries.firstShippedAt(1L)).contains(own.minusSeconds(86_400));
    }
}
