package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseBookings;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.Party;
import io.dropflow.returns.ReturnStatus;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** A return's money: the refund it settles on, paying it, and what the return books on the order's ledger. */
@Service
public class ReturnAccounting {

    private final Returns returns;
    private final CaseBookings bookings;
    private final CaseHistory history;
    private final Clock clock;

    ReturnAccounting(Returns returns, CaseBookings bookings, CaseHistory history,
            Clock clock) {
        this.returns = returns;
        this.bookings = bookings;
        this.history = history;
        this.clock = clock;
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
     * the amount the supplier proposed).
     * @param basis how the refund was computed; none for an exchange
     */
    public void book(Long returnId, RefundBasis basis) {
        ReturnRequest r = returns.locked(returnId);
        Money none = Money.zero(r.getCurrency());
        Money refunded = r.getRefundAmount() == null ? none : new Money(r.getRefundAmount(), r.getCurrency());
        Money credit = r.supplierTookGoodsBack()
                ? bookings.inPurchaseOrderCurrency(r.getPurchaseOrderId(), r.getSupplyValue()) : none;
        Money label = r.returnLabelOnOurAccount() ? new Money(r.getLabelCost(), r.getCurrency()) : none;
        Money exchange = r.getExchangePurchaseOrderId() == null ? none
                : bookings.landedCost(r.getExchangePurchaseOrderId());
        // The supplier pays the alternative it proposed, no more: what an operator offered above it is the seller's
        Money chargeback = basis == RefundBasis.OFFER && r.supplierProposedAlternative()
                ? new Money(refunded.amount().min(r.getSupplierAmount()), r.getCurrency()) : none;
        bookings.book(r, ledger -> ledger.bookReturn(new Ledger.ReturnBooking(r.getOrderId(), r.number(),
                refunded, credit, label, exchange, chargeback)), "Return " + r.number() + " completed");
        r.moveTo(ReturnStatus.COMPLETED, clock.instant());
        history.record(r, Party.DROPFLOW, "Booked: refund " + refunded + ", supplier credit " + credit
                + ", return label " + label + ", exchange " + exchange + ", supplier's share " + chargeback);
    }
}
