package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.COLLECT_BY;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.SOMETHING_TO_COLLECT;

import io.dropflow.groupbuy.internal.Collection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every parcel is at the point (or given up): consumers have the point's collection time from now (again). */
@Component("openCollection")
class OpenCollection implements JavaDelegate {

    private final Collection collection;

    OpenCollection(Collection collection) {
        this.collection = collection;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Collection.Window window = collection.openCollection(BATCH_ID.from(execution));
        COLLECT_BY.set(execution, window.collectBy());
        SOMETHING_TO_COLLECT.set(execution, window.somethingToCollect());
    }
}
