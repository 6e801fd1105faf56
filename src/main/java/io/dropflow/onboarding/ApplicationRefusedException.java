package io.dropflow.onboarding;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Something an application cannot take in its present state (documents after it closed, an unasked revision): 409. */
public class ApplicationRefusedException extends ApiProblem {

    public ApplicationRefusedException(String message) {
        super(HttpStatus.CONFLICT, "application-refused", "Not possible in the application's state", message);
    }
}
