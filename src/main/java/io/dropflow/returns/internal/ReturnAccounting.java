package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseBookings;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.Party;
import io.dropflow.returns.ReturnSettings;
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
    private final ReturnSettings settings;
    private final Clock clock;

    ReturnAccounting(Returns returns, CaseBookings bookings, CaseHistory history,
            ReturnSettings settings, Clock clock) {
        this.returns = returns;
        this.bookings = bookings;
        this.history = history;
        this.settings = settings;
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
            case POLICY -> r.refundPerPolicy(settings.labelCost());
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
     * exchange's purchase order; and the supplier's share when the consumer accepted its alternative.
     * @param basis how the refund was computed; none for an exchange
     */
    public void book(Long returnId, RefundBasis basis) {
        ReturnRequest r = returns.locked(returnId);
        String currency = r.getCurrency();
        BigDecimal refunded = r.getRefundAmount() == null ? BigDecimal.ZERO : r.getRefundAmount();
        BigDecimal credit = r.supplierTookGoodsBack() ? r.getSupplyValue() : BigDecimal.ZERO;
        BigDecimal label = r.returnLabelOnOurAccount() ? settings.labelCost() : BigDecimal.ZERO;
        BigDecimal exchange = r.getExchangePurchaseOrderId() == null ? BigDecimal.ZERO
                : bookings.landedCost(r.getExchangePurchaseOrderId());
        BigDecimal chargeback = basis == RefundBasis.OFFER && r.supplierProposedAlternative() ? refunded : BigDecimal.ZERO;
        bookings.book(r, ledger -> ledger.bookReturn(new Ledger.ReturnBooking(r.getOrderId(), r.number(), currency,
                refunded, credit, label, exchange, chargeback)), "Return " + r.number() + " completed");
        r.moveTo(ReturnStatus.COMPLETED, clock.instant());
        history.record(r, Party.DROPFLOW, "Booked: refund " + Money.format(refunded, currency) + ", supplier credit "
                + Money.format(credit, currency) + ", return label " + Money.format(label, currency) + ", exchange "
                + Money.format(exchange, currency) + ", supplier's share " + Money.format(chargeback, currency));
    }
}
