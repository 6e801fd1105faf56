package io.dropflow.carrier;

/**
 * A tracking service will not follow the parcel without something about its consignee that Dropflow
 * does not have (or that the service did not accept): a business problem an operator has to solve
 * (complete the order's data, or follow the parcel by hand), not one a retry solves. The message
 * names the parcel, what the service asked for and its own code.
 */
public class TrackingRegistrationRefused extends RuntimeException {

    private final String carrierCode;
    private final String trackingNumber;
    private final String missing;

    public TrackingRegistrationRefused(String carrierCode, String trackingNumber, String missing, String message) {
        super(message);
        this.carrierCode = carrierCode;
        this.trackingNumber = trackingNumber;
        this.missing = missing;
    }

    public String carrierCode() {
        return carrierCode;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    /** What the service asked for, in words (e.g. "postal code"). */
    public String missing() {
        return missing;
    }
}
