package io.dropflow.groupbuy.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long SLA hours last and when the supplier is reminded: the same settings as single orders'
 * ship-by deadlines ({@code dropflow.sla.hour}, {@code dropflow.sla.reminder-at}).
 */
@Component
public class ShipByClock {

    private final Duration hour;
    private final double reminderAt;

    ShipByClock(@Value("${dropflow.sla.hour:PT1H}") Duration hour, @Value("${dropflow.sla.reminder-at:0.75}") double reminderAt) {
        this.hour = hour;
        this.reminderAt = reminderAt;
    }

    public Duration hours(long hours) {
        return hour.multipliedBy(hours);
    }

    public Instant reminderDue(Instant from, Instant shipBy) {
        long millis = Duration.between(from, shipBy).toMillis();
        return from.plusMillis(Math.max(0, Math.round(millis * reminderAt)));
    }
}
