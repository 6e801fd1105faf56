package io.dropflow.claim.internal;

import io.dropflow.claim.Remedy;
import io.dropflow.claim.SupplierClaimAnswer;
import io.dropflow.web.DecimalDigits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The body a supplier posts to answer a claim round. */
@Schema(description = "A supplier's answer to one round of a defect claim")
public record ClaimAnswerEvent(
        @Schema(description = "Unique per supplier; a redelivered answer is acknowledged and ignored")
        @NotBlank @Size(max = 100) String eventId,
        @Schema(description = "Our claim number, as sent with the claim", example = "DF-CL7")
        @NotBlank @Pattern(regexp = "DF-CL\\d{1,18}", message = "must be a claim number like DF-CL7") String claimNumber,
        @Schema(description = "The round answered, as sent with the claim", example = "1") @Positive int round,
        @NotNull SupplierClaimAnswer answer,
        @Schema(description = "The remedy offered (ACCEPTED: defaults to the one asked for; COUNTER_OFFER: required)")
        Remedy remedy,
        @Schema(description = "For COMPENSATION: the amount offered, in the order's currency")
        @DecimalMin(value = "0", inclusive = false) @DecimalDigits(integer = 13, fraction = 4) BigDecimal amount,
        @Schema(description = "Why the supplier rejects or counters") @Size(max = 500) String reason) {

    @AssertTrue(message = "a COUNTER_OFFER needs a remedy, and a COMPENSATION an amount")
    @Schema(hidden = true)
    public boolean isOfferComplete() {
        if (answer == SupplierClaimAnswer.COUNTER_OFFER && remedy == null) {
            return false;
        }
        return remedy != Remedy.COMPENSATION || amount != null;
    }
}
