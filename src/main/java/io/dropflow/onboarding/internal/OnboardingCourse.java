package io.dropflow.onboarding.internal;

import io.dropflow.processengine.FormChoice;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.supplier.SupplierLifecycle;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course an application takes through its people's decisions and its escalations: each
 * decision checked (papers accepted only when they are in order, an agreement approved only when
 * the catalog takes its offers, a reason wherever the applicant or supplier reads one) and
 * recorded; escalations recorded with their reason.
 */
@Service
public class OnboardingCourse {

    /** The choices of form audit-documents (auditDecision). */
    public enum AuditDecision implements FormChoice { ACCEPT, MISSING_DOCUMENTS, REJECT }

    /** The choices of form check-sample-quality (qualityResult). */
    public enum QualityResult implements FormChoice { PASSED, NEW_SAMPLE, FAILED }

    /** The choices of form review-agreement (agreementDecision). */
    public enum AgreementDecision implements FormChoice { APPROVE, REVISE, REJECT }

    /** The choices of form decide-lapsed-supplier (lapseDecision). */
    public enum LapseDecision implements FormChoice { KEEP_WAITING, END_RELATIONSHIP }

    /** The choices of form review-supplier-performance (performanceDecision). */
    public enum PerformanceDecision implements FormChoice { KEEP, COACH, SUSPEND }

    private final SupplierApplications applications;
    private final Papers papers;
    private final SupplierLifecycle catalog;
    private final ApplicationHistory history;
    private final Clock clock;

    OnboardingCourse(SupplierApplications applications, Papers papers, SupplierLifecycle catalog,
            ApplicationHistory history, Clock clock) {
        this.applications = applications;
        this.papers = papers;
        this.catalog = catalog;
        this.history = history;
        this.clock = clock;
    }

    /**
     * A task was decided: checked, then recorded.
     * @param taskName the task's name as the operator saw it in Tasklist
     * @param decision the form's choice (null on a task without one), one of the task's enum above
     * @param note what the decider wrote
     * @return the reason the application is turned down, when this decision turns it down
     * @throws RefusedDecision when the decision cannot work; the task stays open
     */
    @Transactional
    public Optional<String> decided(Long applicationId, OnboardingTask task, String taskName, String who,
            FormChoice decision, String note) {
        SupplierApplication application = applications.locked(applicationId);
        Checked checked = switch (task) {
            case AUDIT_DOCUMENTS -> audited(application, RefusedDecision.decided(AuditDecision.class, decision), note);
            case CHECK_SAMPLE_QUALITY -> qualityChecked(application,
                    RefusedDecision.decided(QualityResult.class, decision), note);
            case REVIEW_AGREEMENT -> agreementReviewed(application,
                    RefusedDecision.decided(AgreementDecision.class, decision), note);
            case DECIDE_LAPSED_SUPPLIER -> {
                RefusedDecision.decided(LapseDecision.class, decision);
                yield Checked.NOTE_ONLY;
            }
            case REVIEW_PERFORMANCE -> {
                RefusedDecision.decided(PerformanceDecision.class, decision);
                yield Checked.NOTE_ONLY;
            }
            case CHASE_RENEWAL -> Checked.NOTE_ONLY;
        };
        if (checked.noteNeeded() && (note == null || note.isBlank())) {
            throw new RefusedDecision("say why (the note is what the applicant or supplier is told, and what the "
                    + "history keeps)");
        }
        history.record(application, task.decidedBy(), who + " decided '" + taskName + "'"
                + (decision == null ? "" : ": " + OperatorWords.of(decision.formValue())) + (note == null || note.isBlank() ? "" : " — " + note));
        return Optional.ofNullable(checked.rejection());
    }

    /** A decision's consequences: the reason it turns the application down, if it does, and whether it needs a note. */
    private record Checked(String rejection, boolean noteNeeded) {
        static final Checked NOTE_ONLY = new Checked(null, true);
    }

    /** Supervisors take the application over (the applicant was silent, its sample failed); {@code reason} says why. */
    @Transactional
    public void escalate(Long applicationId, String reason) {
        SupplierApplication application = applications.locked(applicationId);
        application.escalate(clock.instant());
        history.record(application, Party.DROPFLOW, "Escalated to supervisors: " + reason);
    }

    /** A task missed its deadline: supervisors get it too. */
    @Transactional
    public void taskOverdue(Long applicationId, String taskName) {
        SupplierApplication application = applications.locked(applicationId);
        if (application.isOpen()) {
            application.escalate(clock.instant());
        }
        history.record(application, Party.DROPFLOW, "'" + taskName + "' not decided in time: escalated to supervisors");
    }

    private Checked audited(SupplierApplication application, AuditDecision decision, String note) {
        if (decision == AuditDecision.ACCEPT) {
            List<String> problems = papers.problems(application, clock.instant());
            if (!problems.isEmpty()) {
                throw new RefusedDecision("the papers are not in order (" + String.join("; ", problems)
                        + "): ask for the missing documents or turn the application down");
            }
        }
        return new Checked(decision == AuditDecision.REJECT ? note : null, decision != AuditDecision.ACCEPT);
    }

    private Checked qualityChecked(SupplierApplication application, QualityResult result, String note) {
        if (note != null && !note.isBlank()) {
            application.qualityChecked(result.name(), note, clock.instant());
        }
        return new Checked(result == QualityResult.FAILED ? "the sample failed its quality check: " + note : null, true);
    }

    private Checked agreementReviewed(SupplierApplication application, AgreementDecision decision, String note) {
        if (decision == AgreementDecision.APPROVE) {
            List<String> problems = catalog.problemsOf(Agreements.offers(application));
            if (!problems.isEmpty()) {
                throw new RefusedDecision("the catalog would refuse these offers (" + String.join("; ", problems)
                        + "): send the agreement back for changes");
            }
        }
        return new Checked(decision == AgreementDecision.REJECT ? note : null, decision != AgreementDecision.APPROVE);
    }
}
