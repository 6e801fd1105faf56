package io.dropflow.onboarding.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** The user task whose deadline (a timer on its boundary) led to the step being executed, read from the model. */
final class TimedOutTask {

    private TimedOutTask() {
    }

    static Optional<UserTask> of(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof FlowNode step)) {
            return Optional.empty();
        }
        return step.getIncoming().stream().map(SequenceFlow::getSource)
                .filter(BoundaryEvent.class::isInstance).map(b -> ((BoundaryEvent) b).getAttachedTo())
                .filter(UserTask.class::isInstance).map(UserTask.class::cast).findFirst();
    }
}
