package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.ESCALATION_REASON;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_GROUPS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands the return to supervisors: the next mediation is theirs (a silent supplier or consumer,
 * used-up rounds, an operator's escalation; the reason is in {@code escalationReason}). A task
 * past its own drawn deadline goes to {@code escalateOverdueTask} instead.
 */
@Component("escalateReturn")
class EscalateReturn implements JavaDelegate {

    private final CaseCourse course;

    EscalateReturn(CaseCourse course) {
        this.course = course;
    }

    @Override
    public void execute(DelegateExecution execution) {
        course.escalate(CaseKind.RETURN, RETURN_ID.from(execution), ESCALATION_REASON.from(execution, null));
        RETURN_GROUPS.set(execution, Groups.SUPERVISORS);
    }
}
