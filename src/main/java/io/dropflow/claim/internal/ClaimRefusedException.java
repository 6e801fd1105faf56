package io.dropflow.claim.internal;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A claim (or evidence) that cannot be taken in the order's or claim's present state: 409. */
public class ClaimRefusedException extends ApiProblem {

    public ClaimRefusedException(String message) {
        super(HttpStatus.CONFLICT, "claim-refused", "Claim not possible", message);
    }

    /**
     * A partner's answer refused for the case's state: the problem names the case and its status too, the
     * latter as {@code caseStatus} (RFC 7807's {@code status} is the HTTP status, 409).
     */
    public ClaimRefusedException(String message, String claimNumber, String status) {
        this(message);
        property("claimNumber", claimNumber);
        property("caseStatus", status);
    }
}
