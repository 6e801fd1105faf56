package io.dropflow.carrier;

/**
 * The port to a carrier's tracking service. Registering a tracking number subscribes us to the
 * carrier's pushed events for it; registering the same number twice is harmless.
 */
public interface CarrierTracking {

    void register(String carrierCode, String trackingNumber);

    /**
     * Books a return label (a return waybill) from the consumer to the supplier. The same key gives
     * the same label: a retried call never books a second parcel.
     */
    ReturnLabel createReturnLabel(ReturnLabelRequest request);

    record ReturnLabelRequest(String idempotencyKey, String returnNumber, String supplierCode, String fromName,
            String fromAddress, String toName, String toAddress) {
    }

    record ReturnLabel(String carrierCode, String trackingNumber, String labelUrl) {
    }
}
