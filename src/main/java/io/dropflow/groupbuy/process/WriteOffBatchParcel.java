package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;

import io.dropflow.groupbuy.internal.BatchPurchasing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An operator gave the parcel up: its lines go missing, to backups or refunds. */
@Component("writeOffBatchParcel")
class WriteOffBatchParcel implements JavaDelegate {

    private final BatchPurchasing purchasing;

    WriteOffBatchParcel(BatchPurchasing purchasing) {
        this.purchasing = purchasing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        purchasing.writeOffParcel(BATCH_ID.from(execution), Math.toIntExact(PURCHASE_NO.from(execution)));
    }
}
