package io.dropflow.carrier;

import java.util.List;
import java.util.Optional;

/**
 * The carrier adapters' tests' stand-in for the shipments Dropflow keeps: one parcel of ours, the
 * consignee's phone it was subscribed with (null: none) and its status (null: no such parcel). A push
 * about it is taken; nothing else is asked of it.
 */
public record OneParcelTracked(String carrierCode, String trackingNumber, String phone, TrackingStatus ours)
        implements Tracking {

    private boolean isIt(String carrier, String number) {
        return carrierCode.equals(carrier) && trackingNumber.equals(number);
    }

    @Override
    public ShipmentView giveUp(Long shipmentId) {
        return shipment(shipmentId);
    }

    @Override
    public void decisionOpen(Long shipmentId, boolean open) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TrackingStatus> status(String carrier, String number) {
        return isIt(carrier, number) ? Optional.ofNullable(ours) : Optional.empty();
    }

    @Override
    public Optional<String> consigneePhone(String carrier, String number) {
        return isIt(carrier, number) ? Optional.ofNullable(phone) : Optional.empty();
    }

    @Override
    public boolean receive(CarrierEvent event) {
        return true;
    }

    @Override
    public ShipmentView recordShipment(Long orderId, Long purchaseOrderId, String carrier, String number) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ShipmentView recordCaseShipment(Long orderId, Long purchaseOrderId, String caseNumber, String carrier,
            String number) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean follows(Long purchaseOrderId, String carrier, String number) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Retracked retrack(Long orderId, Long purchaseOrderId, String carrier, String number) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ShipmentView> replacedBy(Long shipmentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ReturnParcel returnParcel(Long orderId, Long purchaseOrderId, Long returnId,
            ReturnLabels.ReturnLabelRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ShipmentView register(Long shipmentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ShipmentView register(Long shipmentId, Consignee consignee) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> registerOrSayWhyNot(Long shipmentId, Consignee consignee) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void markSyncedToStorefront(Long shipmentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ShipmentView shipment(Long shipmentId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ShipmentView> shipmentsOf(Long orderId) {
        throw new UnsupportedOperationException();
    }
}
