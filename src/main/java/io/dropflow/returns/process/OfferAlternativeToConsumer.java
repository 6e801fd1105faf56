package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.Returns;
import io.dropflow.storefront.StorefrontGateway;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts an alternative to the consumer through the storefront: a partial refund, keeping the goods.
 * The offer is committed before the message goes out, so the consumer's answer always finds it;
 * the key names the offer, so a retry sends the same message.
 */
@CallsPartner
@Component("offerAlternativeToConsumer")
class OfferAlternativeToConsumer implements JavaDelegate {

    private final Returns returns;
    private final OrderLookup orders;
    private final StorefrontGateway storefront;
    private final ReturnHistory history;
    private final TransactionTemplate ownTransaction;

    OfferAlternativeToConsumer(Returns returns, OrderLookup orders, StorefrontGateway storefront, ReturnHistory history,
            PlatformTransactionManager transactions) {
        this.returns = returns;
        this.orders = orders;
        this.storefront = storefront;
        this.history = history;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long returnId = (Long) execution.getVariable(Variables.RETURN_ID);
        int offer = ((Long) execution.getVariable(Variables.OFFER_NO)).intValue() + 1;
        BigDecimal amount = new BigDecimal(execution.getVariable(Variables.OFFER_AMOUNT).toString())
                .setScale(2, RoundingMode.HALF_UP);
        ReturnRequest r = ownTransaction.execute(tx -> {
            ReturnRequest locked = returns.lockById(returnId).orElseThrow();
            locked.offerToConsumer(offer, amount);
            return locked;
        });
        OrderSummary order = orders.order(r.getOrderId());
        storefront.messageConsumer(order.storefrontOrderId(), "About your return " + r.number() + ": instead of "
                + "sending the goods back, you may keep them and get " + amount.toPlainString() + " " + r.getCurrency()
                + " back. Please accept or decline.", r.number() + "-offer-" + offer);
        execution.setVariable(Variables.OFFER_NO, (long) offer);
        history.record(returnId, "DROPFLOW", "Offered the consumer " + amount.toPlainString() + " " + r.getCurrency()
                + " to keep the goods");
    }
}
