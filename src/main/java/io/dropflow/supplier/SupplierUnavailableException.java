package io.dropflow.supplier;

/** The supplier could not be reached or failed transiently: the call may succeed when retried. */
public class SupplierUnavailableException extends RuntimeException {

    public SupplierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SupplierUnavailableException(String message) {
        super(message);
    }
}
