package io.dropflow.claim.internal;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A claim that names order lines or quantities the order does not have: 422. */
public class InvalidClaimException extends ApiProblem {

    public InvalidClaimException(String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-claim", "Claim does not fit the order", message);
    }
}
