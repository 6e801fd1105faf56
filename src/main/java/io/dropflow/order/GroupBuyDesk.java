package io.dropflow.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where a group-buy order (社区团购) goes instead of a forwarding of its own: the group-buy feature
 * implements it. Order intake asks it to check a group-buy order before anything is stored, hands it
 * the stored order to join the open batch of its pickup point, and passes the consumer's
 * cancellation on. The order feature knows no more of group buying than this.
 */
public interface GroupBuyDesk {

    /** A group-buy order as the storefront sent it: a pickup point instead of a home address. */
    record Request(String storefrontOrderId, String pickupPoint, String currency, List<Line> lines) {
    }

    /** One line: our SKU, how many, the unit price the consumer paid. */
    record Line(int lineNo, String sku, int quantity, BigDecimal salePrice) {
    }

    /**
     * Checks the pickup point (known, active, and so is its leader) and each line (offered for group
     * buying, within what the offer has left for the batch, not sold below its cost). Stores nothing.
     *
     * @return where the goods go: the pickup point's address
     * @throws io.dropflow.web.ApiProblem a 4xx naming the pickup point or the SKU that is wrong
     */
    ShippingAddress check(Request request);

    /**
     * The stored order joins the open batch of its pickup point (a new batch when none is open), in
     * the caller's transaction; the offer's stock cap is checked again, under the batch's lock.
     *
     * @throws io.dropflow.web.ApiProblem as {@link #check}, when the batch filled up meanwhile
     */
    void join(Long orderId, Request request);

    /**
     * The consumer cancels. Before the cutoff the lines leave the batch and the consumer is refunded;
     * after it the suppliers are asked to take the lines off the batch's purchase orders, and may refuse.
     *
     * @return false when it is too late: the goods are on their way to, or at, the pickup point
     */
    boolean cancel(Long orderId);
}
