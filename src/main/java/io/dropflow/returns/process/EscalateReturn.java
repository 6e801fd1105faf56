package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.ESCALATION_REASON;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_GROUPS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.processengine.Escalation;
import io.dropflow.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Hands the return to supervisors: as a service task the next mediation is theirs (a silent
 * supplier or consumer, used-up rounds, an operator's escalation; the reason is in
 * {@code escalationReason}); as a timeout listener an undecided task goes to them too.
 */
@Component("escalateReturn")
class EscalateReturn implements JavaDelegate, TaskListener {

    private final CaseCourse course;
    private final Escalation escalation;

    EscalateReturn(CaseCourse course, Escalation escalation) {
        this.course = course;
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        course.escalate(CaseKind.RETURN, RETURN_ID.from(execution), ESCALATION_REASON.from(execution, null));
        RETURN_GROUPS.set(execution, Groups.SUPERVISORS);
    }

    @Override
    public void notify(DelegateTask task) {
        course.taskOverdue(CaseKind.RETURN, RETURN_ID.from(task), task.getName(), "not decided in time");
        escalation.toSupervisors(task);
    }
}
