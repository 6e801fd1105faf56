package io.dropflow.returns.internal;

import io.dropflow.returns.ReturnReason;
import io.dropflow.returns.ReturnWish;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A consumer's request to send goods back: an EXCHANGE with its exchangeSku, a REFUND without ({@link ExchangeSkuFitsWish}). */
@ExchangeSkuFitsWish
@Schema(description = "A request to return goods for a refund or an exchange")
public record RequestReturn(
        @NotEmpty @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines,
        @Schema(description = "CHANGED_MIND, DOES_NOT_FIT, DEFECTIVE or NOT_AS_DESCRIBED") @NotNull ReturnReason reason,
        @Schema(description = "REFUND or EXCHANGE (with exchangeSku)") @NotNull ReturnWish wish,
        @Schema(description = "For an exchange: the SKU (variant) wanted instead", example = "DEMO-MUG")
        @Size(max = 64) String exchangeSku,
        @Schema(description = "The consumer's words") @Size(max = 2000) String note) {

    public record Line(@Schema(example = "1") @Positive int lineNo, @Schema(example = "1") @Positive @Max(1000) int quantity) {
    }
}
