package io.dropflow.returns;

/** A return naming lines, quantities or an exchange SKU the order or its supplier does not have (422). */
public class InvalidReturnException extends RuntimeException {

    public InvalidReturnException(String message) {
        super(message);
    }
}
