package io.dropflow.claim;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Defect claims ({@code dropflow.claims}). The response and resolution deadlines themselves come
 * from bpmn/claim-deadlines.dmn, by sales channel.
 *
 * @param window how long after delivery a consumer may file a claim
 * @param deliveryOverdueAfter a parcel shipped this long ago and still not delivered may be claimed too
 * @param hour how long one claim-deadline hour lasts: PT1H, except in the demo
 * @param evidenceWait how long the consumer has to send the evidence an operator asked for; silence closes the claim
 * @param maxFileSize largest photo or video accepted
 * @param maxFiles evidence items (files and links) one claim may hold
 * @param contentTypes accepted evidence types; the file's first bytes must match the declared type
 * @param replacementShipByHours claim hours a supplier has to ship a replacement
 */
@ConfigurationProperties("dropflow.claims")
public record ClaimSettings(Duration window, Duration deliveryOverdueAfter, Duration hour, Duration evidenceWait,
        DataSize maxFileSize, Integer maxFiles, List<String> contentTypes, Integer replacementShipByHours) {

    public ClaimSettings {
        window = window == null ? Duration.ofDays(30) : window;
        deliveryOverdueAfter = deliveryOverdueAfter == null ? Duration.ofDays(20) : deliveryOverdueAfter;
        hour = hour == null ? Duration.ofHours(1) : hour;
        evidenceWait = evidenceWait == null ? Duration.ofDays(3) : evidenceWait;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxFiles = maxFiles == null ? 10 : maxFiles;
        contentTypes = contentTypes == null
                ? List.of("image/jpeg", "image/png", "image/webp", "video/mp4", "video/quicktime")
                : List.copyOf(contentTypes);
        replacementShipByHours = replacementShipByHours == null ? 48 : replacementShipByHours;
    }

    public Duration hours(long hours) {
        return hour.multipliedBy(hours);
    }
}
