package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.REJECTION_REASON;

import io.dropflow.onboarding.internal.OnboardingCourse;
import io.dropflow.onboarding.process.SupplierOnboardingProcess.Task;
import io.dropflow.processengine.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks and records the decision on any onboarding task; a decision that turns the application
 * down leaves its reason in {@code rejectionReason}. A refusal
 * ({@link io.dropflow.onboarding.internal.RefusedDecision}) fails the completion: Tasklist shows its
 * message and the task stays open.
 */
@Component("recordOnboardingDecision")
class RecordOnboardingDecision implements TaskListener {

    private final OnboardingCourse course;

    RecordOnboardingDecision(OnboardingCourse course) {
        this.course = course;
    }

    @Override
    public void notify(DelegateTask task) {
        Task kind = Task.of(task.getTaskDefinitionKey());
        course.decided(APPLICATION_ID.from(task), kind.task(), task.getName(), TaskActors.who(task), kind.decision(task),
                        kind.note(task))
                .ifPresent(reason -> REJECTION_REASON.set(task, reason));
    }
}
