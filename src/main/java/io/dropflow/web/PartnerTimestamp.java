package io.dropflow.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time a partner gives its webhook call in {@value #HEADER}, in Unix seconds: for a supplier on
 * Dropflow's supplier API, the time it signed the call with, which the webhook filter checks against the
 * supplier's tolerance, and the time the supplier made what it reports (a stock push). Read here once for both.
 * The comparisons are in seconds, so that no value ({@link Long#MAX_VALUE} included) can overflow an Instant.
 *
 * @param epochSecond the header's Unix seconds
 */
public record PartnerTimestamp(long epochSecond) {

    public static final String HEADER = "X-Dropflow-Timestamp";
    /** How far a partner's time may be from Dropflow's clock, either way, unless its settings say otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** @return the header's value as Unix seconds (surrounding blanks ignored); empty when it is none */
    public static Optional<PartnerTimestamp> parse(String header) {
        try {
            return Optional.of(new PartnerTimestamp(Long.parseLong(header.trim())));
        } catch (NumberFormatException | NullPointerException notSeconds) {
            return Optional.empty();
        }
    }

    /** Earlier than {@code now} by more than {@code tolerance}. */
    public boolean olderThan(Duration tolerance, Instant now) {
        return epochSecond < now.getEpochSecond() - tolerance.toSeconds();
    }

    /** Later than {@code now} by more than {@code tolerance}. */
    public boolean aheadBy(Duration tolerance, Instant now) {
        return epochSecond > now.getEpochSecond() + tolerance.toSeconds();
    }

    /** @return the time as an Instant; empty beyond the range an Instant holds */
    public Optional<Instant> instant() {
        try {
            return Optional.of(Instant.ofEpochSecond(epochSecond));
        } catch (DateTimeException beyond) {
            return Optional.empty();
        }
    }

    /** A tolerance as a person reads it: "5 minutes", "1 minute", "90 s". */
    public static String words(Duration tolerance) {
        long seconds = tolerance.toSeconds();
        return seconds % 60 != 0 ? seconds + " s" : seconds / 60 + (seconds == 60 ? " minute" : " minutes");
    }
}
