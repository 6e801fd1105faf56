package io.dropflow.aftersales;

import io.dropflow.order.OrderLookup;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.settlement.Money;
import io.dropflow.storefront.StorefrontGateway;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * What the consumer of a case hears and gets back, through the storefront the order came from.
 * Every call's key is derived from the case number, so a retried step never messages or pays twice.
 */
@Component
public class ConsumerMessages {

    private final OrderLookup orders;
    private final StorefrontGateway storefront;
    private final CaseRefunds refunds;

    ConsumerMessages(OrderLookup orders, StorefrontGateway storefront, CaseRefunds refunds) {
        this.orders = orders;
        this.storefront = storefront;
        this.refunds = refunds;
    }

    /** Once per case and topic: the key is the case number and the topic, e.g. DF-CL7-outcome. */
    @CallsPartner
    public void send(AfterSalesCase<?> c, String topic, String text) {
        storefront.messageConsumer(storefrontOrderId(c), text, c.number() + "-" + topic);
    }

    /**
     * Pays {@code amount} (rounded to the currency's minor units) back, once per case: key DF-CL7-refund.
     * The refund is recorded first ({@link CaseRefunds}), committed before the storefront is called.
     * @throws RefundWithheld when other cases of the order paid back the case's pieces already: nothing is paid
     */
    @CallsPartner
    public void refund(AfterSalesCase<?> c, BigDecimal amount, String reason) {
        refunds.record(c, amount).ifPresent(withheld -> {
            throw new RefundWithheld(c, withheld);
        });
        storefront.refund(storefrontOrderId(c), Money.inMinorUnits(amount, c.getCurrency()), c.getCurrency(), reason,
                c.number() + "-refund");
    }

    String storefrontOrderId(AfterSalesCase<?> c) {
        return orders.order(c.getOrderId()).storefrontOrderId();
    }
}
