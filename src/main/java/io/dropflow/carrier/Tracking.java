package io.dropflow.carrier;

import io.dropflow.processengine.CallsPartner;
import java.util.List;
import io.dropflow.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The carrier feature's use cases. */
@Service
public class Tracking {

    private final Shipments shipments;
    private final CarrierTracking carrier;
    private final ApplicationEventPublisher events;

    Tracking(Shipments shipments, CarrierTracking carrier, ApplicationEventPublisher events) {
        this.shipments = shipments;
        this.carrier = carrier;
        this.events = events;
    }

    /** Records the parcel a supplier shipped; the same carrier and tracking number give the same shipment. */
    @Transactional
    public Shipment recordShipment(Long orderId, Long purchaseOrderId, String carrierCode, String trackingNumber) {
        return shipments.findByCarrierCodeAndTrackingNumber(carrierCode, trackingNumber)
                .orElseGet(() -> shipments.save(new Shipment(orderId, purchaseOrderId, carrierCode, trackingNumber)));
    }

    /**
     * Orders a return label (consumer to supplier) from the carrier and records the return parcel;
     * the same key gives the same label and the same shipment.
     */
    @Transactional
    @CallsPartner
    public ReturnParcel returnParcel(Long orderId, Long purchaseOrderId, Long returnId, CarrierTracking.ReturnLabelRequest request) {
        CarrierTracking.ReturnLabel label = carrier.createReturnLabel(request);
        Shipment shipment = shipments.findByCarrierCodeAndTrackingNumber(label.carrierCode(), label.trackingNumber())
                .orElseGet(() -> {
                    Shipment s = new Shipment(orderId, purchaseOrderId, label.carrierCode(), label.trackingNumber());
                    s.returning(returnId);
                    return shipments.save(s);
                });
        if (shipment.getRegisteredAt() == null) {
            carrier.register(shipment.getCarrierCode(), shipment.getTrackingNumber());
            shipment.markRegistered();
        }
        return new ReturnParcel(shipment.getId(), label.carrierCode(), label.trackingNumber(), label.labelUrl());
    }

    public record ReturnParcel(Long shipmentId, String carrierCode, String trackingNumber, String labelUrl) {
    }

    @Transactional
    @CallsPartner
    public Shipment register(Long shipmentId) {
        Shipment shipment = shipments.findById(shipmentId).orElseThrow();
        if (shipment.getRegisteredAt() == null) {
            carrier.register(shipment.getCarrierCode(), shipment.getTrackingNumber());
            shipment.markRegistered();
        }
        return shipment;
    }

    @Transactional
    public void markSyncedToStorefront(Long shipmentId) {
        shipments.findById(shipmentId).orElseThrow().markSyncedToStorefront();
    }

    @Transactional
    public boolean receive(CarrierEvent event) {
        Shipment shipment = shipments.lockByTracking(event.carrierCode(), event.trackingNumber())
                .orElseThrow(() -> NotFound.of("shipment", event.carrierCode() + " " + event.trackingNumber(), 
                        "no shipment with " + event.carrierCode() + " tracking number " + event.trackingNumber()));
        TrackingStatus before = shipment.getStatus();
        boolean recorded = shipment.record(event.eventId(), event.status(), event.occurredAt(), event.location(),
                event.description());
        if (recorded && shipment.getStatus() != before) {
            events.publishEvent(new ShipmentStatusChanged(event.carrierCode() + ":" + event.eventId(),
                    shipment.getOrderId(), shipment.getId(), shipment.getStatus(), shipment.getReturnId()));
        }
        return recorded;
    }

    public Shipment shipment(Long shipmentId) {
        return shipments.findById(shipmentId).orElseThrow();
    }

    public List<Shipment> shipmentsOf(Long orderId) {
        return shipments.findByOrderIdOrderById(orderId);
    }
}
