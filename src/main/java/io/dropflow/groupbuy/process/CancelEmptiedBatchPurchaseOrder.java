package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;

import io.dropflow.groupbuy.internal.BatchPurchasing;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Consumers cancelled every line: the supplier is asked to cancel the empty purchase order (key {number}-cancel). */
@CallsPartner
@Component("cancelEmptiedBatchPurchaseOrder")
class CancelEmptiedBatchPurchaseOrder implements JavaDelegate {

    private final BatchPurchasing purchasing;

    CancelEmptiedBatchPurchaseOrder(BatchPurchasing purchasing) {
        this.purchasing = purchasing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        purchasing.cancelEmptiedPurchaseOrder(BATCH_ID.from(execution), Math.toIntExact(PURCHASE_NO.from(execution)));
    }
}
