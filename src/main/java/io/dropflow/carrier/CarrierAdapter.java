package io.dropflow.carrier;

import java.util.List;

/**
 * An adapter to a tracking service (Kuaidi100, 17TRACK, the sandbox carrier) that follows the
 * carriers configured for it. Registering a parcel subscribes us to the service's pushed events;
 * registering the same parcel twice is harmless.
 */
public interface CarrierAdapter {

    boolean follows(String carrierCode);

    /**
     * Registers the parcel with what is known of its consignee ({@link Consignee#UNKNOWN} when nothing):
     * some services need part of it for some carriers (Kuaidi100 the phone for SF Express; 17TRACK a
     * postal code, country or phone when it refuses a number without it).
     *
     * @throws TrackingRegistrationRefused when the service needs consignee data that is not known
     */
    void register(String carrierCode, String trackingNumber, Consignee consignee);

    /**
     * Asks the tracking service for the parcel's events now, when its pushes went quiet (the polling
     * fallback), with the consignee it was registered with: some services answer a query only with its
     * phone (Kuaidi100 for SF Express, as for its subscription).
     *
     * @return the events it knows, in our form; none when the service cannot be asked
     */
    default List<CarrierEvent> poll(String carrierCode, String trackingNumber, Consignee consignee) {
        return List.of();
    }
}
