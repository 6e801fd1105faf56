package io.dropflow.partners.process;

import io.dropflow.processengine.Escalation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Nobody looked at the delivery in time (dropflow.partners.deliveries.decision-time): supervisors are asked too. */
@Component("escalatePartnerAttention")
class EscalatePartnerAttention implements TaskListener {

    private final Escalation escalation;

    EscalatePartnerAttention(Escalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void notify(DelegateTask task) {
        escalation.toSupervisors(task);
    }
}
