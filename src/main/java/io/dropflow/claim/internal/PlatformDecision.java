package io.dropflow.claim.internal;

import io.dropflow.claim.Remedy;
import io.dropflow.web.DecimalDigits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A marketplace platform's verdict on a claim the seller escalated to it. */
@Schema(description = "The marketplace's verdict on a defect claim escalated to it")
public record PlatformDecision(
        @Schema(description = "Unique per platform; a redelivered verdict is acknowledged and ignored")
        @NotBlank @Size(max = 100) String eventId,
        @Schema(example = "DF-CL7") @NotBlank @Pattern(regexp = "DF-CL\\d{1,18}", message = "must be a claim number like DF-CL7")
        String claimNumber,
        @NotNull Verdict verdict,
        @Schema(description = "For SELLER_REFUNDS: REFUND (the claimed value) or COMPENSATION (with amount)") Remedy remedy,
        @DecimalMin(value = "0", inclusive = false) @DecimalDigits(integer = 13, fraction = 4) BigDecimal amount,
        @Size(max = 500) String reason) {

    public enum Verdict {
        /** The seller must refund or compensate the consumer (the seller bears it). */
        SELLER_REFUNDS,
        /** The platform found for the seller: the claim is rejected. */
        CLAIM_REJECTED
    }

    @AssertTrue(message = "SELLER_REFUNDS needs remedy REFUND or COMPENSATION, and a COMPENSATION an amount")
    @Schema(hidden = true)
    public boolean isRemedyComplete() {
        if (verdict != Verdict.SELLER_REFUNDS) {
            return true;
        }
        return remedy == Remedy.REFUND || (remedy == Remedy.COMPENSATION && amount != null);
    }
}
