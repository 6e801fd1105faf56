package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.Returns;
import io.dropflow.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Hands the return to supervisors: as a service task the next mediation is theirs (a silent
 * supplier or consumer, used-up rounds, an operator's escalation; the reason is in
 * {@code escalationReason}); as a timeout listener an undecided task goes to them too, at priority 90.
 */
@Component("escalateReturn")
class EscalateReturn implements JavaDelegate, TaskListener {

    static final int ESCALATED_PRIORITY = 90;

    private final Returns returns;
    private final ReturnHistory history;

    EscalateReturn(Returns returns, ReturnHistory history) {
        this.returns = returns;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRequest r = returns.findById((Long) execution.getVariable(Variables.RETURN_ID)).orElseThrow();
        r.escalate();
        execution.setVariable(Variables.RETURN_GROUPS, Groups.SUPERVISORS);
        Object reason = execution.getVariable(Variables.ESCALATION_REASON);
        history.record(r.getId(), "DROPFLOW", "Escalated to supervisors: " + (reason == null ? "no reason given" : reason));
    }

    @Override
    public void notify(DelegateTask task) {
        ReturnRequest r = returns.findById((Long) task.getVariable(Variables.RETURN_ID)).orElseThrow();
        r.escalate();
        task.addCandidateGroup(Groups.SUPERVISORS);
        task.setPriority(ESCALATED_PRIORITY);
        history.record(r.getId(), "DROPFLOW", "'" + task.getName() + "' not decided in time: escalated to supervisors");
    }
}
