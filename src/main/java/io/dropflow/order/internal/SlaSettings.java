package io.dropflow.order.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ship-by deadlines ({@code dropflow.sla}). The hours themselves come from the shipping-SLA decision
 * table an analyst owns (bpmn/shipping-sla.dmn).
 *
 * @param reminderAt share of the ship-by time after which the supplier is reminded (0.75)
 * @param decisionTime how long an operator may leave a missed deadline undecided before supervisors are asked
 * @param hour how long one SLA hour lasts: PT1H, except in the demo, which makes deadlines pass within minutes
 */
@ConfigurationProperties("dropflow.sla")
public record SlaSettings(Double reminderAt, Duration decisionTime, Duration hour) {

    public SlaSettings {
        reminderAt = reminderAt == null ? 0.75 : reminderAt;
        decisionTime = decisionTime == null ? Duration.ofHours(4) : decisionTime;
        hour = hour == null ? Duration.ofHours(1) : hour;
        if (reminderAt <= 0 || reminderAt >= 1) {
            throw new IllegalArgumentException("dropflow.sla.reminder-at must be between 0 and 1, was " + reminderAt);
        }
    }

    public Duration hours(long hours) {
        return hour.multipliedBy(hours);
    }

    /** When the reminder is due for a deadline running from {@code from} to {@code shipBy}. */
    public Instant reminderDue(Instant from, Instant shipBy) {
        long millis = Duration.between(from, shipBy).toMillis();
        return from.plusMillis(Math.max(0, Math.round(millis * reminderAt)));
    }
}
