package io.dropflow.carrier.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.ParcelFact;
import io.dropflow.partners.DeliveryHandler.Delivery;
import java.io.IOException;
import java.util.Optional;

/**
 * A carrier's event as a recorded delivery holds it (kept for later, or for an operator): written with ISO-8601 times
 * and without the fields it left out, so the operator's form shows the payload as what the partner sent; and the
 * delivery's fact, its parcel, so that one parcel's deliveries are one operator task.
 */
final class RecordedCarrierEvents {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private RecordedCarrierEvents() {
    }

    static String json(CarrierEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parcel the recorded event is about; empty for a payload that is no event. */
    static Optional<String> parcelOf(Delivery delivery) {
        return ParcelFact.of(delivery.payload(), root -> {
            try {
                CarrierEvent event = JSON.treeToValue(root, CarrierEvent.class);
                return new ParcelFact(event.carrierCode(), event.trackingNumber());
            } catch (IOException | IllegalArgumentException unreadable) {
                return null;
            }
        });
    }
}
