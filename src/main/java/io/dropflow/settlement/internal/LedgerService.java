package io.dropflow.settlement.internal;

import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ledger on its table: each booking looked for before it is written, so a repeated booking books once. */
@Service
class LedgerService implements Ledger {

    private final Bookings entries;
    private final BigDecimal platformFeeRate;
    private final Clock clock;

    LedgerService(Bookings entries, @Value("${dropflow.settlement.platform-fee-rate}") BigDecimal platformFeeRate,
            Clock clock) {
        this.entries = entries;
        this.platformFeeRate = platformFeeRate;
        this.clock = clock;
    }

    @Override
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

    @Override
    @Transactional
    public void refund(Long orderId, BigDecimal amount, String currency) {
        String ref = "order-" + orderId;
        book(orderId, LedgerEntryType.SALE, amount, currency, ref);
        book(orderId, LedgerEntryType.REFUND, amount.negate(), currency, ref);
    }

    @Override
    @Transactional
    public void bookClaim(Long orderId, String claimNumber, String currency, BigDecimal paidToConsumer,
            BigDecimal replacementCost, BigDecimal chargeback) {
        bookIfAny(orderId, LedgerEntryType.CLAIM_REFUND, paidToConsumer.negate(), currency, claimNumber);
        bookIfAny(orderId, LedgerEntryType.REPLACEMENT_COST, replacementCost.negate(), currency, claimNumber);
        bookIfAny(orderId, LedgerEntryType.SUPPLIER_CHARGEBACK, chargeback, currency, claimNumber);
    }

    @Override
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

    @Override
    public boolean isSettled(Long orderId) {
        return entries.existsByOrderIdAndEntryTypeAndReference(orderId, LedgerEntryType.PLATFORM_FEE, "order-" + orderId);
    }

    @Override
    @Transactional(readOnly = true)
    public BigDecimal margin(Long orderId) {
        return Ledger.margin(entriesOf(orderId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<LedgerEntry> entriesOf(Long orderId) {
        return entries.findByOrderIdOrderById(orderId).stream().map(Booking::toEntry).toList();
    }

    private void book(Long orderId, LedgerEntryType type, BigDecimal amount, String currency, String reference) {
        if (!entries.existsByOrderIdAndEntryTypeAndReference(orderId, type, reference)) {
            entries.save(new Booking(orderId, type, amount, currency, reference, clock.instant()));
        }
    }
}
