package io.dropflow.onboarding.internal;

import org.springframework.http.HttpHeaders;

/**
 * Another request changed the supplier's entry in the catalog at the very moment this application
 * registered it, and left neither an open application nor a code another supplier holds (a correction
 * of a turned-down applicant, say): nothing of this application was kept, and sent again in a moment
 * ({@code Retry-After}) it is taken or refused for what is there then: 409.
 */
public class ApplicationCollidedException extends ApplicationRefusedException {

    public ApplicationCollidedException(String supplierCode) {
        super("application-collided", "Supplier changed at the same moment; send the application again",
                "supplier " + supplierCode + " was changed by another request at the same moment as this application "
                        + "registered it: nothing of this application was kept; send it again in a moment");
        property("code", supplierCode);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }
}
