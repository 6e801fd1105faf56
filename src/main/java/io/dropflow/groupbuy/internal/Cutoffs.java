package io.dropflow.groupbuy.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Service;

/**
 * When a pickup point's next cutoff is, in its own time zone, from the analysts' table: the first
 * moment after now of the cycle that starts at the table's local cutoff time and repeats every
 * {@code cutoffEvery} (a daily cycle follows the wall clock, also across a change to summer time).
 */
@Service
public class Cutoffs {

    private final CutoffTable table;

    Cutoffs(CutoffTable table) {
        this.table = table;
    }

    /** The next cutoff, and the day the goods are expected at the point. */
    public record Cutoff(Instant at, LocalDate expectedOn) {
    }

    public Cutoff next(PickupPoint point, Instant now) {
        CutoffTable.Terms terms = terms(point);
        Instant at = next(now, point.zone(), terms.cutoffTime(), terms.cutoffEvery());
        return new Cutoff(at, at.atZone(point.zone()).toLocalDate().plusDays(terms.deliveryDays()));
    }

    /** How long the point's consumers have to collect. */
    public Duration collectWithin(PickupPoint point) {
        return terms(point).collectWithin();
    }

    /** How long the point's leader has to confirm a delivered parcel before an operator looks into it. */
    public Duration confirmReceiptWithin(PickupPoint point) {
        return terms(point).confirmReceiptWithin();
    }

    private CutoffTable.Terms terms(PickupPoint point) {
        // a point stored before regions were checked may say "新疆": the table reads "Xinjiang"; one that is no region of
        // China ("Urumqi", a city) is read as stored and gets the default terms, until a change corrects it
        String region = ChinaRegion.asStored(point.getCountry(), point.getRegion(), stored -> stored);
        return table.termsFor(point.getCode(), point.getCountry(), region == null ? "" : region);
    }

    /**
     * The first cutoff strictly after {@code now}.
     *
     * @param every whole days ("P1D", "P2D") or a time ("PT2M", "PT6H")
     */
    static Instant next(Instant now, ZoneId zone, LocalTime at, String every) {
        if (!every.contains("T")) {
            int days = Period.parse(every).getDays();
            if (days <= 0) {
                throw new IllegalStateException("group-buy-cutoff.dmn: cutoffEvery " + every + " is not a positive number of days");
            }
            ZonedDateTime cutoff = now.atZone(zone).toLocalDate().atTime(at).atZone(zone);
            while (!cutoff.toInstant().isAfter(now)) {
                cutoff = cutoff.toLocalDate().plusDays(days).atTime(at).atZone(zone);
            }
            return cutoff.toInstant();
        }
        Duration step = Duration.parse(every);
        if (step.isNegative() || step.isZero()) {
            throw new IllegalStateException("group-buy-cutoff.dmn: cutoffEvery " + every + " is not a positive duration");
        }
        Instant anchor = now.atZone(zone).toLocalDate().atTime(at).atZone(zone).toInstant();
        long steps = Math.floorDiv(Duration.between(anchor, now).toMillis(), step.toMillis()) + 1;
        return anchor.plus(step.multipliedBy(steps));
    }
}
