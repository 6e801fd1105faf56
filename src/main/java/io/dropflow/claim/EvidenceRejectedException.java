package io.dropflow.claim;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An uploaded file that is too large, of a type we do not take, or not what it says it is; nothing is stored. */
public class EvidenceRejectedException extends ApiProblem {

    /** Why: TOO_LARGE (413), UNSUPPORTED_TYPE (415) or TOO_MANY (400). */
    public enum Reason {
        TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE), UNSUPPORTED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        TOO_MANY(HttpStatus.BAD_REQUEST);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }
    }

    private final Reason reason;

    public EvidenceRejectedException(Reason reason, String message) {
        super(reason.status, "evidence-rejected", "Evidence not accepted; nothing was stored", message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
