package io.dropflow.aftersales;

/** A case's status, as far as the shared steps care: still being worked, or ended. */
public interface CaseStatus {

    boolean isOpen();
}
