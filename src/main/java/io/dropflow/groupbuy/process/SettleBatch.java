package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;

import io.dropflow.groupbuy.internal.BatchSettlement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Books each order's sale, costs, fee and the leader's commission on what was collected. */
@Component("settleBatch")
class SettleBatch implements JavaDelegate {

    private final BatchSettlement settlement;

    SettleBatch(BatchSettlement settlement) {
        this.settlement = settlement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        settlement.settle(BATCH_ID.from(execution));
    }
}
