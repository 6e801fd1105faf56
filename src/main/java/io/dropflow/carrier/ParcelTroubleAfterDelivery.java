package io.dropflow.carrier;

import java.time.Instant;

/**
 * Published (in the tracking event's transaction) when a carrier reports a delivered parcel returned to its sender,
 * in exception or its delivery failed ({@link TrackingStatus#isProblem}), dated after its delivery, or moving again
 * (in transit, out for delivery) dated after it: the scan is
 * recorded on the shipment, which stays delivered, and an operator was shown it ("Partner attention", unless a task
 * about the parcel is open already: then it joined that one). Scans that are normal after a delivery (the delivery
 * again, any scan dated before the delivery coming late) publish nothing. {@code orderId} is null for a group-buy
 * batch's parcel, {@code returnId} set for a return parcel; {@code purchaseOrderId} the purchase order that shipped
 * it, where known. {@code recorded} is the scan as recorded for the operator, whose task a listener may describe
 * ({@link io.dropflow.partners.PartnerDeliveries#describe}).
 */
public record ParcelTroubleAfterDelivery(Long orderId, Long shipmentId, Long returnId, String carrierCode,
        String trackingNumber, TrackingStatus status, Instant occurredAt, Instant deliveredAt, Long purchaseOrderId,
        io.dropflow.partners.PartnerDeliveries.Recorded recorded) {
}
