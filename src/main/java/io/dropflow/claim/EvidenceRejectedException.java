package io.dropflow.claim;

/** An uploaded file that is too large, of a type we do not take, or not what it says it is. */
public class EvidenceRejectedException extends RuntimeException {

    /** Why: TOO_LARGE (413), UNSUPPORTED_TYPE (415) or TOO_MANY (400). */
    public enum Reason { TOO_LARGE, UNSUPPORTED_TYPE, TOO_MANY }

    private final Reason reason;

    public EvidenceRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
