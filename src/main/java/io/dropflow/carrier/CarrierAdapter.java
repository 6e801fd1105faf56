package io.dropflow.carrier;

/**
 * An adapter to a tracking service (Kuaidi100, 17TRACK, the sandbox carrier) that follows the
 * carriers configured for it. Registering a parcel subscribes us to the service's pushed events;
 * registering the same parcel twice is harmless.
 */
public interface CarrierAdapter {

    boolean follows(String carrierCode);

    void register(String carrierCode, String trackingNumber);

    /** Registers with the consignee's phone, which some carriers require (Kuaidi100 for SF Express). */
    default void register(String carrierCode, String trackingNumber, String consigneePhone) {
        register(carrierCode, trackingNumber);
    }

    /**
     * Registers with what is known of the consignee (phone, postal code, country): some services need
     * one of them for some carriers (17TRACK asks for it when it refuses a number without it).
     *
     * @throws TrackingRegistrationRefused when the service needs consignee data that is not known
     */
    default void register(String carrierCode, String trackingNumber, Consignee consignee) {
        register(carrierCode, trackingNumber, consignee == null ? null : consignee.phone());
    }

    /**
     * Asks the tracking service for the parcel's events now, when its pushes went quiet (the polling
     * fallback). @return the events it knows, in our form; none when the service cannot be asked
     */
    default java.util.List<CarrierEvent> poll(String carrierCode, String trackingNumber) {
        return java.util.List.of();
    }

    /**
     * As {@link #poll(String, String)}, with the consignee's phone the parcel was registered with: some
     * services answer a query only with it (Kuaidi100 for SF Express, as for its subscription).
     */
    default java.util.List<CarrierEvent> poll(String carrierCode, String trackingNumber, String consigneePhone) {
        return poll(carrierCode, trackingNumber);
    }
}
