package io.dropflow.carrier;

/** The carrier could not be reached or failed transiently: the call may succeed when retried. */
public class CarrierUnavailableException extends RuntimeException {

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
