package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnLine;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.Returns;
import io.dropflow.supplier.Purchasing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the supplier to take the goods back: round returnRound + 1 under the key DF-RT{id}-R{round}.
 * The round is committed before the call, so an answer that comes back at once finds it.
 */
@CallsPartner
@Component("askSupplierToTakeReturn")
class AskSupplierToTakeReturn implements JavaDelegate {

    private final Returns returns;
    private final ReturnHistory history;
    private final Purchasing purchasing;
    private final TransactionTemplate ownTransaction;

    AskSupplierToTakeReturn(Returns returns, ReturnHistory history, Purchasing purchasing,
            PlatformTransactionManager transactions) {
        this.returns = returns;
        this.history = history;
        this.purchasing = purchasing;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long returnId = (Long) execution.getVariable(Variables.RETURN_ID);
        int round = ((Long) execution.getVariable(Variables.RETURN_ROUND)).intValue() + 1;
        ReturnRequest r = ownTransaction.execute(tx -> {
            ReturnRequest locked = returns.lockById(returnId).orElseThrow();
            locked.startRound(round);
            return locked;
        });
        purchasing.requestReturn(r.getPurchaseOrderId(), new Purchasing.ReturnRequest(r.number(), round, r.getReason().name(),
                r.getWish().name(), r.getLines().stream().map(ReturnLine::getSku).toList(),
                r.getLines().stream().map(ReturnLine::getQuantity).toList(),
                round == 1 ? "policy: " + r.getPolicyRule() : "we ask you again to take the goods back"));
        execution.setVariable(Variables.RETURN_ROUND, (long) round);
        history.record(returnId, "DROPFLOW", "Round " + round + ": asked the supplier to take the goods back");
    }
}
