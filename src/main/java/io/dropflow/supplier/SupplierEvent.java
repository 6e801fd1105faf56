package io.dropflow.supplier;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body a supplier posts to our webhook. */
@ShipmentNamed
@Schema(description = "An event a supplier reports about one of our purchase orders")
public record SupplierEvent(
        @Schema(description = "Unique per supplier; a redelivered event with the same id is acknowledged and ignored,"
                + " the same id with other content is a 409")
        @NotBlank @Size(max = 100) String eventId,
        @NotNull SupplierEventType type,
        @Schema(description = "Our purchase order number, as sent with the purchase order")
        @NotBlank @Size(max = 100) String purchaseOrderNumber,
        @Size(max = 100) String supplierReference,
        @Schema(description = "Why the supplier rejected the order or refused the cancellation")
        @Size(max = 64) String reasonCode,
        @Schema(description = "With SHIPPED (required there, as trackingNumber): the carrier's code")
        @Size(max = 40) String carrierCode,
        @Schema(description = "With SHIPPED (required there, as carrierCode): the parcel's tracking number")
        @Size(max = 100) String trackingNumber,
        @Schema(description = "With ACCEPTED, on a group-buy batch's purchase order only: the lines (or the part of "
                + "a line) the supplier cannot deliver; the rest is accepted. Each supplierSku must be a line of the "
                + "purchase order, its quantity at most the line's (in all): otherwise a 422 naming the field, nothing "
                + "changed. An ACCEPTED for a purchase order accepted already changes nothing: with the same missing "
                + "lines it is ALREADY_APPLIED, with others (any for one accepted whole) STALE and shown to an operator")
        @Size(max = 200) List<@NotNull @Valid MissingLine> missingLines,
        @Schema(description = "With CANCELLATION_ACCEPTED or CANCELLATION_REFUSED: the number of our request to take "
                + "lines off a batch purchase order (the whole purchase order when absent). A number Dropflow did not "
                + "send for this purchase order is STALE: recorded, and an accepted one shown to an operator")
        @Size(max = 100) String cancellationNumber) {

    /**
     * A carrier code or tracking number padded with spaces is the same parcel's: taken without them, so a
     * padded resend is no new label (the carrier would not know the padded number either). A number typed full-width
     * (a Chinese input method's "ＳＢＸ１２３") is taken as the plain letters and digits it is (Unicode NFKC), which the
     * carrier and the storefront read; its spaces and hyphens stay as the supplier wrote them (the lookup ignores them:
     * {@link io.dropflow.carrier.TrackingNumbers#key}).
     */
    public SupplierEvent {
        carrierCode = carrierCode == null ? null : carrierCode.strip();
        trackingNumber = trackingNumber == null ? null
                : java.text.Normalizer.normalize(trackingNumber, java.text.Normalizer.Form.NFKC).strip();
    }

    /** Events as they were before batch purchase orders: no missing lines, about the whole purchase order. */
    public SupplierEvent(String eventId, SupplierEventType type, String purchaseOrderNumber, String supplierReference,
            String reasonCode, String carrierCode, String trackingNumber) {
        this(eventId, type, purchaseOrderNumber, supplierReference, reasonCode, carrierCode, trackingNumber, null, null);
    }

    /** How many pieces of one of the supplier's SKUs it cannot deliver. */
    public record MissingLine(@NotBlank @Size(max = 64) String supplierSku, @Positive @Max(1_000_000) int quantity) {
    }

    @AssertTrue(message = "missingLines only come with ACCEPTED, cancellationNumber only with a cancellation's answer")
    @Schema(hidden = true)
    public boolean isLinesWithTheirType() {
        boolean cancellationAnswer = type == SupplierEventType.CANCELLATION_ACCEPTED
                || type == SupplierEventType.CANCELLATION_REFUSED;
        return (missingLines == null || missingLines.isEmpty() || type == SupplierEventType.ACCEPTED)
                && (cancellationNumber == null || cancellationAnswer);
    }

    /** Whether a SHIPPED event names its parcel ({@link ShipmentNamed} names each field it lacks). */
    @Schema(hidden = true)
    public boolean isShipmentComplete() {
        return type != SupplierEventType.SHIPPED
                || (carrierCode != null && !carrierCode.isBlank() && trackingNumber != null && !trackingNumber.isBlank());
    }
}
