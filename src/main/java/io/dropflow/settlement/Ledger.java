package io.dropflow.settlement;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seller's ledger: what each order earned and cost. Every booking is unique per order, type
 * and reference, so booking the same thing twice (a retried job) books it once.
 */
public interface Ledger {

    record Settlement(Long orderId, String currency, BigDecimal saleTotal, String purchaseOrderNumber,
            BigDecimal supplyTotal, BigDecimal shippingCost) {
    }

    /** Books sale, supply cost, shipping and fees for a delivered order; returns the margin. */
    BigDecimal settle(Settlement settlement);

    /** Books a refund to the consumer (the sale it cancels is booked alongside, so the order nets out). */
    void refund(Long orderId, BigDecimal amount, String currency);

    /**
     * Books a defect claim's money on its order, once per claim (the reference is the claim number),
     * whether the order is settled already or not: the order's margin is the sum of its entries.
     *
     * @param paidToConsumer refund or compensation paid back (zero for a replacement)
     * @param replacementCost goods and shipping of a replacement the seller pays for (zero otherwise)
     * @param chargeback what the supplier pays us back (zero when the seller bears the cost)
     */
    void bookClaim(Long orderId, String claimNumber, String currency, BigDecimal paidToConsumer,
            BigDecimal replacementCost, BigDecimal chargeback);

    /** What a return cost and earned, booked once per return (the reference is the return number). */
    record ReturnBooking(Long orderId, String returnNumber, String currency, BigDecimal refunded,
            BigDecimal supplierCredit, BigDecimal returnShipping, BigDecimal exchangeCost, BigDecimal chargeback) {
    }

    /** Books a return's money on its order, once per return, settled or not. */
    void bookReturn(ReturnBooking booking);

    /** Whether the order's settlement has been booked (a later booking then adjusts a settled order). */
    boolean isSettled(Long orderId);

    BigDecimal margin(Long orderId);

    List<LedgerEntry> entriesOf(Long orderId);

    /** The margin these entries (all of one order's) make. */
    static BigDecimal margin(List<LedgerEntry> orderEntries) {
        return orderEntries.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
