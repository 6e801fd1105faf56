package io.dropflow.supplier.internal;

import io.dropflow.supplier.PurchaseOrderStatus;
import java.time.Instant;

/**
 * What a supplier's scorecard reads of one purchase order in its window ({@link ScorecardCalculation}):
 * read as a projection ({@link PurchaseOrders#scoredBetween}), without the purchase order's lines or
 * supplier, because a busy supplier's window holds tens of thousands of them.
 */
record ScoredPurchaseOrder(PurchaseOrderStatus status, String reasonCode, Instant forwardedAt, Instant shippedAt,
        Instant shipByAt, int upheldClaims) {
}
