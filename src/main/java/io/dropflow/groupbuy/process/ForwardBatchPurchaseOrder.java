package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_ORDER_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.REMINDER_AT;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.SHIP_BY_AT;

import io.dropflow.groupbuy.internal.BatchPurchasing;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.SupplierRefusedException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Places the batch's purchase order with its supplier. Its number, DF-B{batch}-PO{n}, is the
 * idempotency key: a retry after a failure never orders twice.
 */
@CallsPartner
@Component("forwardBatchPurchaseOrder")
class ForwardBatchPurchaseOrder implements JavaDelegate {

    private final BatchPurchasing purchasing;

    ForwardBatchPurchaseOrder(BatchPurchasing purchasing) {
        this.purchasing = purchasing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            BatchPurchasing.Placed placed = purchasing.forward(BATCH_ID.from(execution),
                    Math.toIntExact(PURCHASE_NO.from(execution)));
            PURCHASE_ORDER_ID.set(execution, placed.purchaseOrderId());
            SHIP_BY_AT.set(execution, placed.shipBy());
            REMINDER_AT.set(execution, placed.reminderDue());
        } catch (SupplierRefusedException refused) {
            throw new BpmnError(GroupBuyPurchaseProcess.Error.SUPPLIER_REFUSED.code(), refused.getMessage());
        }
    }
}
