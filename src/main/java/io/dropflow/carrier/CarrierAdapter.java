package io.dropflow.carrier;

/**
 * An adapter to a tracking service (Kuaidi100, 17TRACK, the sandbox carrier) that follows the
 * carriers configured for it. Registering a parcel subscribes us to the service's pushed events;
 * registering the same parcel twice is harmless.
 */
public interface CarrierAdapter {

    boolean follows(String carrierCode);

    void register(String carrierCode, String trackingNumber);
}
