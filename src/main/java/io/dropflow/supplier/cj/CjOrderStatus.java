package io.dropflow.supplier.cj;

import io.dropflow.supplier.SupplierEventType;
import java.util.Optional;

/**
 * CJ's order statuses (getOrderDetail's and the ORDER message's {@code orderStatus}) and what each
 * tells us about a purchase order.
 */
enum CjOrderStatus {
    /** Created, waiting for confirmation. */
    CREATED,
    /** In CJ's cart, waiting for confirmation. */
    IN_CART,
    /** Confirmed, not paid: CJ does nothing until it is. */
    UNPAID,
    /** Paid and waiting to ship: CJ has taken the order on. */
    UNSHIPPED,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    /** Anything else CJ reports (and any status it adds later). */
    OTHER;

    static CjOrderStatus of(String status) {
        if (status == null) {
            return OTHER;
        }
        try {
            return valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return OTHER;
        }
    }

    /** CJ still lets us delete the order (it is not paid). */
    boolean deletable() {
        return this == CREATED || this == IN_CART || this == UNPAID;
    }

    /**
     * @param cancellationRequested we asked CJ to cancel this purchase order
     * @return the supplier event this status amounts to; empty while CJ has not committed to anything
     */
    Optional<SupplierEventType> supplierEvent(boolean cancellationRequested) {
        return switch (this) {
            case CREATED, IN_CART, UNPAID, OTHER -> Optional.empty();
            case UNSHIPPED -> Optional.of(SupplierEventType.ACCEPTED);
            case SHIPPED, DELIVERED -> Optional.of(SupplierEventType.SHIPPED);
            case CANCELLED -> Optional.of(cancellationRequested ? SupplierEventType.CANCELLATION_ACCEPTED
                    : SupplierEventType.REJECTED);
        };
    }
}
