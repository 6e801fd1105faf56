package io.dropflow.supplier;

/**
 * Published (in the webhook's transaction, once per event id) when a supplier's event no longer fits
 * its purchase order ({@link SupplierEventOutcome#STALE}) and changed nothing: e.g. SHIPPED for a
 * purchase order the supplier had cancelled. {@code toOperator} says whether it went to an operator
 * (a "Partner attention" task); otherwise it is only recorded. {@code status} is the purchase order's,
 * which the event did not change; {@code type} what the supplier said (OUT_OF_STOCK for an acceptance
 * that misses every line). {@code orderId} is null for a group-buy batch's purchase order and an
 * applicant's sample. {@code supplierCode} is the supplier's, {@code recorded} the event as recorded for the
 * operator, whose task a listener may describe ({@link io.dropflow.partners.PartnerDeliveries#describe}).
 * {@code numberHeldBy} is set for a SHIPPED whose tracking number is another purchase order's parcel: that purchase
 * order's number (the purchase order stays as it was and waits for its own shipment).
 */
public record PurchaseOrderEventNotApplied(String eventId, Long orderId, Long purchaseOrderId,
        String purchaseOrderNumber, SupplierEventType type, PurchaseOrderStatus status, String carrierCode,
        String trackingNumber, boolean toOperator, String supplierCode,
        io.dropflow.partners.PartnerDeliveries.Recorded recorded, String numberHeldBy) {
}
