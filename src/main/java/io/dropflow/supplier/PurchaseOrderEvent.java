package io.dropflow.supplier;

import java.util.List;

/**
 * Published (in the webhook's transaction) when a supplier event changed a purchase order, so the
 * feature that owns the order can move its process on. {@code claimId} is set for a replacement
 * purchase order that a defect claim placed: its events belong to that claim; {@code batchId} for
 * a group-buy batch's purchase order ({@code orderId} is then null), whose supplier may accept with
 * {@code missingLines} and answer a request to take some lines off ({@code cancellationNumber}).
 * {@code purchaseOrderNumber} is the one the supplier and people know (DF-42-PO1), the id ours.
 */
public record PurchaseOrderEvent(String eventId, Long orderId, Long purchaseOrderId, String purchaseOrderNumber,
        SupplierEventType type,
        String reasonCode, String carrierCode, String trackingNumber, Long claimId,
        Long returnId, Long batchId, List<Missing> missingLines, String cancellationNumber) {

    /** Pieces of one of our SKUs the supplier cannot deliver. */
    public record Missing(String sku, int quantity) {
    }

    /** About the consumer order's own purchase order, not a claim's replacement, a return's exchange or a batch's. */
    public boolean isOriginal() {
        return claimId == null && returnId == null && batchId == null;
    }
}
