package io.dropflow.supplier.internal;

import io.dropflow.supplier.PurchaseOrderStatus;
import java.time.Instant;

/**
 * What a supplier's scorecard reads of one purchase order in its window ({@link ScorecardCalculation}):
 * read as a projection ({@link PurchaseOrders#scoredBetween}), without the purchase order's lines or
 * supplier, because a busy supplier's window holds tens of thousands of them.
 *
 * @param cancellationAskedAt when Dropflow last asked the supplier to cancel it; null if never (or not known: cancelled
 *     before V66 after its ship-by)
 * @param deadlineExtensions how often an operator extended its ship-by: each time it had missed the one before
 */
record ScoredPurchaseOrder(PurchaseOrderStatus status, String reasonCode, Instant forwardedAt, Instant shippedAt,
        Instant shipByAt, int upheldClaims, Instant cancellationAskedAt, int deadlineExtensions) {
}
