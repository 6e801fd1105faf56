package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.web.DecimalDigits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A supplier's application as its portal sends it: who it is, what it sells, the documents it
 * uploads (described here, the files in the request's parts named by their type) and the agreement
 * it proposes: its currency, quality terms and the offers it would supply.
 */
@Schema(description = "A supplier's application to be onboarded")
public record ApplicationForm(
        @Schema(description = "The code it will be known by in the catalog", example = "JADE-KITCHEN")
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,63}", message = "must be 1 to 64 upper-case letters, digits, '_' or '-'")
        String code,
        @Schema(example = "Jade Kitchenware Co., Ltd.") @NotBlank @Size(max = 200) String companyName,
        @NotNull @Valid Contact contact,
        @Schema(description = "ISO 3166 country it ships from", example = "CN")
        @NotBlank @io.dropflow.web.CountryCode String region,
        @Schema(description = "Product categories it applies for, as the catalog spells them", example = "[\"homeware\"]")
        @NotEmpty @Size(min = 1, max = 10) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}",
                message = "must be 1 to 32 lower-case letters, digits or '-'") String> categories,
        @Schema(description = "The uploaded documents: one entry per file part, the part named by the type")
        @Size(max = 12) List<@NotNull @Valid DocumentInfo> documents,
        @NotNull @Valid ProposedAgreement agreement) {

    public record Contact(@Schema(example = "Li Wei") @NotBlank @Size(max = 200) String name,
            @Schema(example = "li.wei@jade-kitchen.example") @NotBlank @Email @Size(max = 320) String email,
            @Schema(example = "+86 20 5555 0100") @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*",
                    message = "must be a phone number") String phone) {
    }

    /** One uploaded document: its type (the request part holding its file), its number, and until when it is valid. */
    public record DocumentInfo(@NotNull DocumentType type,
            @Schema(description = "The number on the document", example = "91440101MA5CXXXX0X") @Size(max = 100)
            @Pattern(regexp = "[\\p{L}\\p{N} ./-]*", message = "must be letters, digits, spaces or ./-") String reference,
            @Schema(description = "Last day it is valid; none for documents without an end") LocalDate expiresOn) {
    }

    /**
     * The agreement the applicant proposes: its currency, quality terms and the offers it would supply.
     * Sent back as an application's GET shows it, its read-only fields there are taken and ignored.
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"revisions", "revisionNote", "revisionDueBy"})
    public record ProposedAgreement(
            @Schema(description = "ISO 4217: every supply price is in it", example = "USD")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
            @Schema(example = "AQL 2.5 inspection; defects above 2 % are replaced at the supplier's cost")
            @NotBlank @Size(max = 4000) String qualityTerms,
            @NotEmpty @Size(min = 1, max = 500) List<@NotNull @Valid ProposedOffer> offers) {
    }

    /** One offer: our SKU, the supplier's, its supply price and shipping in the agreement's currency, stock, ship time. */
    public record ProposedOffer(@Schema(example = "DEMO-WOK") @NotBlank @Size(max = 64) String sku,
            @Schema(example = "JK-WOK-32") @NotBlank @Size(max = 64) String supplierSku,
            @Schema(example = "7.80") @NotNull @PositiveOrZero @DecimalDigits(integer = 15, fraction = 4) BigDecimal supplyPrice,
            @Schema(example = "3.20") @NotNull @PositiveOrZero @DecimalDigits(integer = 15, fraction = 4) BigDecimal shippingCost,
            @Schema(example = "300") @PositiveOrZero @Max(10_000_000) int stock,
            @Schema(example = "CN") @NotBlank @io.dropflow.web.CountryCode
            String shipFrom,
            @Schema(description = "Ship-by hours the supplier agrees to", example = "72") @Min(1) @Max(720) int shipByHours,
            @Schema(example = "homeware") @NotBlank @Size(max = 32) String category) {
    }

    public List<DocumentInfo> documentList() {
        return documents == null ? List.of() : documents;
    }
}
