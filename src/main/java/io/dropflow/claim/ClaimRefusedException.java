package io.dropflow.claim;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A claim (or evidence) that cannot be taken in the order's or claim's present state: 409. */
public class ClaimRefusedException extends ApiProblem {

    public ClaimRefusedException(String message) {
        super(HttpStatus.CONFLICT, "claim-refused", "Claim not possible", message);
    }
}
