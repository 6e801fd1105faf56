package io.dropflow.order;

import io.dropflow.settlement.Money;
import java.util.List;

/**
 * What the consumer of an order was paid back through its after-sales cases (claims and returns), as the
 * cases recorded it before the storefront was asked to pay. The order's own full refund (a lost parcel
 * given up, an order cancelled or nobody could fill) pays only what is left of the sale after these: the
 * consumer is never paid back more than the sale. Implemented by the after-sales feature, which knows
 * orders (the order feature does not know after-sales).
 */
public interface PaidBackByCases {

    /** One case's refund: "DF-CL5" paid back 15.00 EUR. */
    record PaidBack(String caseNumber, Money amount) {
    }

    /**
     * The order's cases' refunds, oldest first, each in its case's currency (the order's) and rounded to that
     * currency's minor units as the storefront was asked to pay it; empty when no case paid anything back.
     */
    List<PaidBack> of(Long orderId);
}
