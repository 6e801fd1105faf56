package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.carrier.TrackingStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An order's parcels as its view lists them: a return's parcel back to the supplier is the return's, not a second
 * parcel of the order (explore-s13 robust D8: it read "SBXRETFXIZPN DELIVERED forCase=null" beside the order's own).
 */
class OrderViewShipmentTest {

    private static io.dropflow.carrier.ShipmentView parcel(Long returnId, String forCase) {
        return new io.dropflow.carrier.ShipmentView(1L, 6L, 6L, returnId, "SANDBOX-POST", "SBX1", TrackingStatus.DELIVERED,
                Instant.EPOCH, Instant.EPOCH, null, Instant.EPOCH, List.of(), null, forCase);
    }

    @Test
    void aReturnsParcelNamesItsReturn() {
        assertThat(OrderView.ShipmentView.of(parcel(1L, null)).forCase()).isEqualTo("DF-RT1");
    }

    @Test
    void theOrdersOwnParcelNamesNoCaseAndAReplacementItsClaim() {
        assertThat(OrderView.ShipmentView.of(parcel(null, null)).forCase()).isNull();
        assertThat(OrderView.ShipmentView.of(parcel(null, "DF-CL7")).forCase()).isEqualTo("DF-CL7");
    }
}
