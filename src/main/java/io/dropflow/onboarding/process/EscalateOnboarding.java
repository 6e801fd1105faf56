package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.ESCALATION_REASON;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.ONBOARDING_GROUPS;

import io.dropflow.onboarding.internal.OnboardingCourse;
import io.dropflow.processengine.Escalation;
import io.dropflow.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Silence escalates. After a task's deadline (a timer on its boundary), that task goes to
 * supervisors too, at the top of their lists. After an applicant's silence or a failed sample
 * ({@code escalationReason} says which), the application's next operator task is the supervisors'.
 */
@Component("escalateOnboarding")
class EscalateOnboarding implements JavaDelegate {

    private final OnboardingCourse course;
    private final Escalation escalation;

    EscalateOnboarding(OnboardingCourse course, Escalation escalation) {
        this.course = course;
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TimedOutTask.of(execution).ifPresentOrElse(task -> {
            if (escalation.openTaskToSupervisors(execution.getProcessInstanceId(), task::getId)) {
                course.taskOverdue(APPLICATION_ID.from(execution), task.getName());
            }
        }, () -> {
            course.escalate(APPLICATION_ID.from(execution), ESCALATION_REASON.from(execution, "escalated"));
            ONBOARDING_GROUPS.set(execution, Groups.SUPERVISORS);
        });
    }
}
