package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Decisions;
import static io.dropflow.returns.process.ReturnNegotiationProcess.Elements;
import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.processengine.TaskActors;
import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.Returns;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses a mediation or dispute decision that cannot work (Tasklist shows why, the task stays open) and records it. */
@Component("checkReturnDecision")
class CheckReturnDecision implements TaskListener {

    static final Set<String> MEDIATION = Set.of(Decisions.ACCEPT_RETURN, Decisions.OFFER_ALTERNATIVE, Decisions.COUNTER,
            Decisions.REFUSE, Decisions.ESCALATE);
    static final Set<String> DISPUTE = Set.of(Decisions.REFUND_PER_POLICY, Decisions.PARTIAL_REFUND, Decisions.NO_REFUND);

    private final Returns returns;
    private final ReturnHistory history;

    CheckReturnDecision(Returns returns, ReturnHistory history) {
        this.returns = returns;
        this.history = history;
    }

    @Override
    public void notify(DelegateTask task) {
        ReturnRequest r = returns.findById((Long) task.getVariable(Variables.RETURN_ID)).orElseThrow();
        boolean mediation = Elements.MEDIATE.equals(task.getTaskDefinitionKey());
        String key = mediation ? Variables.MEDIATION_DECISION : Variables.DISPUTE_DECISION;
        Object decision = task.getVariable(key);
        Set<String> allowed = mediation ? MEDIATION : DISPUTE;
        if (!allowed.contains(decision)) {
            throw new ProcessEngineException(key + " must be one of " + allowed + ", was " + decision);
        }
        if (Decisions.OFFER_ALTERNATIVE.equals(decision)) {
            amountWithin(task, Variables.OFFER_AMOUNT, r);
        } else if (Decisions.PARTIAL_REFUND.equals(decision)) {
            amountWithin(task, Variables.PARTIAL_REFUND, r);
        } else if (Decisions.REFUSE.equals(decision)) {
            required(task, Variables.REFUSE_REASON);
        } else if (Decisions.NO_REFUND.equals(decision)) {
            required(task, Variables.NO_REFUND_REASON);
        }
        history.record(r.getId(), "OPERATOR", TaskActors.who(task) + " decided: " + decision);
    }

    private static void amountWithin(DelegateTask task, String variable, ReturnRequest r) {
        Object value = task.getVariable(variable);
        BigDecimal amount;
        try {
            amount = new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new ProcessEngineException(variable + " must be an amount, was " + value);
        }
        if (amount.signum() <= 0 || amount.compareTo(r.getReturnedValue()) > 0) {
            throw new ProcessEngineException(variable + " must be above 0 and at most the returned value "
                    + Money.inMinorUnits(r.getReturnedValue(), r.getCurrency()) + ", was " + amount);
        }
    }

    private static void required(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        if (value == null || value.toString().isBlank()) {
            throw new ProcessEngineException("this decision needs " + variable + ", a reason for the consumer");
        }
    }
}
