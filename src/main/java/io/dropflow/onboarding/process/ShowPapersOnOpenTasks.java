package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.OnboardingPapersProcess.APPLICATION_ID;

import io.dropflow.onboarding.internal.OnboardingTaskForm;
import io.dropflow.processengine.FormFacts;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * An application's documents arrived (supplier-onboarding-papers.bpmn): the papers and history read now go onto
 * every task of its onboarding open now (an audit, a lapsed supplier's decision; the history on any task), each
 * keeping the facts it shows only. It runs in the job the upload wrote: a failure is that job's, retried and then
 * an incident. A task completed meanwhile is not among the open ones (or, completed at this very moment, fails
 * this try, and the next finds it gone); the next task reads the papers afresh.
 */
@Component("showPapersOnOpenTasks")
class ShowPapersOnOpenTasks implements JavaDelegate {

    private final OnboardingTaskForm taskForm;

    ShowPapersOnOpenTasks(OnboardingTaskForm taskForm) {
        this.taskForm = taskForm;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long applicationId = APPLICATION_ID.from(execution);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        List<Task> open = tasks.createTaskQuery()
                .processInstanceBusinessKey(SupplierOnboardingProcess.businessKey(applicationId)).list();
        if (!open.isEmpty()) {
            FormFacts papers = taskForm.papersNow(applicationId);
            open.forEach(task -> papers.refreshOn(tasks, task.getId()));
        }
    }
}
