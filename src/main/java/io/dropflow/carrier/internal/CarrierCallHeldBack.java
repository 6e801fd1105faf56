package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierUnavailableException;

/**
 * A call to a tracking service held back by the partner's pace before anything was sent: no turn under its limit
 * within {@code max-wait}, a pause the partner asked for earlier, or the node stopping while the call waited. The
 * service was not asked about the parcel, so a polling round that meets this leaves the parcel to its next round
 * rather than counting it as asked.
 * <p>
 * A call that was sent is never held back, whatever came of it: a "slow down" answer (429) after the tries went out
 * is a plain {@link CarrierUnavailableException}, and the parcel counts as asked (it waits {@code poll-after}), since
 * each query is paid and Kuaidi100 locks a number asked too often.
 */
public class CarrierCallHeldBack extends CarrierUnavailableException {

    public CarrierCallHeldBack(String message) {
        super(message, null);
    }

    /**
     * What a client throws for a call refused as held back: held back if none of its tries was sent, otherwise a
     * plain "unavailable" (retried by a job as before, but the service was asked).
     *
     * @param sent whether any try of the call went out to the service
     */
    public static CarrierUnavailableException unlessSent(boolean sent, CarrierCallHeldBack heldBack) {
        return sent ? new CarrierUnavailableException(heldBack.getMessage(), null) : heldBack;
    }
}
