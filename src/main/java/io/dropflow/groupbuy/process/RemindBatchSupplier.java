package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_ORDER_ID;

import io.dropflow.groupbuy.internal.BatchPurchasing;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the supplier of the batch purchase order's ship-by deadline, once per deadline. */
@CallsPartner
@Component("remindBatchSupplier")
class RemindBatchSupplier implements JavaDelegate {

    private final BatchPurchasing purchasing;

    RemindBatchSupplier(BatchPurchasing purchasing) {
        this.purchasing = purchasing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        purchasing.remindSupplier(PURCHASE_ORDER_ID.from(execution));
    }
}
