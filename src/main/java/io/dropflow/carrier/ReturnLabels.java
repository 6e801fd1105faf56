package io.dropflow.carrier;

/** A carrier that books return labels (return waybills). */
public interface ReturnLabels {

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
