package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.EXCHANGE_AFTER_RECEIPT;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ALLOWED;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;
import static io.dropflow.returns.process.ReturnNegotiationProcess.SUPPLIER_MUST_AGREE;

import io.dropflow.returns.internal.ReturnHandling;
import io.dropflow.returns.internal.ReturnPolicyTable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies return-policy.dmn (owned by analysts) to each returned line and combines the answers
 * (docs/modeling.md, "A mixed return"); the model branches on the three flags it sets.
 */
@Component("applyReturnPolicy")
class ApplyReturnPolicy implements JavaDelegate {

    private final ReturnHandling returns;

    ApplyReturnPolicy(ReturnHandling returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnPolicyTable.Policy policy = returns.applyPolicy(RETURN_ID.from(execution));
        RETURN_ALLOWED.set(execution, policy.allowed());
        SUPPLIER_MUST_AGREE.set(execution, policy.supplierMustAgree());
        EXCHANGE_AFTER_RECEIPT.set(execution, policy.exchangeAfterReceipt());
    }
}
