package io.dropflow.carrier;

/**
 * A call to a tracking service held back by the partner's pace: no turn under its limit within {@code max-wait}, a
 * pause the partner asked for, or its "slow down" answer. The service told us nothing about the parcel, so a
 * polling round that meets this leaves the parcel to its next round rather than counting it as asked.
 */
public class CarrierCallHeldBack extends CarrierUnavailableException {

    public CarrierCallHeldBack(String message) {
        super(message, null);
    }
}
