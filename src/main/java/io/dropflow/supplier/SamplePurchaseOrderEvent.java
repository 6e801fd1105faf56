package io.dropflow.supplier;

/**
 * Published (in the webhook's transaction) when an applicant's event changed its sample purchase
 * order, so that the application's onboarding moves on. Samples have no consumer order: their
 * events never reach an order's process.
 */
public record SamplePurchaseOrderEvent(String eventId, Long applicationId, Long purchaseOrderId,
        String purchaseOrderNumber, SupplierEventType type, String reasonCode, String carrierCode, String trackingNumber) {
}
