package io.dropflow.carrier;

/**
 * The port to a carrier's tracking service. Registering a tracking number subscribes us to the
 * carrier's pushed events for it; registering the same number twice is harmless.
 */
public interface CarrierTracking {

    void register(String carrierCode, String trackingNumber);
}
