package io.dropflow.processengine;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the seller's operators read them: in the seller's time zone
 * ({@code dropflow.seller.time-zone}), with the zone named, "2026-12-02 15:04 (Asia/Shanghai)".
 * Every task form and every operator-facing text Dropflow writes formats its moments here.
 */
@Component
public class SellerTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;
    private final Clock clock;

    SellerTime(@Value("${dropflow.seller.time-zone:UTC}") String zone, Clock clock) {
        this.zone = zone(zone);
        this.clock = clock;
    }

    /** For tests and callers outside Spring: {@link #now} is the system's time. */
    public static SellerTime in(String zone) {
        return new SellerTime(zone, Clock.systemUTC());
    }

    /** For tests: {@link #now} is {@code clock}'s time. */
    public static SellerTime in(String zone, Clock clock) {
        return new SellerTime(zone, clock);
    }

    /** This moment, by the one clock (the engine's): "2026-12-02 15:04 (Asia/Shanghai)". */
    public String now() {
        return format(clock.instant());
    }

    /**
     * "2026-12-02 15:04 (Asia/Shanghai)"; null for no moment. A moment no calendar in the zone reaches (a partner's
     * date in the year +999999999) is written as it came, in ISO-8601: "+999999999-12-31T23:59:59Z".
     */
    public String format(Instant at) {
        if (at == null) {
            return null;
        }
        try {
            return MINUTES.format(at.atZone(zone)) + " (" + zone.getId() + ")";
        } catch (java.time.DateTimeException beyondTheCalendar) {
            return at.toString();
        }
    }

    /** The seller's calendar day of a moment. */
    public LocalDate date(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    public ZoneId zone() {
        return zone;
    }

    private static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("dropflow.seller.time-zone is empty: set a time zone such as UTC or Asia/Shanghai");
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("dropflow.seller.time-zone '" + id
                    + "' is not a time zone: use a region id such as Asia/Shanghai or Europe/Berlin, or UTC", e);
        }
    }
}
