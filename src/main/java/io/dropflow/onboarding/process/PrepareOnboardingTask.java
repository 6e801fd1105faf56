package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.WATCHED_DOCUMENT_ID;

import io.dropflow.onboarding.internal.OnboardingTaskForm;
import io.dropflow.onboarding.process.SupplierOnboardingProcess.Task;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of an onboarding task: the application moves to the task's step, an earlier
 * decision of the same task is forgotten (its form starts empty), and the form's facts go into
 * the task's FormFacts.
 */
@Component("prepareOnboardingTask")
class PrepareOnboardingTask implements TaskListener {

    private final OnboardingTaskForm form;

    PrepareOnboardingTask(OnboardingTaskForm form) {
        this.form = form;
    }

    @Override
    public void notify(DelegateTask task) {
        Task kind = Task.of(task.getTaskDefinitionKey());
        kind.forgetEarlierDecision(task);
        form.taskCreated(APPLICATION_ID.from(task), kind.task(), WATCHED_DOCUMENT_ID.from(task, null)).setLocal(task);
    }
}
