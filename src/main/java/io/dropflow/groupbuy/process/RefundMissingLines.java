package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;

import io.dropflow.groupbuy.internal.Replacements;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Refunds the consumers of the lines no supplier can supply, once per consumer and refund (numbered keys). */
@CallsPartner
@Component("refundMissingLines")
class RefundMissingLines implements JavaDelegate {

    private final Replacements replacements;

    RefundMissingLines(Replacements replacements) {
        this.replacements = replacements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replacements.refundMissing(BATCH_ID.from(execution), Math.toIntExact(PURCHASE_NO.from(execution)),
                execution.getId());
    }
}
