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
     * A carrier code or tracking number padded with spaces is the same parcel's (as a supplier's SHIPPED takes
     * them): taken without them, so a padded scan finds its shipment instead of being kept as no parcel of ours.
     */
    public CarrierEvent {
        carrierCode = carrierCode == null ? null : carrierCode.strip();
        trackingNumber = trackingNumber == null ? null : trackingNumber.strip();
    }

    /**
     * Whether a carrier's date is one a calendar, and the database, can hold: years 1900 to 9999. A date beyond
     * (a carrier's "+999999999-12-31T23:59:59Z") has no seller's calendar day, and PostgreSQL refuses it.
     */
    public static boolean isDatable(Instant at) {
        return at != null && !at.isBefore(EARLIEST) && at.isBefore(LATEST);
    }

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    /**
     * The key of one parcel, for a kept delivery that tells about it ({@code DeliveryHandler#sameFact}): a parcel's
     * scans no shipment of ours has are one operator task per way they came, i.e. per partner and account (the
     * normalized API under the carrier's code, Kuaidi100, 17TRACK: up to three tasks for one parcel). The tasks are
     * kept apart on purpose: each shows its partner, and its "try again" asks that partner's handler; the key
     * itself is not the same across them either (Kuaidi100's and 17TRACK's carrier we have no code for is named
     * by their own company code).
     */
    public static String parcel(String carrierCode, String trackingNumber) {
        return "parcel/" + carrierCode + "/" + trackingNumber.trim();
    }
}
