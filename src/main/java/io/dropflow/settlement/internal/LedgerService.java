package io.dropflow.settlement.internal;

import io.dropflow.settlement.ConversionTooLarge;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import io.dropflow.settlement.Money;
import io.dropflow.settlement.NoExchangeRate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger on its table, in the settlement currency: each amount converted at the rate valid when
 * it is booked, each booking looked for before it is written, so a repeated booking books once.
 */
@Service
class LedgerService implements Ledger {

    private final Bookings entries;
    private final ExchangeRates rates;
    private final SettlementSettings settings;
    private final PlatformFeeTable fees;
    private final LedgerLocks locks;
    private final Clock clock;

    LedgerService(Bookings entries, ExchangeRates rates, SettlementSettings settings, PlatformFeeTable fees,
            LedgerLocks locks, Clock clock) {
        this.entries = entries;
        this.locks = locks;
        this.rates = rates;
        this.settings = settings;
        this.fees = fees;
        this.clock = clock;
    }

    @Override
    public Money platformFee(String channel, Money sale) {
        return sale.times(fees.feeRate(channel));
    }

    @Override
    @Transactional
    public Money settle(Settlement s) {
        String ref = "order-" + s.orderId();
        book(s.orderId(), LedgerEntryType.SALE, s.sale(), ref);
        bookCosts(s.orderId(), s.costs());
        // Asked of platform-fees.dmn only when not booked yet: the final settlement finds it booked provisionally.
        bookFee(s.orderId(), () -> platformFee(s.channel(), s.sale()));
        return margin(s.orderId());
    }

    /**
     * The sale is converted once, at one moment: for the sale's entry and, when the refund is the whole sale (no case
     * paid any of it back), for the refund's, negated, so the two net out to the cent whatever rate takes over while
     * they are booked. A refund of what the cases left is converted with what they paid back, at the same moment.
     */
    @Override
    @Transactional
    public void refundOrder(Long orderId, Money sale, Money refunded) {
        String ref = "order-" + orderId;
        Instant now = clock.instant();
        Optional<ExchangeRates.Conversion> converted = conversion(sale, now);
        if (refunded.equals(sale) && converted.isEmpty()) {
            bookUnconverted(orderId, LedgerEntryType.SALE, sale, ref);
            bookUnconverted(orderId, LedgerEntryType.REFUND, refunded.negate(), ref);
            return;
        }
        ExchangeRates.Conversion saleConverted = converted.orElseGet(() -> rates.convert(sale, settings.currency(), now));
        bookOnce(orderId, LedgerEntryType.SALE, ref, at -> saleConverted);
        if (refunded.equals(sale)) {
            locks.refundsOf(orderId);
            bookOnce(orderId, LedgerEntryType.REFUND, ref, at -> new ExchangeRates.Conversion(refunded.negate(),
                    saleConverted.to().negate(), saleConverted.rate()));
        } else {
            bookConsumerRefund(orderId, LedgerEntryType.REFUND, refunded.negate(), ref, now);
        }
    }

    /**
     * The sale in the settlement currency, if it converts: a rate into it, and an amount the ledger can hold (review
     * s15 G7: a sale too large to convert is refunded in full as one with no rate is).
     */
    private Optional<ExchangeRates.Conversion> conversion(Money sale, Instant at) {
        try {
            return Optional.of(rates.convert(sale, settings.currency(), at));
        } catch (NoExchangeRate | ConversionTooLarge noSettlementAmount) {
            return Optional.empty();
        }
    }

    /**
     * The order's own refund of its whole sale (no case paid any of it back) nets out with the sale in the order's
     * currency, whatever the rate: with no rate into the settlement currency (an order rejected or cancelled at
     * review, where the missing rate had stopped it), both are booked in the order's currency at rate 1, adding
     * nothing to the margin, rather than leave the consumer refunded at the storefront and the step failing on the
     * conversion. Once per order, as a converted booking.
     */
    private void bookUnconverted(Long orderId, LedgerEntryType type, Money amount, String reference) {
        bookOnce(orderId, type, reference, now -> new ExchangeRates.Conversion(amount, amount, BigDecimal.ONE));
    }

    /** Each purchase order's supply and shipping converted as a whole, as validation converts its landed cost. */
    @Override
    @Transactional
    public void bookCosts(Long orderId, List<Cost> costs) {
        for (Cost cost : costs) {
            bookAsAWhole(costParts(orderId, cost), false);
        }
    }

    @Override
    @Transactional
    public void bookShares(Map<Long, Cost> sharesByOrder) {
        List<CostPart> parts = new ArrayList<>();
        sharesByOrder.forEach((orderId, cost) -> parts.addAll(costParts(orderId, cost)));
        if (!parts.isEmpty()) {
            bookAsAWhole(parts, true);
        }
    }

    @Override
    @Transactional
    public void bookSupplierCredits(Map<Long, Money> creditsByOrder, String reference) {
        List<CostPart> parts = new ArrayList<>();
        creditsByOrder.forEach((orderId, credit) ->
                parts.add(new CostPart(orderId, LedgerEntryType.SUPPLIER_CREDIT, credit, reference)));
        if (!parts.isEmpty()) {
            bookAsAWhole(parts, true);
        }
    }

    @Override
    @Transactional
    public void refund(Long orderId, Money amount, String reference) {
        book(orderId, LedgerEntryType.SALE, amount, reference);
        book(orderId, LedgerEntryType.REFUND, amount.negate(), reference);
    }

    /** Nothing collected books no sale, no commission and no fee, but the costs and the mark: the order is settled. */
    @Override
    @Transactional
    public Money settleGroupBuy(GroupBuySettlement s) {
        String ref = "order-" + s.orderId();
        bookIfAny(s.orderId(), LedgerEntryType.SALE, s.sale(), ref);
        for (Cost cost : s.costs()) {
            bookAsAWhole(costParts(s.orderId(), cost), true);
        }
        bookIfAny(s.orderId(), LedgerEntryType.LEADER_COMMISSION, s.leaderCommission().negate(), s.leaderCode());
        bookFee(s.orderId(), () -> platformFee(GROUP_BUY, s.sale()));
        return margin(s.orderId());
    }

    @Override
    @Transactional
    public void bookClaim(Long orderId, String claimNumber, Money paidToConsumer, Money replacementCost,
            Money chargeback) {
        bookConsumerRefund(orderId, LedgerEntryType.CLAIM_REFUND, paidToConsumer.negate(), claimNumber);
        bookIfAny(orderId, LedgerEntryType.REPLACEMENT_COST, replacementCost.negate(), claimNumber);
        bookIfAny(orderId, LedgerEntryType.SUPPLIER_CHARGEBACK, chargeback, claimNumber);
    }

    @Override
    @Transactional
    public void bookReturn(ReturnBooking r) {
        bookConsumerRefund(r.orderId(), LedgerEntryType.RETURN_REFUND, r.refunded().negate(), r.returnNumber());
        bookIfAny(r.orderId(), LedgerEntryType.SUPPLIER_CREDIT, r.supplierCredit(), r.returnNumber());
        bookIfAny(r.orderId(), LedgerEntryType.RETURN_SHIPPING, r.returnShipping().negate(), r.returnNumber());
        bookIfAny(r.orderId(), LedgerEntryType.EXCHANGE_COST, r.exchangeCost().negate(), r.returnNumber());
        bookIfAny(r.orderId(), LedgerEntryType.SUPPLIER_CHARGEBACK, r.chargeback(), r.returnNumber());
    }

    /**
     * One entry of a purchase order's cost: an order's supply or shipping (or its share of them), negative; or an
     * order's share of a supplier's credit on it, positive.
     */
    private record CostPart(Long orderId, LedgerEntryType type, Money amount, String reference) {
    }

    private static List<CostPart> costParts(Long orderId, Cost cost) {
        return List.of(
                new CostPart(orderId, LedgerEntryType.SUPPLY_COST, cost.supply().negate(), cost.purchaseOrderNumber()),
                new CostPart(orderId, LedgerEntryType.SHIPPING_COST, cost.shipping().negate(), cost.purchaseOrderNumber()));
    }

    /**
     * The parts of one purchase order's cost (its supply and shipping; for a group-buy batch's purchase order, each
     * order's share of them) converted as a whole at today's rate and split back into the parts by largest
     * remainder ({@link Money#allocate}): the entries add up to the whole converted, the landed cost validation
     * converted. Each converted and rounded on its own, they could come to a cent more or less (999 JPY and
     * 301 JPY at 0.00625: 6.24 + 1.88 EUR against 8.13 EUR); so they come to 6.25 and 1.88 EUR. Parts booked
     * already are left as they are (no rate is looked for when all are); {@code skipZero} books no entry for a
     * part that is zero.
     */
    private void bookAsAWhole(List<CostPart> parts, boolean skipZero) {
        List<CostPart> due = parts.stream().filter(p -> !(skipZero && p.amount().isZero()))
                .filter(p -> !entries.existsByOrderIdAndEntryTypeAndReference(p.orderId(), p.type(), p.reference()))
                .toList();
        if (due.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Money whole = parts.stream().map(CostPart::amount).reduce(Money::plus).orElseThrow();
        ExchangeRates.Conversion converted = rates.convert(whole, settings.currency(), now);
        List<Money> split = whole.isZero()
                ? parts.stream().map(p -> Money.zero(settings.currency())).toList()
                : converted.to().allocate(parts.stream().map(p -> p.amount().amount().abs()).toList());
        for (int i = 0; i < parts.size(); i++) {
            CostPart part = parts.get(i);
            if (due.contains(part)) {
                entries.save(new Booking(part.orderId(), part.type(),
                        new ExchangeRates.Conversion(part.amount(), split.get(i), converted.rate()), part.reference(), now));
            }
        }
    }

    private void bookIfAny(Long orderId, LedgerEntryType type, Money amount, String reference) {
        if (!amount.isZero()) {
            book(orderId, type, amount, reference);
        }
    }

    /**
     * What the consumer was paid back of the order's sale, by its cases (a claim's refund or compensation, a
     * return's refund) or by the order's own full refund, converted together with what was paid back before it:
     * the entry is what the consumer has been paid back so far, converted, less what was paid back before this
     * one, converted at the same (today's) rate. Each converted on its own and rounded, refunds that add up to the
     * sale in the order's currency could come to a cent more or less than the sale in the settlement currency
     * (three refunds of 4.999 KWD of a 14.997 KWD sale at 1 EUR = 0.327 KWD: 3 x 15.29 EUR against 45.86 EUR);
     * so they come to 15.29, 15.28 and 15.29 EUR. Converting what was paid back before at today's rate, not taking
     * what it was booked at, leaves a rate that changed in between on the earlier entries, where it applied. Nothing
     * paid back books nothing. One order's refunds are booked one at a time (two at once each read the refunds
     * before it without the other's, and could come to a cent more or less between them).
     */
    private void bookConsumerRefund(Long orderId, LedgerEntryType type, Money refund, String reference) {
        bookConsumerRefund(orderId, type, refund, reference, clock.instant());
    }

    /** As above, converted at {@code now}. */
    private void bookConsumerRefund(Long orderId, LedgerEntryType type, Money refund, String reference, Instant now) {
        if (refund.isZero()) {
            return;
        }
        locks.refundsOf(orderId);
        if (entries.existsByOrderIdAndEntryTypeAndReference(orderId, type, reference)) {
            return;
        }
        Money before = new Money(entriesOf(orderId).stream()
                .filter(e -> paysTheSaleBack(e) && e.originalCurrency().equals(refund.currency()))
                .map(LedgerEntry::originalAmount).reduce(BigDecimal.ZERO, BigDecimal::add),
                refund.currency());
        ExchangeRates.Conversion soFar = rates.convert(before.plus(refund), settings.currency(), now);
        Money convertedBefore = rates.convert(before, settings.currency(), now).to();
        entries.save(new Booking(orderId, type,
                new ExchangeRates.Conversion(refund, soFar.to().minus(convertedBefore), soFar.rate()), reference, now));
    }

    /** A case's refund to the consumer, or the order's own full refund (a group-buy line's refund nets out alone). */
    private static boolean paysTheSaleBack(LedgerEntry e) {
        return e.type() == LedgerEntryType.CLAIM_REFUND || e.type() == LedgerEntryType.RETURN_REFUND
                || e.type() == LedgerEntryType.REFUND && e.reference().equals("order-" + e.orderId());
    }

    /**
     * The order's fee, which marks its margin as booked; a fee of nothing (nothing sold, a channel without fees) books
     * no 0.00 fee line but the mark itself ({@link LedgerEntryType#MARGIN_BOOKED}, nothing in or out). Once: with either
     * booked, the fee is not asked again.
     */
    private void bookFee(Long orderId, java.util.function.Supplier<Money> fee) {
        if (isSettled(orderId)) {
            return;
        }
        Money due = fee.get();
        if (due.isZero()) {
            Money nothing = Money.zero(settings.currency());
            bookOnce(orderId, LedgerEntryType.MARGIN_BOOKED, "order-" + orderId,
                    now -> new ExchangeRates.Conversion(nothing, nothing, BigDecimal.ONE));
        } else {
            book(orderId, LedgerEntryType.PLATFORM_FEE, due.negate(), "order-" + orderId);
        }
    }

    @Override
    public boolean isSettled(Long orderId) {
        String ref = "order-" + orderId;
        return entries.existsByOrderIdAndEntryTypeAndReference(orderId, LedgerEntryType.PLATFORM_FEE, ref)
                || entries.existsByOrderIdAndEntryTypeAndReference(orderId, LedgerEntryType.MARGIN_BOOKED, ref);
    }

    @Override
    @Transactional(readOnly = true)
    public Money margin(Long orderId) {
        return new Money(Ledger.margin(entriesOf(orderId)), settings.currency());
    }

    @Override
    @Transactional(readOnly = true)
    public List<LedgerEntry> entriesOf(Long orderId) {
        return entries.findByOrderIdOrderById(orderId).stream().map(Booking::toEntry).toList();
    }

    /** Converted to the settlement currency at today's rate; no rate, no booking (the caller's job retries). */
    private void book(Long orderId, LedgerEntryType type, Money amount, String reference) {
        book(orderId, type, () -> amount, reference);
    }

    private void book(Long orderId, LedgerEntryType type, java.util.function.Supplier<Money> amount, String reference) {
        bookOnce(orderId, type, reference, now -> rates.convert(amount.get(), settings.currency(), now));
    }

    /** Once per order, type and reference: the entry as {@code conversion} gives it at the booking's moment. */
    private void bookOnce(Long orderId, LedgerEntryType type, String reference,
            java.util.function.Function<Instant, ExchangeRates.Conversion> conversion) {
        if (!entries.existsByOrderIdAndEntryTypeAndReference(orderId, type, reference)) {
            Instant now = clock.instant();
            entries.save(new Booking(orderId, type, conversion.apply(now), reference, now));
        }
    }
}
