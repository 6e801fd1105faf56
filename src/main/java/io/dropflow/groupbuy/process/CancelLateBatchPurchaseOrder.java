package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.SHIPMENT_ID;

import io.dropflow.groupbuy.internal.BatchPurchasing;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the late supplier to cancel (key {number}-cancel); the purchase's lines go to backups or refunds.
 * A purchase order that shipped before the give-up took effect is not given up: its parcel is followed.
 */
@CallsPartner
@Component("cancelLateBatchPurchaseOrder")
class CancelLateBatchPurchaseOrder implements JavaDelegate {

    private final BatchPurchasing purchasing;

    CancelLateBatchPurchaseOrder(BatchPurchasing purchasing) {
        this.purchasing = purchasing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BatchPurchasing.GiveUp giveUp = purchasing.cancelLatePurchaseOrder(BATCH_ID.from(execution),
                Math.toIntExact(PURCHASE_NO.from(execution)));
        if (giveUp.cameTooLate()) {
            SHIPMENT_ID.set(execution, giveUp.shippedParcel());
            throw new BpmnError(GroupBuyPurchaseProcess.Error.SHIPPED_BEFORE_GIVE_UP.code(), "shipped before the give-up");
        }
    }
}
