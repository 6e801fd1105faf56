package io.dropflow.onboarding.process;

import static io.dropflow.processengine.ProcessVariable.choice;
import static io.dropflow.processengine.ProcessVariable.flag;
import static io.dropflow.processengine.ProcessVariable.moment;
import static io.dropflow.processengine.ProcessVariable.number;
import static io.dropflow.processengine.ProcessVariable.text;

import io.dropflow.onboarding.internal.OnboardingCourse.AgreementDecision;
import io.dropflow.onboarding.internal.OnboardingCourse.AuditDecision;
import io.dropflow.onboarding.internal.OnboardingCourse.LapseDecision;
import io.dropflow.onboarding.internal.OnboardingCourse.PerformanceDecision;
import io.dropflow.onboarding.internal.OnboardingCourse.QualityResult;
import io.dropflow.onboarding.internal.OnboardingTask;
import io.dropflow.onboarding.internal.RequirementsTable;
import io.dropflow.onboarding.internal.SupplierStanding;
import io.dropflow.processengine.Escalation;
import io.dropflow.processengine.FormChoice;
import io.dropflow.processengine.ModelElement;
import io.dropflow.processengine.ModelError;
import io.dropflow.processengine.ModelMessage;
import io.dropflow.processengine.ProcessVariable;
import java.time.Instant;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The supplier-onboarding process as Java sees it: bpmn/supplier-onboarding.bpmn's key, its
 * decision tables, its variables with their types, and the elements, messages and errors the code
 * names. Change them together with the model and its forms.
 */
public final class SupplierOnboardingProcess {

    public static final String PROCESS_KEY = "supplier_onboarding";
    public static final String MODEL = "supplier-onboarding.bpmn";
    /** The decisions of bpmn/onboarding-requirements.dmn. */
    public static final String DOCUMENTS_DECISION = "onboarding_documents";
    public static final String QUALITY_CHECKS_DECISION = "onboarding_quality_checks";
    public static final String TERMS_DECISION = "onboarding_terms";

    /** Business keys of onboarding processes: "onboarding-" and the application id. */
    public static String businessKey(Long applicationId) {
        return "onboarding-" + applicationId;
    }

    public static final ProcessVariable<Long> APPLICATION_ID = number("applicationId");
    /** Candidate groups of the next operator task: operators, or supervisors once escalated. */
    public static final ProcessVariable<String> ONBOARDING_GROUPS = text("onboardingGroups");
    public static final ProcessVariable<String> ESCALATION_REASON = Escalation.REASON;

    /** From onboarding-requirements.dmn's terms (hours unless named otherwise), fixed when the application arrives. */
    public static final ProcessVariable<Long> AUDIT_HOURS = number("auditHours");
    public static final ProcessVariable<Long> DOCUMENTS_WAIT_HOURS = number("documentsWaitHours");
    public static final ProcessVariable<Long> SAMPLE_SHIP_HOURS = number("sampleShipHours");
    public static final ProcessVariable<Long> SAMPLE_SKUS = number("sampleSkus");
    public static final ProcessVariable<Long> QUALITY_CHECK_HOURS = number("qualityCheckHours");
    public static final ProcessVariable<Long> AGREEMENT_REVIEW_HOURS = number("agreementReviewHours");
    public static final ProcessVariable<Long> REVISION_WAIT_HOURS = number("revisionWaitHours");
    public static final ProcessVariable<Long> EXPIRY_REMINDER_DAYS = number("expiryReminderDays");
    public static final ProcessVariable<Long> RENEWAL_GRACE_HOURS = number("renewalGraceHours");
    public static final ProcessVariable<Long> SCORECARD_CHECK_HOURS = number("scorecardCheckHours");
    public static final ProcessVariable<Long> STANDING_REVIEW_HOURS = number("standingReviewHours");
    public static final ProcessVariable<Long> NEW_SUPPLIER_SCORE = number("newSupplierScore");
    public static final ProcessVariable<Long> NEW_SUPPLIER_TIER = number("newSupplierTier");
    /**
     * The priority of the onboarding's tasks once escalated (onboarding-requirements.dmn's
     * terms, by applyOnboardingRequirements); instances started before 7 December 2026
     * have none and escalate at 90.
     */
    public static final ProcessVariable<Long> ESCALATION_PRIORITY = Escalation.PRIORITY;

    /** accept, missing_documents or reject; auditNote says what is missing or why it is turned down. */
    public static final ProcessVariable<AuditDecision> AUDIT_DECISION = choice("auditDecision", AuditDecision.class);
    public static final ProcessVariable<String> AUDIT_NOTE = text("auditNote");
    /** How often documents were asked for; the applicant's upload is correlated by it. */
    public static final ProcessVariable<Long> DOCUMENT_REQUESTS = number("documentRequests");
    public static final ProcessVariable<Instant> DOCUMENTS_DUE_BY = moment("documentsDueBy");
    /** The sample ordered last; its purchase order's events are correlated by its id. */
    public static final ProcessVariable<Long> SAMPLE_ATTEMPT = number("sampleAttempt");
    public static final ProcessVariable<Long> SAMPLE_PURCHASE_ORDER_ID = number("samplePurchaseOrderId");
    /** passed, new_sample or failed, with what the inspector found. */
    public static final ProcessVariable<QualityResult> QUALITY_RESULT = choice("qualityResult", QualityResult.class);
    public static final ProcessVariable<String> QUALITY_NOTES = text("qualityNotes");
    /** approve, revise or reject; agreementNote says what to change or why it is turned down. */
    public static final ProcessVariable<AgreementDecision> AGREEMENT_DECISION = choice("agreementDecision",
            AgreementDecision.class);
    public static final ProcessVariable<String> AGREEMENT_NOTE = text("agreementNote");
    /** How often the agreement was sent back; the revised agreement is correlated by it. */
    public static final ProcessVariable<Long> AGREEMENT_REVISION = number("agreementRevision");
    public static final ProcessVariable<Instant> REVISION_DUE_BY = moment("revisionDueBy");
    /** At the revision's deadline: whether the revision had been taken (its message not yet at the process). */
    public static final ProcessVariable<Boolean> REVISION_TAKEN = flag("revisionTaken");
    /** Why the application is turned down (set by the decision that turns it down). */
    public static final ProcessVariable<String> REJECTION_REASON = text("rejectionReason");

    /** The papers' watch: what it waits for, on which document, when to remind and when it lapses. */
    public static final ProcessVariable<SupplierStanding.WatchStep> DOCUMENT_WATCH = choice("documentWatch",
            SupplierStanding.WatchStep.class);
    public static final ProcessVariable<Long> WATCHED_DOCUMENT_ID = number("watchedDocumentId");
    public static final ProcessVariable<Instant> DOCUMENT_REMINDER_AT = moment("documentReminderAt");
    public static final ProcessVariable<Instant> DOCUMENT_LAPSES_AT = moment("documentLapsesAt");
    public static final ProcessVariable<String> CHASE_NOTE = text("chaseNote");
    /** keep_waiting or end_relationship, with a note. */
    public static final ProcessVariable<LapseDecision> LAPSE_DECISION = choice("lapseDecision", LapseDecision.class);
    public static final ProcessVariable<String> LAPSE_NOTE = text("lapseNote");
    public static final ProcessVariable<Boolean> SUPPLIER_FLAGGED = flag("supplierFlagged");
    /** keep, coach (coachingDays) or suspend, with a note. */
    public static final ProcessVariable<PerformanceDecision> PERFORMANCE_DECISION = choice("performanceDecision",
            PerformanceDecision.class);
    public static final ProcessVariable<Long> COACHING_DAYS = number("coachingDays");
    public static final ProcessVariable<String> PERFORMANCE_NOTE = text("performanceNote");
    public static final ProcessVariable<Instant> COACHING_UNTIL = moment("coachingUntil");
    // Task-local form facts (applicationNumber, papers, offers, history…) are OnboardingTaskForm's
    // names: prepareOnboardingTask sets them when a task is created.

    /** The terms as the model's timers and due dates read them. */
    static void setTerms(VariableScope scope, RequirementsTable.Terms terms) {
        AUDIT_HOURS.set(scope, terms.auditHours());
        DOCUMENTS_WAIT_HOURS.set(scope, terms.documentsWaitHours());
        SAMPLE_SHIP_HOURS.set(scope, terms.sampleShipHours());
        SAMPLE_SKUS.set(scope, terms.sampleSkus());
        QUALITY_CHECK_HOURS.set(scope, terms.qualityCheckHours());
        AGREEMENT_REVIEW_HOURS.set(scope, terms.agreementReviewHours());
        REVISION_WAIT_HOURS.set(scope, terms.revisionWaitHours());
        EXPIRY_REMINDER_DAYS.set(scope, terms.expiryReminderDays());
        RENEWAL_GRACE_HOURS.set(scope, terms.renewalGraceHours());
        SCORECARD_CHECK_HOURS.set(scope, terms.scorecardCheckHours());
        STANDING_REVIEW_HOURS.set(scope, terms.standingReviewHours());
        NEW_SUPPLIER_SCORE.set(scope, terms.newSupplierScore());
        NEW_SUPPLIER_TIER.set(scope, terms.newSupplierTier());
        ESCALATION_PRIORITY.set(scope, terms.escalationPriority());
    }

    /** Messages the model waits for; they reach it through the inbox. */
    public enum Message implements ModelMessage {
        DOCUMENTS_ADDED("ApplicantAddedDocuments"),
        SAMPLE_SHIPPED("ApplicantShippedSample"),
        SAMPLE_DECLINED("ApplicantDeclinedSample"),
        AGREEMENT_REVISED("ApplicantRevisedAgreement"),
        DOCUMENT_RENEWED("SupplierRenewedDocument");

        private final String messageName;

        Message(String messageName) {
            this.messageName = messageName;
        }

        @Override
        public String messageName() {
            return messageName;
        }
    }

    /** BPMN errors the delegates throw and the model catches. */
    public enum Error implements ModelError {
        SAMPLE_REFUSED("SAMPLE_REFUSED");

        private final String code;

        Error(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** Element ids that the code, tests and operators' tools refer to. */
    public enum Element implements ModelElement {
        APPLY_REQUIREMENTS("service_apply_onboarding_requirements"),
        AUDIT_DOCUMENTS("user_audit_documents"),
        AUDIT_OVERDUE("boundary_audit_overdue"),
        AUDIT_ESCALATED("end_audit_escalated"),
        REQUEST_DOCUMENTS("service_request_missing_documents"),
        AWAIT_DOCUMENTS("gateway_await_documents"),
        DOCUMENTS_ADDED("event_documents_added"),
        DOCUMENTS_OVERDUE("timer_documents_overdue"),
        REJECT_APPLICATION("service_reject_application"),
        APPLICATION_REJECTED("end_application_rejected"),
        ORDER_SAMPLE("service_order_sample"),
        SAMPLE_REFUSED("boundary_sample_refused"),
        AWAIT_SAMPLE("gateway_await_sample"),
        SAMPLE_DECLINED("event_sample_declined"),
        SAMPLE_LATE("timer_sample_late"),
        ESCALATE_FAILED_SAMPLE("service_escalate_failed_sample"),
        CHECK_SAMPLE_QUALITY("user_check_sample_quality"),
        QUALITY_CHECK_OVERDUE("boundary_quality_check_overdue"),
        QUALITY_CHECK_ESCALATED("end_quality_check_escalated"),
        REVIEW_AGREEMENT("user_review_agreement"),
        AGREEMENT_REVIEW_OVERDUE("boundary_agreement_review_overdue"),
        AGREEMENT_REVIEW_ESCALATED("end_agreement_review_escalated"),
        REQUEST_AGREEMENT_CHANGES("service_request_agreement_changes"),
        AWAIT_REVISED_AGREEMENT("gateway_await_revised_agreement"),
        AGREEMENT_REVISED("event_agreement_revised"),
        REVISION_OVERDUE("timer_revision_overdue"),
        CHECK_REVISION_TAKEN("service_check_revision_taken"),
        ESCALATE_SILENT_REVISION("service_escalate_silent_revision"),
        ACTIVATE_SUPPLIER("service_activate_supplier"),
        SUPPLIER_STANDING("sub_supplier_standing"),
        WATCH_DOCUMENTS("service_watch_next_document"),
        NOTHING_EXPIRES("end_nothing_expires"),
        AWAIT_EXPIRY_REMINDER("gateway_await_expiry_reminder"),
        EXPIRY_REMINDER("timer_expiry_reminder"),
        DOCUMENT_RENEWED_EARLY("event_document_renewed_early"),
        CHASE_RENEWAL("user_chase_document_renewal"),
        RENEWED_DURING_CHASE("boundary_document_renewed"),
        DOCUMENT_LAPSED_DURING_CHASE("boundary_document_lapsed"),
        AWAIT_RENEWAL("gateway_await_renewal"),
        DOCUMENT_RENEWED("event_document_renewed"),
        DOCUMENT_LAPSED("timer_document_lapsed"),
        SUSPEND_FOR_LAPSE("service_suspend_for_lapsed_document"),
        AWAIT_LATE_RENEWAL("gateway_await_late_renewal"),
        RENEWAL_OVERDUE("timer_renewal_overdue"),
        DECIDE_LAPSED_SUPPLIER("user_decide_lapsed_supplier"),
        LAPSE_DECISION_OVERDUE("boundary_lapse_decision_overdue"),
        REINSTATE_SUPPLIER("service_reinstate_supplier"),
        SUPPLIER_DELISTED("end_supplier_delisted"),
        RELATIONSHIP_ENDED("end_supplier_relationship_ended"),
        NEXT_SCORECARD_CHECK("timer_next_scorecard_check"),
        CHECK_SCORECARD("service_check_supplier_scorecard"),
        REVIEW_PERFORMANCE("user_review_supplier_performance"),
        PERFORMANCE_REVIEW_OVERDUE("boundary_performance_review_overdue"),
        COACHING_DEADLINE("timer_coaching_deadline");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /**
     * Each user task with the use case's name for it and where its form puts the decision and the
     * note (a renewal chase has a note only).
     */
    public enum Task {
        AUDIT(Element.AUDIT_DOCUMENTS, OnboardingTask.AUDIT_DOCUMENTS, AUDIT_DECISION, AUDIT_NOTE),
        QUALITY(Element.CHECK_SAMPLE_QUALITY, OnboardingTask.CHECK_SAMPLE_QUALITY, QUALITY_RESULT, QUALITY_NOTES),
        AGREEMENT(Element.REVIEW_AGREEMENT, OnboardingTask.REVIEW_AGREEMENT, AGREEMENT_DECISION, AGREEMENT_NOTE),
        CHASE(Element.CHASE_RENEWAL, OnboardingTask.CHASE_RENEWAL, null, CHASE_NOTE),
        LAPSE(Element.DECIDE_LAPSED_SUPPLIER, OnboardingTask.DECIDE_LAPSED_SUPPLIER, LAPSE_DECISION, LAPSE_NOTE),
        PERFORMANCE(Element.REVIEW_PERFORMANCE, OnboardingTask.REVIEW_PERFORMANCE, PERFORMANCE_DECISION,
                PERFORMANCE_NOTE);

        private final Element element;
        private final OnboardingTask task;
        private final ProcessVariable<? extends FormChoice> decision;
        private final ProcessVariable<String> note;

        Task(Element element, OnboardingTask task, ProcessVariable<? extends FormChoice> decision,
                ProcessVariable<String> note) {
            this.element = element;
            this.task = task;
            this.decision = decision;
            this.note = note;
        }

        /** @throws IllegalArgumentException for a task the model has that this enum does not know */
        public static Task of(String taskDefinitionKey) {
            return Arrays.stream(values()).filter(t -> t.element.id().equals(taskDefinitionKey)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no onboarding task " + taskDefinitionKey));
        }

        public OnboardingTask task() {
            return task;
        }

        public FormChoice decision(VariableScope scope) {
            return decision == null ? null : decision.optionalFrom(scope).orElse(null);
        }

        public String note(VariableScope scope) {
            return note.from(scope, null);
        }

        /** A task decided before (an audit after documents arrived) starts with an empty form. */
        public void forgetEarlierDecision(VariableScope scope) {
            if (decision != null) {
                decision.remove(scope);
            }
            note.remove(scope);
        }
    }

    private SupplierOnboardingProcess() {
    }
}
