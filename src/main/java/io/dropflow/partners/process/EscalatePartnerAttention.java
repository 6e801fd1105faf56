package io.dropflow.partners.process;

import io.dropflow.processengine.Escalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Nobody looked at the delivery in time (dropflow.partners.deliveries.decision-time): supervisors are asked too. */
@Component("escalatePartnerAttention")
class EscalatePartnerAttention implements JavaDelegate {

    private final Escalation escalation;

    EscalatePartnerAttention(Escalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // After the drawn deadline (boundary_attention_overdue); the operator may have decided meanwhile.
        escalation.openTaskToSupervisors(execution.getProcessInstanceId(), PartnerAttentionProcess.Element.ATTEND);
    }
}
