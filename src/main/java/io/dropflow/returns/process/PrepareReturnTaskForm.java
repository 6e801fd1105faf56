package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.ESCALATION_REASON;
import static io.dropflow.returns.process.ReturnNegotiationProcess.NEGOTIATION_ROUNDS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.returns.internal.ReturnTaskForm;
import io.dropflow.returns.process.ReturnNegotiationProcess.Element;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of a return task: the return's status moves, and the form's facts go into the task's FormFacts. */
@Component("prepareReturnTaskForm")
class PrepareReturnTaskForm implements TaskListener {

    private final ReturnTaskForm form;

    PrepareReturnTaskForm(ReturnTaskForm form) {
        this.form = form;
    }

    @Override
    public void notify(DelegateTask task) {
        form.taskCreated(RETURN_ID.from(task), Element.MEDIATE.id().equals(task.getTaskDefinitionKey()),
                NEGOTIATION_ROUNDS.from(task, null), ESCALATION_REASON.from(task, null)).setLocal(task);
    }
}
