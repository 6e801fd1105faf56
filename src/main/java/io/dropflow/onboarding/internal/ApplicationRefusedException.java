package io.dropflow.onboarding.internal;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Something an application cannot take in its present state (documents after it closed, an unasked revision): 409. */
public class ApplicationRefusedException extends ApiProblem {

    public ApplicationRefusedException(String message) {
        this("application-refused", "Not possible in the application's state", message);
    }

    /** A refusal of its own kind, which the caller tells apart by its problem type. */
    protected ApplicationRefusedException(String type, String title, String message) {
        super(HttpStatus.CONFLICT, type, title, message);
    }
}
