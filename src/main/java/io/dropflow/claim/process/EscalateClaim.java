package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.Claims;
import io.dropflow.security.Groups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Hands the claim to supervisors: the next claim task is theirs, and any open one moves to the top
 * of their lists. Used as a service task (the supplier stayed silent, the rounds are used up, an
 * operator escalated, a replacement failed, the resolution deadline passed; the reason is in
 * {@code escalationReason}) and as the review task's timeout listener (the consumer was not answered
 * by the respond-by deadline).
 */
@Component("escalateClaim")
class EscalateClaim implements JavaDelegate, TaskListener {

    static final int ESCALATED_PRIORITY = 90;

    private final Claims claims;
    private final ClaimHistory history;
    private final TaskService tasks;

    EscalateClaim(Claims claims, ClaimHistory history, TaskService tasks) {
        this.claims = claims;
        this.history = history;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Claim claim = claims.findById((Long) execution.getVariable(Variables.CLAIM_ID)).orElseThrow();
        claim.escalate();
        execution.setVariable(Variables.CLAIM_GROUPS, Groups.SUPERVISORS);
        if (DefectClaimProcess.Elements.ESCALATE_OVERDUE.equals(execution.getCurrentActivityId())) {
            // The resolution deadline does not interrupt: whatever task is open now moves to supervisors.
            // (On the other paths a task has just been completed, and the next one is created for claimGroups.)
            for (Task open : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
                tasks.addCandidateGroup(open.getId(), Groups.SUPERVISORS);
                tasks.setPriority(open.getId(), ESCALATED_PRIORITY);
            }
        }
        Object reason = execution.getVariable(Variables.ESCALATION_REASON);
        history.record(claim.getId(), "DROPFLOW", "Escalated to supervisors: " + (reason == null ? "no reason given" : reason));
    }

    @Override
    public void notify(DelegateTask task) {
        Claim claim = claims.findById((Long) task.getVariable(Variables.CLAIM_ID)).orElseThrow();
        claim.escalate();
        task.addCandidateGroup(Groups.SUPERVISORS);
        task.setPriority(ESCALATED_PRIORITY);
        history.record(claim.getId(), "DROPFLOW", "'" + task.getName()
                + "' not done by the deadline to answer the consumer: escalated to supervisors");
    }
}
