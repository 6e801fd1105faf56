package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.PURCHASE_COUNT;

import io.dropflow.groupbuy.internal.BatchClosing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At the cutoff: the batch takes no more orders and plans one purchase per supplier. */
@Component("closeBatch")
class CloseBatch implements JavaDelegate {

    private final BatchClosing closing;

    CloseBatch(BatchClosing closing) {
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PURCHASE_COUNT.set(execution, (long) closing.close(BATCH_ID.from(execution)));
    }
}
