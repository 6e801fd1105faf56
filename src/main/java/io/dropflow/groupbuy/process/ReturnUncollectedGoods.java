package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;

import io.dropflow.groupbuy.internal.Collection;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks each supplier to take back what nobody collected of its parcel (one return request per purchase order). */
@CallsPartner
@Component("returnUncollectedGoods")
class ReturnUncollectedGoods implements JavaDelegate {

    private final Collection collection;

    ReturnUncollectedGoods(Collection collection) {
        this.collection = collection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        collection.returnUncollected(BATCH_ID.from(execution));
    }
}
