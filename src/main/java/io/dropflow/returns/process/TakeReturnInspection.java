package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.returns.internal.ReturnAnswers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * "Inspection reported" passed: the return parcel arrived and the process took the supplier's report, at
 * once or kept since it came early. Only now is it the return's inspection (history, views, forms).
 */
@Component("takeReturnInspection")
class TakeReturnInspection implements ExecutionListener {

    private final ReturnAnswers answers;

    TakeReturnInspection(ReturnAnswers answers) {
        this.answers = answers;
    }

    @Override
    public void notify(DelegateExecution execution) {
        answers.inspectionTaken(RETURN_ID.from(execution));
    }
}
