package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.REFUND_BASIS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.returns.internal.ReturnAccounting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Books the return's money on the order's ledger, once per return, and completes the return. */
@Component("bookReturn")
class BookReturn implements JavaDelegate {

    private final ReturnAccounting accounting;

    BookReturn(ReturnAccounting accounting) {
        this.accounting = accounting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        accounting.book(RETURN_ID.from(execution), REFUND_BASIS.from(execution, null));
    }
}
