package io.dropflow.claim.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands the claim to supervisors: the next claim task is theirs (the supplier stayed silent, the
 * rounds are used up, an operator escalated, a replacement failed, the resolution deadline passed;
 * the reason is in {@code escalationReason}). A single task past its own deadline goes to
 * {@code escalateOverdueTask} instead. How, and what the resolution deadline does with no task open:
 * {@link ClaimEscalation}.
 */
@Component("escalateClaim")
class EscalateClaim implements JavaDelegate {

    private final ClaimEscalation escalation;

    EscalateClaim(ClaimEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalation.escalate(execution);
    }
}
