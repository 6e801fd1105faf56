package io.dropflow.claim;

/** A claim (or evidence) that cannot be taken in the order's or claim's present state. */
public class ClaimRefusedException extends RuntimeException {

    public ClaimRefusedException(String message) {
        super(message);
    }
}
