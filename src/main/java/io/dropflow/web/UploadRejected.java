package io.dropflow.web;

import org.springframework.http.HttpStatus;

/**
 * Uploaded files that are too large (413), of a type not taken or not what they say they are (415),
 * too many, or not as the request describes them (400). Each feature names its own problem type; nothing of the request is stored.
 */
public class UploadRejected extends ApiProblem {

    /**
     * Why, and the status it answers with; {@code NOT_AS_DESCRIBED}: the files are not what the request's own
     * description of them says (a described file missing, a file not described, one twice, a paper expired).
     */
    public enum Reason {
        TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE), UNSUPPORTED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        TOO_MANY(HttpStatus.BAD_REQUEST), NOT_AS_DESCRIBED(HttpStatus.BAD_REQUEST);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }
    }

    private final Reason reason;

    protected UploadRejected(Reason reason, String type, String title, String detail) {
        super(reason.status, type, title, detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
