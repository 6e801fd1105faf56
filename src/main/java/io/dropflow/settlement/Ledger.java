package io.dropflow.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books an order's money. Every booking is unique per order, type and reference, so settling twice books once. */
@Service
public class Ledger {

    private final LedgerEntries entries;
    private final BigDecimal platformFeeRate;

    Ledger(LedgerEntries entries, @Value("${dropflow.settlement.platform-fee-rate}") BigDecimal platformFeeRate) {
        this.entries = entries;
        this.platformFeeRate = platformFeeRate;
    }

    public record Settlement(Long orderId, String currency, BigDecimal saleTotal, String purchaseOrderNumber,
            BigDecimal supplyTotal, BigDecimal shippingCost) {
    }

    /** Books sale, supply cost, shipping and fees for a delivered order; returns the margin. */
    @Transactional
    public BigDecimal settle(Settlement s) {
        String ref = "order-" + s.orderId();
        book(s.orderId(), LedgerEntryType.SALE, s.saleTotal(), s.currency(), ref);
        book(s.orderId(), LedgerEntryType.SUPPLY_COST, s.supplyTotal().negate(), s.currency(), s.purchaseOrderNumber());
        book(s.orderId(), LedgerEntryType.SHIPPING_COST, s.shippingCost().negate(), s.currency(), s.purchaseOrderNumber());
        BigDecimal fee = s.saleTotal().multiply(platformFeeRate).setScale(2, RoundingMode.HALF_UP);
        book(s.orderId(), LedgerEntryType.PLATFORM_FEE, fee.negate(), s.currency(), ref);
        return margin(s.orderId());
    }

    /** Books a refund to the consumer (the sale it cancels is booked alongside, so the order nets out). */
    @Transactional
    public void refund(Long orderId, BigDecimal amount, String currency) {
        String ref = "order-" + orderId;
        book(orderId, LedgerEntryType.SALE, amount, currency, ref);
        book(orderId, LedgerEntryType.REFUND, amount.negate(), currency, ref);
    }

    /**
     * Books a defect claim's money on its order, once per claim (the reference is the claim number),
     * whether the order is settled already or not: the order's margin is the sum of its entries.
     *
     * @param paidToConsumer refund or compensation paid back (zero for a replacement)
     * @param replacementCost goods and shipping of a replacement the seller pays for (zero otherwise)
     * @param chargeback what the supplier pays us back (zero when the seller bears the cost)
     */
    @Transactional
    public void bookClaim(Long orderId, String claimNumber, String currency, BigDecimal paidToConsumer,
            BigDecimal replacementCost, BigDecimal chargeback) {
        bookIfAny(orderId, LedgerEntryType.CLAIM_REFUND, paidToConsumer.negate(), currency, claimNumber);
        bookIfAny(orderId, LedgerEntryType.REPLACEMENT_COST, replacementCost.negate(), currency, claimNumber);
        bookIfAny(orderId, LedgerEntryType.SUPPLIER_CHARGEBACK, chargeback, currency, claimNumber);
    }

    /** What a return cost and earned, booked once per return (the reference is the return number). */
    public record ReturnBooking(Long orderId, String returnNumber, String currency, BigDecimal refunded,
            BigDecimal supplierCredit, BigDecimal returnShipping, BigDecimal exchangeCost, BigDecimal chargeback) {
    }

    /** Books a return's money on its order, once per return, settled or not. */
    @Transactional
    public void bookReturn(ReturnBooking r) {
        bookIfAny(r.orderId(), LedgerEntryType.RETURN_REFUND, r.refunded().negate(), r.currency(), r.returnNumber());
        bookIfAny(r.orderId(), LedgerEntryType.SUPPLIER_CREDIT, r.supplierCredit(), r.currency(), r.returnNumber());
        bookIfAny(r.orderId(), LedgerEntryType.RETURN_SHIPPING, r.returnShipping().negate(), r.currency(), r.returnNumber());
        bookIfAny(r.orderId(), LedgerEntryType.EXCHANGE_COST, r.exchangeCost().negate(), r.currency(), r.returnNumber());
        bookIfAny(r.orderId(), LedgerEntryType.SUPPLIER_CHARGEBACK, r.chargeback(), r.currency(), r.returnNumber());
    }

    private void bookIfAny(Long orderId, LedgerEntryType type, BigDecimal amount, String currency, String reference) {
        if (amount.signum() != 0) {
            book(orderId, type, amount, currency, reference);
        }
    }

    /** Whether the order's settlement has been booked (a later booking then adjusts a settled order). */
    public boolean isSettled(Long orderId) {
        return entries.existsByOrderIdAndEntryTypeAndReference(orderId, LedgerEntryType.PLATFORM_FEE, "order-" + orderId);
    }

    public BigDecimal margin(Long orderId) {
        return margin(entries.findByOrderIdOrderById(orderId));
    }

    /** The margin these entries (all of one order's) make. */
    public static BigDecimal margin(List<LedgerEntry> orderEntries) {
        return orderEntries.stream().map(LedgerEntry::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<LedgerEntry> entriesOf(Long orderId) {
        return entries.findByOrderIdOrderById(orderId);
    }

    private void book(Long orderId, LedgerEntryType type, BigDecimal amount, String currency, String reference) {
        if (!entries.existsByOrderIdAndEntryTypeAndReference(orderId, type, reference)) {
            entries.save(new LedgerEntry(orderId, type, amount, currency, reference));
        }
    }
}
