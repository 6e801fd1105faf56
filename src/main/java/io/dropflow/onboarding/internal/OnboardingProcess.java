package io.dropflow.onboarding.internal;

/** The application's process, as intake and the API start it and hand it what applicants send. */
public interface OnboardingProcess {

    /** Starts the application's process in the caller's transaction; its first step runs asynchronously. @return the instance id */
    String start(SupplierApplication application);

    /** The applicant sent documents; only an application waiting for them moves on. */
    void documentsAdded(SupplierApplication application, Long firstDocumentId);

    /** The revised agreement a supervisor asked for arrived. */
    void agreementRevised(SupplierApplication application);

    /** An onboarded supplier renewed a document. */
    void documentRenewed(SupplierApplication application, Long documentId);

    /**
     * Documents arrived (sent during the onboarding, or renewed): in the caller's transaction, work that runs
     * once they are committed (a job, retried and then an incident in Cockpit) and puts the papers and history
     * as they are then on the open tasks of the application.
     */
    void showPapersOnOpenTasks(Long applicationId);
}
