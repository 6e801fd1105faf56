package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.returns.internal.ReturnAccounting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Books a return whose refund was withheld (paid back already) on the order's ledger, once per return: what it
 * cost and earned without paying the consumer. The model closes the return after it.
 */
@Component("bookReturnWithoutRefund")
class BookReturnWithoutRefund implements JavaDelegate {

    private final ReturnAccounting accounting;

    BookReturnWithoutRefund(ReturnAccounting accounting) {
        this.accounting = accounting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        accounting.bookWithoutRefund(RETURN_ID.from(execution));
    }
}
