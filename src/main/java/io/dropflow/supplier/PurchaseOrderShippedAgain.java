package io.dropflow.supplier;

/**
 * Published (in the webhook's transaction) when a supplier reports SHIPPED for a purchase order that
 * shipped already. With the number the parcel is followed under, it is a redelivery; with another,
 * the supplier (or its carrier) re-labelled the parcel. Only the feature that follows the parcel
 * can tell which: the purchase order does not keep tracking numbers. Not published for an
 * applicant's sample.
 */
public record PurchaseOrderShippedAgain(String eventId, Long orderId, Long purchaseOrderId, String purchaseOrderNumber,
        String carrierCode, String trackingNumber, Long claimId, Long returnId, Long batchId) {

    /**
     * About the consumer order's own purchase order, not a claim's replacement, a return's exchange or a group-buy
     * batch's (whose purchase follows its own parcel).
     */
    public boolean isOriginal() {
        return claimId == null && returnId == null && batchId == null;
    }
}
