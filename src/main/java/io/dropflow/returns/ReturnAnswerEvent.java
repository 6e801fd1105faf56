package io.dropflow.returns;

import io.dropflow.web.DecimalDigits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A supplier's answer to a return round. */
@Schema(description = "A supplier's answer to one round of a return request")
public record ReturnAnswerEvent(
        @NotBlank @Size(max = 100) String eventId,
        @Schema(example = "DF-RT3", description = "A consumer's return (DF-RT3), or goods nobody collected at a"
                + " group-buy pickup point sent back (DF-B6-PO1-UNCOLLECTED)")
        @NotBlank @Pattern(regexp = "DF-RT\\d{1,18}|" + TakeBackAnswers.UNCOLLECTED,
                message = "must be a return number like DF-RT3 or DF-B6-PO1-UNCOLLECTED")
        String returnNumber,
        @Positive int round,
        @Schema(description = "ACCEPTED (send it back), REJECTED, or ALTERNATIVE (a partial refund, the consumer keeps the goods)")
        @NotNull Answer answer,
        @Schema(description = "ALTERNATIVE: the partial refund, in the order's currency; not with refundShare")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalDigits(integer = 13, fraction = 4) BigDecimal amount,
        @Schema(description = "ALTERNATIVE: the partial refund as a share of the returned value (0 to 1), instead of amount")
        @DecimalMin("0.01") @DecimalMax("1.0") BigDecimal refundShare,
        @Size(max = 500) String reason) {

    public enum Answer { ACCEPTED, REJECTED, ALTERNATIVE }

    @AssertTrue(message = "an ALTERNATIVE needs amount or refundShare")
    @Schema(hidden = true)
    public boolean isAlternativeComplete() {
        return answer != Answer.ALTERNATIVE || amount != null || refundShare != null;
    }

    /**
     * The contract offers an ALTERNATIVE's refund as an amount or as a share, never both: taking one and
     * dropping the other would agree to a refund the supplier may not have meant.
     */
    @AssertTrue(message = "give amount or refundShare, not both")
    @Schema(hidden = true)
    public boolean isAmountOrRefundShare() {
        return amount == null || refundShare == null;
    }
}
