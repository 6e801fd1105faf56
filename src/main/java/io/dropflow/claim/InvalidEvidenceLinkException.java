package io.dropflow.claim;

/** A link given as evidence that is not an http(s) URL (400). */
public class InvalidEvidenceLinkException extends RuntimeException {

    public InvalidEvidenceLinkException(String message) {
        super(message);
    }
}
