package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.SHIPMENT_ID;

import io.dropflow.groupbuy.internal.BatchPurchasing;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Subscribes to the carrier's tracking of the batch's parcel to the pickup point (once). */
@CallsPartner
@Component("registerBatchTracking")
class RegisterBatchTracking implements JavaDelegate {

    private final BatchPurchasing purchasing;

    RegisterBatchTracking(BatchPurchasing purchasing) {
        this.purchasing = purchasing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        purchasing.registerTracking(SHIPMENT_ID.from(execution));
    }
}
