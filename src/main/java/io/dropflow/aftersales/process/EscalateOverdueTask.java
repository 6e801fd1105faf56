package io.dropflow.aftersales.process;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.processengine.Escalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After a claim's or return's task missed its drawn deadline (a non-interrupting boundary timer):
 * the task stays where it is, supervisors get it too at the top of their lists, and the case's
 * history says why: the step's {@code escalationReason} input parameter, written in the model.
 */
@Component("escalateOverdueTask")
class EscalateOverdueTask implements JavaDelegate {

    private final CaseCourse course;
    private final Escalation escalation;

    EscalateOverdueTask(CaseCourse course, Escalation escalation) {
        this.course = course;
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseKind.CaseRef c = Conclusions.caseOf(execution);
        String reason = Escalation.REASON.optionalFromLocal(execution).orElse(null);
        course.escalate(c.kind(), c.id(), reason);
        escalation.openTasksToSupervisors(execution.getProcessInstanceId(), reason);
    }
}
