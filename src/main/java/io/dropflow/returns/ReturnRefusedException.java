package io.dropflow.returns;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A return (or an answer to one) that the order's or the return's present state does not allow: 409. */
public class ReturnRefusedException extends ApiProblem {

    public ReturnRefusedException(String message) {
        super(HttpStatus.CONFLICT, "return-refused", "Return not possible", message);
    }

    /**
     * A partner's answer refused for the case's state: the problem names the case and its status too, the
     * latter as {@code caseStatus} (RFC 7807's {@code status} is the HTTP status, 409).
     */
    public ReturnRefusedException(String message, String returnNumber, String status) {
        this(message);
        property("returnNumber", returnNumber);
        property("caseStatus", status);
    }
}
