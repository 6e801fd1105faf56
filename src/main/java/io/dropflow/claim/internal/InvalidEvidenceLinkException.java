package io.dropflow.claim.internal;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A link given as evidence that is not an http(s) URL: 400. */
public class InvalidEvidenceLinkException extends ApiProblem {

    public InvalidEvidenceLinkException(String message) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", message);
    }
}
