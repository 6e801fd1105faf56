package io.dropflow.onboarding.internal;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * An application, document or agreement whose parts do not fit together (a file without its
 * description, an offer outside the categories applied for, a price the catalog would refuse): 400.
 */
public class InvalidApplicationException extends ApiProblem {

    public InvalidApplicationException(String message) {
        super(HttpStatus.BAD_REQUEST, "invalid-application", "Invalid application", message);
    }
}
