package io.dropflow.carrier;

/** The carrier could not be reached or failed transiently: the call may succeed when retried. */
public class CarrierUnavailableException extends RuntimeException {

    /**
     * What becomes of such a failure, true whether the step has tries left or not (exploratory test s14: an
     * incident said "retried while the step has tries left" when it had none).
     */
    public static final String RETRIED = "retried while the step has tries left; with none left, retry its incident"
            + " once the service answers again";

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
