package io.dropflow.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request our API turns down, as the RFC 7807 problem it answers with: each feature's exception
 * carries its own status, type and title, so this package needs to know no feature (Spring renders
 * any {@link ErrorResponseException}, see {@link ApiProblems}). The message is the problem's
 * detail, which is what logs and incidents show.
 */
public abstract class ApiProblem extends ErrorResponseException {

    /** Where our problem types live: {@code https://dropflow.io/problems/<name>}. */
    public static URI type(String name) {
        return URI.create("https://dropflow.io/problems/" + name);
    }

    protected ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Adds a property the caller can act on (which SKUs, which resource). Never one of RFC 7807's own members
     * ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}): the document would carry
     * the member twice, e.g. {@code "status": 409} and {@code "status": "COMPLETED"}.
     */
    protected final void property(String name, Object value) {
        if (java.util.Set.of("type", "title", "status", "detail", "instance").contains(name)) {
            throw new IllegalArgumentException(name + " is a member of every problem document; name the property otherwise");
        }
        getBody().setProperty(name, value);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
