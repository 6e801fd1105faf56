package io.dropflow.carrier;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A tracking event in our normalized form (carrier-specific formats are mapped onto it). */
@Schema(description = "A tracking event for one parcel, in Dropflow's normalized status set")
public record CarrierEvent(
        @Schema(description = "Unique per carrier; a redelivered event is acknowledged and ignored")
        @NotBlank @Size(max = 100) String eventId,
        @NotBlank @Size(max = 40) String carrierCode,
        @NotBlank @Size(max = 100) String trackingNumber,
        @NotNull TrackingStatus status,
        @NotNull Instant occurredAt,
        @Size(max = 200) String location,
        @Size(max = 1000) String description) {

    /**
     * The key of one parcel, for a kept delivery that tells about it ({@code DeliveryHandler#sameFact}): all of
     * a parcel's scans no shipment of ours has are one operator task, whichever way the carrier sent them.
     */
    public static String parcel(String carrierCode, String trackingNumber) {
        return "parcel/" + carrierCode + "/" + trackingNumber.trim();
    }
}
