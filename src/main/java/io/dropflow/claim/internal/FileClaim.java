package io.dropflow.claim.internal;

import io.dropflow.claim.ClaimType;
import io.dropflow.claim.Remedy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A consumer's defect claim as the storefront (or an operator) files it. */
@Schema(description = "A defect claim about a delivered order")
public record FileClaim(
        @Schema(description = "DAMAGED, WRONG_ITEM, MISSING_ITEM or QUALITY") @NotNull ClaimType type,
        @Schema(description = "The affected order lines and how many pieces of each")
        @NotEmpty @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines,
        @Schema(description = "The consumer's own words", example = "The mug arrived in pieces.")
        @NotBlank @Size(max = 4000) String description,
        @Schema(description = "Links to photos or videos (uploaded files go in the multipart request instead); a"
                + " DAMAGED, WRONG_ITEM or QUALITY claim needs at least one link or file")
        @Size(max = 10) List<@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> evidenceUrls,
        @Schema(description = "What the consumer wishes: REFUND (default) or RESHIP") Remedy wish) {

    public record Line(
            @Schema(description = "The order line's number (1 for the first line)", example = "1") @Positive int lineNo,
            @Schema(example = "1") @Positive @Max(1000) int quantity) {
    }

    public List<String> urls() {
        return evidenceUrls == null ? List.of() : evidenceUrls;
    }
}
