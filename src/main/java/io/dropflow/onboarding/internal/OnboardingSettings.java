package io.dropflow.onboarding.internal;

import io.dropflow.supplier.SupplierGateway;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Supplier onboarding ({@code dropflow.onboarding}). Its deadlines and required documents are not
 * here: they are bpmn/onboarding-requirements.dmn's.
 *
 * @param maxFileSize largest document file accepted
 * @param maxFiles files one request may carry
 * @param contentTypes accepted document types; the file's first bytes must match the declared type
 * @param qualityCheck where samples are shipped for their quality check; its country is the
 *     seller's: an applicant from elsewhere applies cross-border
 */
@ConfigurationProperties("dropflow.onboarding")
public record OnboardingSettings(DataSize maxFileSize, Integer maxFiles, List<String> contentTypes,
        SupplierGateway.Address qualityCheck) {

    public OnboardingSettings {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxFiles = maxFiles == null ? 12 : maxFiles;
        contentTypes = contentTypes == null ? List.of("application/pdf", "image/jpeg", "image/png")
                : List.copyOf(contentTypes);
        qualityCheck = qualityCheck == null
                ? new SupplierGateway.Address("Quality check", "1 Seller Street", null, "10115", "Berlin", null, "DE", null)
                : qualityCheck;
        required("name", qualityCheck.name());
        required("line1", qualityCheck.line1());
        required("postal-code", qualityCheck.postalCode());
        required("city", qualityCheck.city());
        required("country", qualityCheck.country());
        if (!io.dropflow.web.CountryCode.Check.isCountry(qualityCheck.country())) {
            throw new IllegalStateException("dropflow.onboarding.quality-check.country must be an ISO 3166 alpha-2 "
                    + "country code like DE, found '" + qualityCheck.country() + "' (DROPFLOW_QUALITY_CHECK_COUNTRY in "
                    + "the postgres profile)");
        }
    }

    /**
     * A field of the sample address that is empty, or still the placeholder of an environment variable
     * nobody set (Spring binds an unresolved {@code ${...}} as it is), stops the start naming both.
     */
    private static void required(String field, String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException("dropflow.onboarding.quality-check." + field
                    + " is not set: where applicants ship their samples (the postgres profile reads it from "
                    + "DROPFLOW_QUALITY_CHECK_" + field.toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                    + (value == null ? ")" : "; found '" + value + "')"));
        }
    }

    /** Whether an applicant from {@code region} applies from abroad. */
    public boolean crossBorder(String region) {
        return !qualityCheck.country().equals(region);
    }
}
