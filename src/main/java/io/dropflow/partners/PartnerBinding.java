package io.dropflow.partners;

import java.util.List;

/** A partner feature's account of the partners it must talk to but has no real adapter for. */
public interface PartnerBinding {

    List<Unbound> unbound();

    /**
     * Partners the seller's data names (an active supplier of the catalog) that no adapter serves: Dropflow
     * simply does not use them until they are bound, so start-up warns about them instead of refusing (a
     * catalog entry must not keep every node from starting). Empty by default.
     */
    default List<Unbound> notUsed() {
        return List.of();
    }

    /**
     * Whether a partner setting is missing: absent, blank, or still the placeholder of an environment
     * variable nobody set (Spring binds an unresolved {@code ${DROPFLOW_...}} as it is, and a partner
     * would be sent that text as a credential).
     */
    static boolean unset(String value) {
        return value == null || value.isBlank() || value.contains("${");
    }

    /**
     * @param partner who, e.g. "supplier ACME"
     * @param missing what is missing, e.g. "no adapter serves it"
     * @param setting the setting(s) that bind it
     */
    record Unbound(String partner, String missing, String setting) {

        @Override
        public String toString() {
            return partner + ": " + missing + " (set " + setting + ")";
        }
    }
}
