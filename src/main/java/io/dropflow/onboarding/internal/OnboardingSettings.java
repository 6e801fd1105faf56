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
        SupplierGateway.Address address = qualityCheck;
        List<String> problems = QualityCheckAddress.problems(field -> set(switch (field) {
            case "name" -> address.name();
            case "line1" -> address.line1();
            case "postal-code" -> address.postalCode();
            case "city" -> address.city();
            default -> address.country();
        }), QualityCheckAddress.FIELDS);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /** A field that is empty, or still the placeholder of an environment variable nobody set, is not set. */
    private static java.util.Optional<String> set(String value) {
        return value == null || value.isBlank() || value.contains("${") ? java.util.Optional.empty()
                : java.util.Optional.of(value);
    }

    /** Whether an applicant from {@code region} applies from abroad. */
    public boolean crossBorder(String region) {
        return !qualityCheck.country().equals(region);
    }
}
