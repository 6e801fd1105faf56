package io.dropflow.carrier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parcel a carrier partner's kept delivery tells about, as its handler's {@code DeliveryHandler#sameFact}: the
 * payload read as JSON, the handler's own reading of the carrier and the number in it, and the parcel's key
 * ({@link CarrierEvent#parcel}). Empty for a payload that is not JSON, or where the handler finds no parcel in
 * it; never fails.
 *
 * @param carrierCode the carrier we follow the parcel with (or the partner's own name for it)
 * @param trackingNumber the parcel's number
 */
public record ParcelFact(String carrierCode, String trackingNumber) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param read the handler's reading of the payload's JSON (never null): the parcel, or null where it names none
     * @return the parcel's key, or empty
     */
    public static Optional<String> of(String payload, Function<JsonNode, ParcelFact> read) {
        JsonNode root;
        try {
            root = payload == null ? null : JSON.readTree(payload);
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
        ParcelFact parcel = root == null || root.isMissingNode() || root.isNull() ? null : read.apply(root);
        return parcel == null || parcel.trackingNumber() == null ? Optional.empty()
                : Optional.of(CarrierEvent.parcel(parcel.carrierCode(), parcel.trackingNumber()));
    }
}
