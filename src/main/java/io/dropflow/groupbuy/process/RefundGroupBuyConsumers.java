package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;

import io.dropflow.groupbuy.internal.Refunding;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Refunds every consumer of the batch who is owed money, once per consumer and refund (numbered keys). */
@CallsPartner
@Component("refundGroupBuyConsumers")
class RefundGroupBuyConsumers implements JavaDelegate {

    private final Refunding refunding;

    RefundGroupBuyConsumers(Refunding refunding) {
        this.refunding = refunding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        refunding.refundDue(BATCH_ID.from(execution), execution.getId());
    }
}
