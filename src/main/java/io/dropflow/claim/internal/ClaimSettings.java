package io.dropflow.claim.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Defect claims ({@code dropflow.claims}). The deadlines themselves (respond, resolve, the
 * supplier's and the operator's time per round, rounds, evidence wait, replacement ship-by) come
 * from bpmn/claim-deadlines.dmn, by sales channel and claim type, in claim hours; the claim window
 * and when an undelivered parcel is overdue from bpmn/after-sales-windows.dmn. Technical settings only.
 *
 * @param hour how long one claim-deadline hour lasts: PT1H, except in the demo
 * @param maxFileSize largest photo or video accepted
 * @param maxFiles evidence items (files and links) one claim may hold
 * @param contentTypes accepted evidence types; the file's first bytes must match the declared type
 */
@ConfigurationProperties("dropflow.claims")
public record ClaimSettings(Duration hour,
        DataSize maxFileSize, Integer maxFiles, List<String> contentTypes) {

    public ClaimSettings {
        hour = hour == null ? Duration.ofHours(1) : hour;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxFiles = maxFiles == null ? 10 : maxFiles;
        contentTypes = contentTypes == null
                ? List.of("image/jpeg", "image/png", "image/webp", "video/mp4", "video/quicktime")
                : List.copyOf(contentTypes);
    }

    public Duration hours(long hours) {
        return hour.multipliedBy(hours);
    }
}
