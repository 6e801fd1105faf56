package io.dropflow.onboarding.internal;

/** Who did what an application's history records. */
public enum Party {
    APPLICANT, OPERATOR, SUPERVISOR, DROPFLOW
}
