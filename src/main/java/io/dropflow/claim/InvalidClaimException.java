package io.dropflow.claim;

/** A claim that names order lines or quantities the order does not have (422). */
public class InvalidClaimException extends RuntimeException {

    public InvalidClaimException(String message) {
        super(message);
    }
}
