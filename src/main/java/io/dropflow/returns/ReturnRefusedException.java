package io.dropflow.returns;

/** A return (or an answer to one) that the order's or the return's present state does not allow (409). */
public class ReturnRefusedException extends RuntimeException {

    public ReturnRefusedException(String message) {
        super(message);
    }
}
