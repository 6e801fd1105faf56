package io.dropflow.returns.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the supplier found in a returned parcel. */
@Schema(description = "The supplier's inspection of a returned parcel")
public record InspectionEvent(
        @NotBlank @Size(max = 100) String eventId,
        @Schema(example = "DF-RT3") @NotBlank @Pattern(regexp = "DF-RT\\d{1,18}", message = "must be a return number like DF-RT3")
        String returnNumber,
        @Schema(description = "OK, DAMAGED_BY_CONSUMER or NOT_RECEIVED") @NotNull Result result,
        @Size(max = 500) String note) {

    public enum Result { OK, DAMAGED_BY_CONSUMER, NOT_RECEIVED }
}
