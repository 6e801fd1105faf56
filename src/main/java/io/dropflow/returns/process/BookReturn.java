package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.order.OrderTimeline;
import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.ReturnSettings;
import io.dropflow.returns.ReturnStatus;
import io.dropflow.returns.Returns;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Books the return on the order's ledger, once (the reference is the return number), also on an
 * order settled long ago: the refund; the supplier's credit for goods it took back (it agreed, or
 * the policy made it take them); the return label unless the supplier pays it; an exchange's
 * purchase order; and the supplier's share when the consumer accepted its alternative.
 */
@Component("bookReturn")
class BookReturn implements JavaDelegate {

    private final Returns returns;
    private final Ledger ledger;
    private final Purchasing purchasing;
    private final ReturnSettings settings;
    private final ReturnHistory history;
    private final OrderTimeline timeline;

    BookReturn(Returns returns, Ledger ledger, Purchasing purchasing, ReturnSettings settings, ReturnHistory history,
            OrderTimeline timeline) {
        this.returns = returns;
        this.ledger = ledger;
        this.purchasing = purchasing;
        this.settings = settings;
        this.history = history;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRequest r = returns.lockById((Long) execution.getVariable(Variables.RETURN_ID)).orElseThrow();
        BigDecimal refunded = r.getRefundAmount() == null ? BigDecimal.ZERO : r.getRefundAmount();
        boolean supplierTookBack = r.isGoodsReturned() && (r.isSupplierAgreed() || !Boolean.TRUE.equals(r.getSupplierMustAgree()));
        BigDecimal credit = supplierTookBack ? r.getSupplyValue() : BigDecimal.ZERO;
        BigDecimal label = r.isGoodsReturned() && r.getReturnShippingPaidBy() != ReturnRequest.ShippingPaidBy.SUPPLIER
                ? settings.labelCost() : BigDecimal.ZERO;
        BigDecimal exchange = BigDecimal.ZERO;
        if (r.getExchangePurchaseOrderId() != null) {
            PurchaseOrderView po = purchasing.purchaseOrder(r.getExchangePurchaseOrderId());
            exchange = po.supplyTotal().add(po.shippingCost());
        }
        boolean supplierAlternative = "OFFER".equals(execution.getVariable(Variables.REFUND_BASIS))
                && "ALTERNATIVE".equals(r.getSupplierAnswer());
        BigDecimal chargeback = supplierAlternative ? refunded : BigDecimal.ZERO;
        boolean settledBefore = ledger.isSettled(r.getOrderId());
        ledger.bookReturn(new Ledger.ReturnBooking(r.getOrderId(), r.number(), r.getCurrency(), refunded, credit, label,
                exchange, chargeback));
        r.moveTo(ReturnStatus.COMPLETED);
        String currency = r.getCurrency();
        history.record(r.getId(), "DROPFLOW", "Booked: refund " + Money.format(refunded, currency) + ", supplier credit "
                + Money.format(credit, currency) + ", return label " + Money.format(label, currency) + ", exchange "
                + Money.format(exchange, currency) + ", supplier's share " + Money.format(chargeback, currency));
        timeline.record(r.getOrderId(), "Return " + r.number() + " completed"
                + (settledBefore ? "; the settled order's margin is adjusted to "
                        + Money.format(ledger.margin(r.getOrderId()), currency) : ""));
    }
}
