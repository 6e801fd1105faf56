package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnLine;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.ReturnSettings;
import io.dropflow.returns.Returns;
import io.dropflow.supplier.BlindShippingSender;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Orders the exchange: the wanted variant, as many pieces as are returned, from the same supplier.
 * One exchange per return (its purchase order number is derived from the return), so a retry, or
 * the policy's two places for this step, never ship twice.
 */
@CallsPartner
@Component("forwardExchange")
class ForwardExchange implements JavaDelegate {

    private final Returns returns;
    private final OrderLookup orders;
    private final Purchasing purchasing;
    private final BlindShippingSender seller;
    private final ReturnSettings settings;
    private final ReturnHistory history;
    private final OrderTimeline timeline;

    ForwardExchange(Returns returns, OrderLookup orders, Purchasing purchasing, BlindShippingSender seller,
            ReturnSettings settings, ReturnHistory history, OrderTimeline timeline) {
        this.returns = returns;
        this.orders = orders;
        this.purchasing = purchasing;
        this.seller = seller;
        this.settings = settings;
        this.history = history;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRequest r = returns.findById((Long) execution.getVariable(Variables.RETURN_ID)).orElseThrow();
        OrderSummary order = orders.order(r.getOrderId());
        int pieces = r.getLines().stream().mapToInt(ReturnLine::getQuantity).sum();
        PurchaseOrderView po = purchasing.forwardExchange(r.getPurchaseOrderId(), r.getId(), r.getExchangeSku(), pieces,
                order.supplierShipTo(), (int) settings.exchangeShipBy().toHours(), settings.exchangeShipBy());
        r.exchangeOrdered(po.id());
        execution.setVariable(Variables.EXCHANGE_ORDERED, true);
        history.record(r.getId(), "DROPFLOW", "Exchange purchase order " + po.number() + " sent to "
                + po.supplierCode() + ": " + pieces + " × " + r.getExchangeSku());
        timeline.record(order.id(), "Exchange purchase order " + po.number() + " forwarded for return " + r.number());
    }
}
