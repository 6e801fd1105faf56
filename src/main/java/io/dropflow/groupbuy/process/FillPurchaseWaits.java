package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.RECEIPT_WAIT;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.RESTOCK_WAIT;

import io.dropflow.groupbuy.internal.PurchaseWaits;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At a purchase's start: a purchase started by a batch (or purchase) running on a model version from before the
 * tables gave receiptWait and restockWait has neither; it takes them from the tables now ({@link PurchaseWaits}).
 * A purchase handed them keeps its batch's.
 */
@Component("fillPurchaseWaits")
class FillPurchaseWaits implements ExecutionListener {

    private final PurchaseWaits waits;

    FillPurchaseWaits(PurchaseWaits waits) {
        this.waits = waits;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (RECEIPT_WAIT.optionalFrom(execution).isEmpty()) {
            RECEIPT_WAIT.set(execution, waits.receiptWait(BATCH_ID.from(execution)));
        }
        if (RESTOCK_WAIT.optionalFrom(execution).isEmpty()) {
            RESTOCK_WAIT.set(execution, waits.restockWait());
        }
    }
}
