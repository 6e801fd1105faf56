package io.dropflow.supplier;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body a supplier posts to our webhook. */
@Schema(description = "An event a supplier reports about one of our purchase orders")
public record SupplierEvent(
        @Schema(description = "Unique per supplier; a redelivered event with the same id is acknowledged and ignored")
        @NotBlank @Size(max = 100) String eventId,
        @NotNull SupplierEventType type,
        @Schema(description = "Our purchase order number, as sent with the purchase order")
        @NotBlank @Size(max = 100) String purchaseOrderNumber,
        @Size(max = 100) String supplierReference,
        @Schema(description = "Why the supplier rejected the order or refused the cancellation")
        @Size(max = 64) String reasonCode,
        @Size(max = 40) String carrierCode,
        @Size(max = 100) String trackingNumber) {

    @AssertTrue(message = "a SHIPPED event needs carrierCode and trackingNumber")
    @Schema(hidden = true)
    public boolean isShipmentComplete() {
        return type != SupplierEventType.SHIPPED
                || (carrierCode != null && !carrierCode.isBlank() && trackingNumber != null && !trackingNumber.isBlank());
    }
}
