package io.dropflow.onboarding.internal;

/**
 * An application for the supplier's code is open already, also one that another request made a moment
 * before (sent at the same moment as this one): nothing of this one was kept; the open application is
 * the one to follow, at {@code application} (its status for the portal), id {@code applicationId}: 409.
 */
public class ApplicationOpenException extends ApplicationRefusedException {

    public ApplicationOpenException(String supplierCode, Long applicationId, String applicationNumber) {
        super("application-open", "An application for this supplier is open already",
                "an application for supplier " + supplierCode + " is open already: " + applicationNumber
                        + ", which GET " + location(applicationId) + " shows; this one was not taken");
        property("code", supplierCode);
        property("applicationId", applicationId);
        property("application", location(applicationId));
    }

    /** Where the supplier's portal reads the application. */
    public static String location(Long applicationId) {
        return "/api/webhooks/onboarding/applications/" + applicationId;
    }
}
