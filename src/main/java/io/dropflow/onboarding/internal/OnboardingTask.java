package io.dropflow.onboarding.internal;


/** The people's tasks of an onboarding, what each moves the application to, and who decides them. */
public enum OnboardingTask {
    AUDIT_DOCUMENTS(ApplicationStatus.UNDER_AUDIT, Party.OPERATOR),
    CHECK_SAMPLE_QUALITY(ApplicationStatus.QUALITY_CHECK, Party.OPERATOR),
    REVIEW_AGREEMENT(ApplicationStatus.AGREEMENT_REVIEW, Party.SUPERVISOR),
    /** After onboarding: ask the supplier to renew a document before it lapses. */
    CHASE_RENEWAL(null, Party.OPERATOR),
    /** After onboarding: a lapsed document was not renewed in time. */
    DECIDE_LAPSED_SUPPLIER(null, Party.SUPERVISOR),
    /** After onboarding: the scorecard flags the supplier for shipping late. */
    REVIEW_PERFORMANCE(null, Party.OPERATOR);

    private final ApplicationStatus status;
    private final Party decidedBy;

    OnboardingTask(ApplicationStatus status, Party decidedBy) {
        this.status = status;
        this.decidedBy = decidedBy;
    }

    /** The application's status while the task is open; null for a supplier's standing, which does not move it. */
    ApplicationStatus status() {
        return status;
    }

    Party decidedBy() {
        return decidedBy;
    }
}
