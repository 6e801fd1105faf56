package io.dropflow.aftersales;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The course a claim or a return takes alike: its status where its model moves it, its end
 * without a remedy or refund, and escalation to supervisors, each recorded in its history. Cases
 * are named by kind and id, as the models know them.
 */
@Service
public class CaseCourse {

    private final Map<CaseKind, CaseRepository<?>> cases = new EnumMap<>(CaseKind.class);
    private final CaseHistory history;
    private final Clock clock;

    CaseCourse(List<CaseRepository<?>> repositories, CaseHistory history, Clock clock) {
        repositories.forEach(r -> cases.put(r.kind(), r));
        this.history = history;
        this.clock = clock;
    }

    /** @param status the status's name, as the model writes it ("NEGOTIATING") */
    public void moveTo(CaseKind kind, Long caseId, String status) {
        moveTo(get(kind, caseId), status);
    }

    /** The case ends at one of its model's end events, without a remedy or refund, for {@code reason}. */
    public void end(CaseKind kind, Long caseId, String status, String reason) {
        end(get(kind, caseId), status, reason);
    }

    /** Supervisors take the case over; {@code reason} says why. */
    public void escalate(CaseKind kind, Long caseId, String reason) {
        AfterSalesCase<?> c = get(kind, caseId);
        c.escalate(clock.instant());
        history.escalated(c, reason);
    }

    /** A task of the case missed its deadline ({@code missed} says which): supervisors get it too. */
    public void taskOverdue(CaseKind kind, Long caseId, String taskName, String missed) {
        AfterSalesCase<?> c = get(kind, caseId);
        c.escalate(clock.instant());
        history.record(c, Party.DROPFLOW, "'" + taskName + "' " + missed + ": escalated to supervisors");
    }

    private <S extends Enum<S> & CaseStatus> void moveTo(AfterSalesCase<S> c, String status) {
        c.moveTo(c.statusNamed(status), clock.instant());
    }

    private <S extends Enum<S> & CaseStatus> void end(AfterSalesCase<S> c, String status, String reason) {
        S end = c.statusNamed(status);
        c.closeBecause(end, reason, clock.instant());
        history.ended(c, end, reason);
    }

    private AfterSalesCase<?> get(CaseKind kind, Long caseId) {
        return cases.get(kind).get(caseId);
    }
}
