package io.dropflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupplierEventTest {

    @Test
    void aPaddedCarrierCodeOrTrackingNumberIsTakenWithoutItsSpaces() {
        SupplierEvent padded = new SupplierEvent("e-1", SupplierEventType.SHIPPED, "DF-1-PO1", null, null,
                " SANDBOX-POST ", " SBX439636467ZRK\t");

        assertThat(padded.carrierCode()).isEqualTo("SANDBOX-POST");
        assertThat(padded.trackingNumber()).isEqualTo("SBX439636467ZRK");
        assertThat(padded.isShipmentComplete()).isTrue();
    }

    @Test
    void onlySpacesAreStillNoTrackingNumber() {
        SupplierEvent blank = new SupplierEvent("e-2", SupplierEventType.SHIPPED, "DF-1-PO1", null, null, "DHL", "   ");

        assertThat(blank.trackingNumber()).isEmpty();
        assertThat(blank.isShipmentComplete()).isFalse();
    }
}
