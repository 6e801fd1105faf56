package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;

import io.dropflow.groupbuy.internal.Collection;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Refunds the consumers of what is still at the point, once per consumer and refund (numbered keys). */
@CallsPartner
@Component("refundUncollectedConsumers")
class RefundUncollectedConsumers implements JavaDelegate {

    private final Collection collection;

    RefundUncollectedConsumers(Collection collection) {
        this.collection = collection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        collection.refundUncollected(BATCH_ID.from(execution), execution.getId());
    }
}
