package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;

import io.dropflow.groupbuy.internal.LineCancellations;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Consumers cancelled after the cutoff: their suppliers are asked to take the lines off (answers by webhook). */
@CallsPartner
@Component("askSuppliersToTakeLinesOff")
class AskSuppliersToTakeLinesOff implements JavaDelegate {

    private final LineCancellations cancellations;

    AskSuppliersToTakeLinesOff(LineCancellations cancellations) {
        this.cancellations = cancellations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cancellations.askSuppliers(BATCH_ID.from(execution));
    }
}
