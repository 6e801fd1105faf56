package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseBookings;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.Party;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** A return's money: the refund it settles on, paying it, and what the return books on the order's ledger. */
@Service
public class ReturnAccounting {

    private final Returns returns;
    private final CaseBookings bookings;
    private final CaseHistory history;
    private final Purchasing purchasing;
    private final ReturnSettings settings;
    private final Clock clock;

    ReturnAccounting(Returns returns, CaseBookings bookings, CaseHistory history, Purchasing purchasing,
            ReturnSettings settings, Clock clock) {
        this.settings = settings;
        this.returns = returns;
        this.bookings = bookings;
        this.history = history;
        this.purchasing = purchasing;
        this.clock = clock;
    }

    /**
     * Records on the return what return-refund-basis.dmn decided the supplier credits for the goods that came back,
     * before the return's refund is settled (so other cases of the order read it while that refund is paid) or, for
     * an exchange, before it is booked; the booking credits by it alone ({@link ReturnRequest#supplierTookGoodsBack}):
     * the table weighs whether the supplier agreed to take the goods back ({@link #supplierAgreedToTakeGoodsBack}).
     * Goods that came back without a credit are said in the return's history, once, with the table's reason.
     *
     * @param why the table's reason ({@code rule}), for the history
     */
    public void decideSupplierCredit(Long returnId, SupplierCredit credit, String why) {
        ReturnRequest r = returns.locked(returnId);
        boolean changed = credit != r.getSupplierCredit();
        // recorded even when the credit stays: that the table (which weighs the agreement) decided it, not the
        // rule of returns from before V58 (the review: the same credit kept the older rule in force)
        r.decideSupplierCredit(credit, why, clock.instant());
        if (changed && r.isGoodsReturned() && !r.supplierTookGoodsBack()) {
            history.record(r, Party.DROPFLOW, "No supplier credit for the returned goods ("
                    + (r.getInspectionResult() == null ? "no inspection report"
                            : "inspection: " + io.dropflow.processengine.OperatorWords.ofCode(r.getInspectionResult())) + ")"
                    + (why == null ? "" : ": " + why));
        }
    }

    /**
     * Whether the supplier agreed to take the return's goods back, or the policy did not ask its agreement
     * (return-refund-basis.dmn's {@code supplierAgreed}): false when an operator took them back anyway.
     */
    public boolean supplierAgreedToTakeGoodsBack(Long returnId) {
        return returns.get(returnId).supplierAgreedToTakeGoodsBack();
    }

    /**
     * Fixes the refund: per policy (the returned value less the restocking fee, less the label when
     * the consumer pays it), the alternative the consumer accepted, or the partial refund an operator
     * decided after a dispute.
     * @param partialRefund the operator's amount, for {@link RefundBasis#PARTIAL}
     */
    public BigDecimal settleRefund(Long returnId, RefundBasis basis, BigDecimal partialRefund) {
        ReturnRequest r = returns.locked(returnId);
        BigDecimal amount = Money.inMinorUnits(switch (basis) {
            case OFFER -> r.getOfferAmount();
            case PARTIAL -> partialRefund;
            case POLICY -> r.refundPerPolicy();
        }, r.getCurrency());
        r.settleRefund(amount, clock.instant());
        history.record(r, Party.DROPFLOW, "Refund: " + Money.format(amount, r.getCurrency()) + " (" + switch (basis) {
            case OFFER -> "the alternative the consumer accepted";
            case PARTIAL -> "decided after a dispute";
            case POLICY -> "per policy";
        } + ")");
        return amount;
    }


    /**
     * Books the return on the order's ledger, once (the reference is the return number), also on an
     * order settled long ago: the refund; the supplier's credit, only when it took the goods back (it
     * agreed, or the policy made it take them); the return label unless the supplier pays it; an
     * exchange's purchase order; and the supplier's share when the consumer accepted its alternative (at most
     * the amount the supplier proposed). Each in the currency it is paid in: the refund in the order's, the label at
     * the carrier's price in the currency it bills ({@link #label}), the rest in the supplier's, also when nothing
     * (the history reads "supplier credit 0.00 EUR" of an EUR supplier, not "0.000 KWD" of a KWD order).
     * @param basis how the refund was computed; none for an exchange
     */
    public void book(Long returnId, RefundBasis basis) {
        book(returnId, basis, false);
    }

    /**
     * The return's reason and who pays its return label under the policy: what decides who bears an exchange's
     * shipping (return-refund-basis.dmn's exchange_shipping_bearer).
     */
    public record ExchangeShippingFacts(String returnReason, String returnShippingPaidBy) {
    }

    public ExchangeShippingFacts exchangeShippingFacts(Long returnId) {
        ReturnRequest r = returns.get(returnId);
        return new ExchangeShippingFacts(r.getReason() == null ? null : r.getReason().name(),
                r.getReturnShippingPaidBy() == null ? null : r.getReturnShippingPaidBy().name());
    }

    /**
     * As {@link #book(Long, RefundBasis)}; an exchange whose shipping the supplier bears (exchange_shipping_bearer:
     * the supplier's fault) has what its purchase order pays the supplier for shipping charged back to it, in the
     * purchase order's currency: the exchange costs the seller its goods only.
     */
    public void book(Long returnId, RefundBasis basis, boolean supplierBearsExchangeShipping) {
        ReturnRequest r = returns.locked(returnId);
        Money refunded = new Money(r.getRefundAmount() == null ? BigDecimal.ZERO : r.getRefundAmount(), r.getCurrency());
        Money none = nothingOfTheSupplier(r);
        Money credit = r.supplierTookGoodsBack()
                ? bookings.inPurchaseOrderCurrency(r.getPurchaseOrderId(), r.getSupplyValue()) : none;
        Money label = label(r);
        Money exchange = exchange(r);
        // The supplier pays the alternative it proposed, no more: what an operator offered above it is the seller's.
        // Charged in the supplier's currency, as a claim's chargeback and a return's credit are (a CNY supplier was
        // charged "10.00 USD" among its CNY lines; explore-s13 aftersales)
        Money chargeback = basis == RefundBasis.OFFER && r.supplierProposedAlternative()
                ? bookings.inPurchaseOrderCurrency(r, new Money(refunded.amount().min(r.getSupplierAmount()), r.getCurrency()))
                : supplierBearsExchangeShipping && exchangeCame(r)
                ? bookings.shippingCost(r.getExchangePurchaseOrderId()) : none;
        bookings.book(r, ledger -> ledger.bookReturn(new Ledger.ReturnBooking(r.getOrderId(), r.number(),
                refunded, credit, label, exchange, chargeback)), "Return " + r.number() + " completed");
        r.moveTo(ReturnStatus.COMPLETED, clock.instant());
        history.record(r, Party.DROPFLOW, "Booked: refund " + refunded + ", supplier credit " + credit
                + noCreditBecause(r) + ", return label " + label + ", exchange " + exchange + (basis == null && !chargeback.isZero()
                        ? ", its shipping " + chargeback + " charged back to the supplier (the supplier's fault)"
                        : ", supplier's share " + chargeback));
    }

    /**
     * Books a return whose refund was withheld (another case of the order, or the order's own full refund, paid
     * the consumer back for its pieces) on the order's ledger, once, as what really happened: no refund, since
     * nothing was paid, and so no supplier's share of one; the return label unless the supplier pays it (the
     * consumer's part of it was to come off that refund); an exchange's purchase order; and the supplier's credit
     * when it took the goods back, but not for pieces another case of the order has the supplier pay for (a claim
     * charged back to it, another return's credit): booked already, or decided so with its refund recorded and its
     * booking still to come ({@link CaseBookings#supplierPaidThrough}); the supplier is not charged twice for the
     * same piece, whichever case books first, nor let off a piece no other case was about. The credit is what we paid
     * the supplier for each returned line ({@link ReturnLinePolicy#getSupplyValue}, the allowed lines'), of which the
     * share of the line's pieces no other case has it pay for (two mugs of a line returned, one of them charged back
     * through a claim: the credit of one mug); a return judged as a whole, without its lines' values, shares its
     * supply value among its lines as their sale value does. The order's timeline names the cases it counts on
     * while their booking is still to come. The return's status is left to the model, which closes it as paid back
     * already.
     */
    public void bookWithoutRefund(Long returnId) {
        ReturnRequest r = returns.locked(returnId);
        Money none = nothingOfTheSupplier(r);
        CaseBookings.SupplierPaidThrough paidThrough = r.supplierTookGoodsBack() ? bookings.supplierPaidThrough(r) : null;
        Money left = paidThrough == null ? none : paidThrough.leftOf(
                bookings.inPurchaseOrderCurrency(r.getPurchaseOrderId(), r.getSupplyValue()), supplyValueByLine(r));
        Money credit = left.isZero() ? none : left;
        Money label = label(r);
        Money exchange = exchange(r);
        bookings.book(r, ledger -> ledger.bookReturn(new Ledger.ReturnBooking(r.getOrderId(), r.number(),
                Money.zero(r.getCurrency()), credit, label, exchange, none)), "Return " + r.number() + " closed without a refund (paid back already)");
        if (paidThrough != null) {
            bookings.noteStillToBeBooked(r, paidThrough);
        }
        String through = paidThrough == null || !paidThrough.any() ? ""
                : credit.isZero() ? " (the supplier paid through " + String.join(", ", paidThrough.through()) + " already)"
                : " (for " + paidThrough.piecesLeft() + " of " + r.pieces() + " piece(s), the rest paid through "
                        + String.join(", ", paidThrough.through()) + ")";
        history.record(r, Party.DROPFLOW, "Booked without a refund (withheld, nothing paid): supplier credit " + credit
                + through + ", return label " + label + ", exchange " + exchange);
    }

    /**
     * What we paid the supplier for the return's pieces, by order line: its allowed lines' supply values; the lines'
     * sale values, as weights only, for a return judged as a whole (no line of its own judged).
     */
    private static Map<Integer, BigDecimal> supplyValueByLine(ReturnRequest r) {
        List<ReturnLinePolicy> allowed = r.getLinePolicies().stream().filter(ReturnLinePolicy::isAllowed)
                .filter(l -> l.getSupplyValue() != null).toList();
        return allowed.isEmpty() ? r.saleValueByLine() : allowed.stream()
                .collect(Collectors.toMap(ReturnLinePolicy::getLineNo, ReturnLinePolicy::getSupplyValue, BigDecimal::add));
    }

    /** Why goods that came back are not credited, as return-refund-basis.dmn said ("" when they are, or none came). */
    private static String noCreditBecause(ReturnRequest r) {
        return !r.isGoodsReturned() || r.supplierTookGoodsBack() || r.getSupplierCreditReason() == null ? ""
                : " (none: " + r.getSupplierCreditReason() + ")";
    }

    /**
     * The return label, when one was booked that the supplier does not pay for: what the carrier bills the seller,
     * its price ({@link ReturnSettings#label}) in the currency it bills, as a supplier's credit is in the supplier's.
     * The consumer's part of it (the label converted into the order's currency when the policy was applied, taken
     * off the refund) is in the refund; converted back at a later rate it came to another amount than the carrier's
     * (4.90 EUR booked as -5.34 EUR after EUR/KWD moved from 0.327 to 0.300; explore-s15 money D2).
     */
    private Money label(ReturnRequest r) {
        return r.returnLabelOnOurAccount() ? settings.label() : Money.zero(settings.labelCurrency());
    }

    /** No money of the supplier's: zero in the currency of the return's purchase order. */
    private Money nothingOfTheSupplier(ReturnRequest r) {
        return bookings.inPurchaseOrderCurrency(r.getPurchaseOrderId(), BigDecimal.ZERO);
    }

    /**
     * What the exchange's purchase order cost, when one was placed and not declined or cancelled; else nothing, in
     * the supplier's currency.
     */
    private Money exchange(ReturnRequest r) {
        return exchangeCame(r) ? bookings.landedCost(r.getExchangePurchaseOrderId()) : nothingOfTheSupplier(r);
    }

    /**
     * Whether the return has an exchange that costs us: ordered, and neither declined nor cancelled (a failed
     * exchange is refunded instead, and its supplier is paid nothing).
     */
    private boolean exchangeCame(ReturnRequest r) {
        if (r.getExchangePurchaseOrderId() == null) {
            return false;
        }
        PurchaseOrderStatus status = purchasing.purchaseOrder(r.getExchangePurchaseOrderId()).status();
        return status != PurchaseOrderStatus.DECLINED && status != PurchaseOrderStatus.CANCELLED;
    }
}
