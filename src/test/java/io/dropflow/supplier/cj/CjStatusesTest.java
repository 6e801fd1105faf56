package io.dropflow.supplier.cj;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.carrier.TrackingStatus;
import io.dropflow.supplier.SupplierEventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every CJ order status and tracking status code, mapped onto ours. */
class CjStatusesTest {

    @Test
    void everyOrderStatusMeansOneThingForAPurchaseOrder() {
        Map<CjOrderStatus, Optional<SupplierEventType>> unasked = new EnumMap<>(CjOrderStatus.class);
        for (CjOrderStatus status : CjOrderStatus.values()) {
            unasked.put(status, status.supplierEvent(false));
        }
        assertThat(unasked).isEqualTo(Map.of(
                CjOrderStatus.CREATED, Optional.empty(),
                CjOrderStatus.IN_CART, Optional.empty(),
                CjOrderStatus.UNPAID, Optional.empty(),
                CjOrderStatus.UNSHIPPED, Optional.of(SupplierEventType.ACCEPTED),
                CjOrderStatus.SHIPPED, Optional.of(SupplierEventType.SHIPPED),
                CjOrderStatus.DELIVERED, Optional.of(SupplierEventType.SHIPPED),
                CjOrderStatus.CANCELLED, Optional.of(SupplierEventType.REJECTED),
                CjOrderStatus.OTHER, Optional.empty()));
        // Only a cancellation changes with whether we asked for it
        for (CjOrderStatus status : CjOrderStatus.values()) {
            assertThat(status.supplierEvent(true)).isEqualTo(status == CjOrderStatus.CANCELLED
                    ? Optional.of(SupplierEventType.CANCELLATION_ACCEPTED) : status.supplierEvent(false));
        }
    }

    @Test
    void statusesAreReadLeniently() {
        assertThat(CjOrderStatus.of("UNSHIPPED")).isEqualTo(CjOrderStatus.UNSHIPPED);
        assertThat(CjOrderStatus.of(" shipped ")).isEqualTo(CjOrderStatus.SHIPPED);
        assertThat(CjOrderStatus.of("SOMETHING_NEW")).isEqualTo(CjOrderStatus.OTHER);
        assertThat(CjOrderStatus.of(null)).isEqualTo(CjOrderStatus.OTHER);
        assertThat(CjOrderStatus.values()).filteredOn(CjOrderStatus::deletable)
                .containsExactly(CjOrderStatus.CREATED, CjOrderStatus.IN_CART, CjOrderStatus.UNPAID);
    }

    @Test
    void everyTrackingStatusCodeHasOneOfOurs() {
        Map<Integer, TrackingStatus> codes = new java.util.TreeMap<>();
        for (int code = 0; code <= 14; code++) {
            codes.put(code, CjTrackingStatuses.of(code));
        }
        assertThat(codes).isEqualTo(Map.ofEntries(
                Map.entry(0, TrackingStatus.PENDING),
                Map.entry(1, TrackingStatus.INFO_RECEIVED),
                Map.entry(2, TrackingStatus.IN_TRANSIT),
                Map.entry(3, TrackingStatus.EXCEPTION),
                Map.entry(4, TrackingStatus.IN_TRANSIT),
                Map.entry(5, TrackingStatus.IN_TRANSIT),
                Map.entry(6, TrackingStatus.IN_TRANSIT),
                Map.entry(7, TrackingStatus.IN_TRANSIT),
                Map.entry(8, TrackingStatus.IN_TRANSIT),
                Map.entry(9, TrackingStatus.IN_TRANSIT),
                Map.entry(10, TrackingStatus.OUT_FOR_DELIVERY),
                Map.entry(11, TrackingStatus.OUT_FOR_DELIVERY),
                Map.entry(12, TrackingStatus.DELIVERED),
                Map.entry(13, TrackingStatus.EXCEPTION),
                Map.entry(14, TrackingStatus.RETURNED)));
        assertThat(CjTrackingStatuses.of(99)).isEqualTo(TrackingStatus.IN_TRANSIT);
    }
}
