package io.dropflow.groupbuy.process;

import io.dropflow.processengine.Escalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * A group-buy decision was not taken in time: the task whose deadline led here (the boundary timer
 * in front of this step) goes to supervisors too, at the top of their list; operators keep it.
 */
@Component("escalateGroupBuyTask")
class EscalateGroupBuyTask implements JavaDelegate {

    private final Escalation escalation;

    EscalateGroupBuyTask(Escalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FlowNode step = (FlowNode) execution.getBpmnModelElementInstance();
        BoundaryEvent deadline = (BoundaryEvent) step.getIncoming().iterator().next().getSource();
        String task = deadline.getAttachedTo().getId();
        escalation.openTaskToSupervisors(execution.getProcessInstanceId(), () -> task);
    }
}
