package io.dropflow.settlement;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seller's ledger: what each order earned and cost, in the one settlement currency. Every
 * amount is booked with what it was before conversion and the rate used. Every booking is unique
 * per order, type and reference, so booking the same thing twice (a retried job) books it once.
 */
public interface Ledger {

    /**
     * @param channel the order's sales channel (its fee comes from bpmn/platform-fees.dmn)
     * @param sale what the consumer paid, in the order's currency
     * @param costs one per purchase order the seller paid for (a parcel written off and reshipped
     *        was paid for too), each in the supplier's currency
     */
    record Settlement(Long orderId, String channel, Money sale, List<Cost> costs) {

        public Settlement {
            costs = List.copyOf(costs);
        }

        /** An order delivered by its one purchase order. */
        public Settlement(Long orderId, String channel, Money sale, String purchaseOrderNumber, Money supplyCost,
                Money shippingCost) {
            this(orderId, channel, sale, List.of(new Cost(purchaseOrderNumber, supplyCost, shippingCost)));
        }
    }

    /** The sales channel of group-buy orders, as bpmn/platform-fees.dmn knows it. */
    String GROUP_BUY = "GROUP_BUY";

    /**
     * The marketplace and payment fees on a sale through {@code channel} (bpmn/platform-fees.dmn, which
     * analysts own), in the sale's currency.
     */
    Money platformFee(String channel, Money sale);

    /** Books sale, each purchase order's supply cost and shipping, and fees for a delivered order; returns the margin. */
    Money settle(Settlement settlement);

    /**
     * Books the order's own full refund: the whole {@code sale}, which the consumer paid, and the refund of
     * {@code refunded}, what was left of it after its cases (claims, returns) paid part of it back and booked
     * that themselves (the whole sale when none did, nothing when they paid all of it back), so the sale nets
     * out and the margin is what the parcels cost. The sale is converted once, and a refund of the whole sale is that
     * conversion negated, so the two net out to the cent. Once per order: booking again adds nothing. A whole sale refunded
     * so nets to zero in its own currency: without a rate from it into the settlement currency, both are booked in
     * it, unconverted (rate 1), rather than not at all.
     */
    void refundOrder(Long orderId, Money sale, Money refunded);

    /**
     * Books what the seller paid suppliers for an order it refunded (a parcel that shipped and was
     * written off), once per purchase order: booking again adds nothing.
     */
    void bookCosts(Long orderId, List<Cost> costs);

    /**
     * Books the shares of one purchase order (a group-buy batch's) that several orders' lines were on, by the
     * order's id, converted together: the entries add up to the shares' sum converted as a whole, not a minor
     * unit more or less. Once per order and purchase order: booking again adds nothing; a share that is zero books
     * no entry.
     */
    void bookShares(java.util.Map<Long, Cost> sharesByOrder);

    /**
     * Books a supplier's credit that several orders' lines share (a group-buy batch purchase order's goods nobody
     * collected, which its supplier took back or credited), each order's share in the supplier's currency, converted
     * together as {@link #bookShares} converts: the entries add up to the credit converted as a whole. A
     * {@link LedgerEntryType#SUPPLIER_CREDIT} under {@code reference} (the take-back's number), once per order and
     * reference: booking again adds nothing; a share that is zero books no entry.
     */
    void bookSupplierCredits(java.util.Map<Long, Money> creditsByOrder, String reference);

    /**
     * Books a refund of part of an order (e.g. group-buy lines nobody could supply), once per
     * reference; the part of the sale it gives back is booked alongside, so the part nets out.
     */
    void refund(Long orderId, Money amount, String reference);

    /**
     * A group-buy order at settlement: what the consumer collected (and paid for), the share of each
     * batch purchase order that carried its lines, and the leader's commission.
     *
     * @param sale the collected lines, in the order's currency (zero when nothing was collected)
     * @param costs one per batch purchase order, in the supplier's currency
     * @param leaderCommission in the order's currency; zero when nothing was collected
     */
    record GroupBuySettlement(Long orderId, Money sale, List<Cost> costs, String leaderCode, Money leaderCommission) {
    }

    /**
     * One purchase order's cost: a consumer order's whole purchase order, or a group-buy order's share
     * of a batch purchase order (its lines' supply price and a share of the shipping).
     */
    record Cost(String purchaseOrderNumber, Money supply, Money shipping) {
    }

    /**
     * Books a group-buy order's sale, costs, fees and the leader's commission
     * ({@link LedgerEntryType#LEADER_COMMISSION}), once; returns the margin.
     */
    Money settleGroupBuy(GroupBuySettlement settlement);

    /**
     * Books a defect claim's money on its order, once per claim (the reference is the claim number),
     * whether the order is settled already or not: the order's margin is the sum of its entries.
     *
     * @param paidToConsumer refund or compensation paid back (zero for a replacement)
     * @param replacementCost goods and shipping of a replacement the seller pays for (zero otherwise)
     * @param chargeback what the supplier pays us back (zero when the seller bears the cost)
     */
    void bookClaim(Long orderId, String claimNumber, Money paidToConsumer, Money replacementCost, Money chargeback);

    /** What a return cost and earned, booked once per return (the reference is the return number). */
    record ReturnBooking(Long orderId, String returnNumber, Money refunded, Money supplierCredit, Money returnShipping,
            Money exchangeCost, Money chargeback) {
    }

    /** Books a return's money on its order, once per return, settled or not. */
    void bookReturn(ReturnBooking booking);

    /**
     * Whether the order's settlement has been booked (a later booking then adjusts a settled order): its
     * {@link LedgerEntryType#PLATFORM_FEE}, or for a fee of nothing its {@link LedgerEntryType#MARGIN_BOOKED} mark.
     */
    boolean isSettled(Long orderId);

    /** The order's margin in the settlement currency. */
    Money margin(Long orderId);

    List<LedgerEntry> entriesOf(Long orderId);

    /** The margin these entries (all of one order's, in the settlement currency) make. */
    static BigDecimal margin(List<LedgerEntry> orderEntries) {
        return orderEntries.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
