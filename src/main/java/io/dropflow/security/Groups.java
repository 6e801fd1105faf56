package io.dropflow.security;

/**
 * The groups Dropflow's processes assign work to (created from {@code dropflow.identity.groups}),
 * and who may do what on our API. A person's groups become authorities {@code GROUP_<id>}; an
 * integration's API key carries its scopes as {@code SCOPE_<scope>} (see {@link ApiKeyScope}).
 * {@link ApiRoles} applies these per endpoint; docs/api.md lists them.
 */
public final class Groups {

    public static final String OPERATORS = "operators";
    public static final String SUPERVISORS = "supervisors";
    public static final String ANALYSTS = "analysts";
    /**
     * Group leaders of community group buying (社区团购): each confirms the parcels that reach their
     * own pickup point and the consumers who collect there (tasks assigned to them, never offered to the group).
     */
    public static final String LEADERS = "leaders";
    /** Camunda's built-in administrators group. */
    public static final String ADMINS = "camunda-admin";

    static final String GROUP = "GROUP_";
    static final String SCOPE = "SCOPE_";

    /**
     * Who may change master data (catalog, exchange rates): supervisors and analysts, and an
     * integration whose key has the {@code catalog} scope, as a {@code @PreAuthorize} expression.
     * Operators read it.
     */
    public static final String MASTER_DATA_EDITORS = "hasAnyAuthority('GROUP_" + SUPERVISORS + "', 'GROUP_" + ANALYSTS
            + "', 'SCOPE_catalog')";

    private Groups() {
    }
}
