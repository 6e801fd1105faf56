package io.dropflow.groupbuy.process;

import io.dropflow.groupbuy.internal.Purchases;
import org.springframework.stereotype.Component;

/**
 * What the models' call activities need to start a purchase:
 * {@code ${groupBuyKeys.purchase(batchId, loopCounter + 1)}} for its business key, and
 * {@code ${groupBuyKeys.hasSupplier(batchId, loopCounter + 1)}} for whether any supplier takes its lines.
 */
@Component("groupBuyKeys")
public class GroupBuyKeys {

    private final Purchases purchases;

    GroupBuyKeys(Purchases purchases) {
        this.purchases = purchases;
    }

    public String purchase(Long batchId, long purchaseNo) {
        return GroupBuyPurchaseProcess.businessKey(batchId, purchaseNo);
    }

    public boolean hasSupplier(Long batchId, long purchaseNo) {
        return purchases.byNumber(batchId, Math.toIntExact(purchaseNo)).hasSupplier();
    }
}
