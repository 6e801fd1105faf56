package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.EXTEND_BY_HOURS;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_ORDER_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.REMINDER_AT;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.SHIP_BY_AT;

import io.dropflow.groupbuy.internal.BatchPurchasing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A new deadline {@code extendByHours} SLA hours from now, with its own reminder and breach. */
@Component("extendBatchShipBy")
class ExtendBatchShipBy implements JavaDelegate {

    private final BatchPurchasing purchasing;

    ExtendBatchShipBy(BatchPurchasing purchasing) {
        this.purchasing = purchasing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BatchPurchasing.Placed deadline = purchasing.extendShipBy(PURCHASE_ORDER_ID.from(execution),
                EXTEND_BY_HOURS.from(execution));
        SHIP_BY_AT.set(execution, deadline.shipBy());
        REMINDER_AT.set(execution, deadline.reminderDue());
    }
}
