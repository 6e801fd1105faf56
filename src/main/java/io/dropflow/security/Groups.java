package io.dropflow.security;

/** The groups Dropflow's processes assign work to. */
public final class Groups {

    public static final String OPERATORS = "operators";
    public static final String SUPERVISORS = "supervisors";
    /** Camunda's built-in administrators group. */
    public static final String ADMINS = "camunda-admin";

    private Groups() {
    }
}
