package io.dropflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates and date-times of request bodies as the API documents them: ISO 8601 text ({@code "2026-12-07T10:00:00Z"},
 * {@code "2028-06-30"}) with a year from 1900 to 9999.
 * <ul>
 * <li>Jackson reads a number, or text of digits, as seconds or days since 1970: a JavaScript millisecond timestamp
 * ({@code 1796630400000}) made an exchange rate valid from the year 58902, a {@code 20280630} a certificate valid
 * until 57496, both answered 201. Our own API refuses a number for a date-time (its fields are typed, as
 * {@link JsonInput} says); a partner's webhook takes Unix seconds, as partners send them, and the year range
 * catches milliseconds. A date ({@link LocalDate}) is never a number, from anyone: no one counts days since 1970,
 * the number is a yyyymmdd.</li>
 * <li>A date is a day: {@code "2028-06-30T00:00:00Z"} for one is refused, not cut to its day.</li>
 * <li>The years 1900 to 9999, as the carrier webhook bounds {@code occurredAt}: four digits, as ISO 8601 writes a
 * year without its expanded form; a calendar day every database column of ours holds (PostgreSQL's {@code date}
 * and {@code timestamp} hold more, but a far year such as {@code +999999999-12-31} was stored as another date
 * through JDBC and answered back changed); nothing Dropflow dates (a rate, a paper's expiry, a tracking scan) is
 * before 1900 or after 9999.</li>
 * <li>A date-time is kept to the microsecond, as the database keeps it: on our own API one with a finer fraction of
 * a second ({@code "2026-12-07T10:00:00.123456789Z"}) is refused, naming the field, not cut without a word (closing
 * note s15: its answer, and a later comparison with what the client kept, differed from what was sent). Zeros
 * beyond the sixth digit change nothing and are taken. A partner's webhook keeps its time cut to the microsecond:
 * partners send what their documents say, and refusing their events would lose them.</li>
 * <li>A text that is no such date ({@code "2026-12-07T10:00:00"} without its offset, a date alone for a date-time, a
 * comma before the fraction) is refused saying what it should be, with the example.</li>
 * <li>A text java.time reads that is no time: a leap second (23:59:60, read as 23:59:59 on any day) on our own API, an
 * offset from UTC beyond ±14:00 or with seconds from anyone ({@link #timeRefusal(String)}).</li>
 * </ul>
 * Query parameters of our own API that carry an instant (the order list's {@code createdFrom}, {@code createdTo}) are
 * held to the same years and microsecond, in the same words ({@link #refusal(Instant)}): PostgreSQL's driver rounds a
 * finer time to the microsecond, so the filter applied was not the one sent (exploratory test s17, D10).
 */
public final class IsoDates {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    private static final Instant FIRST = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("+" + (LAST_YEAR + 1) + "-01-01T00:00:00Z");

    private static final Pattern DIGITS = Pattern.compile("\\s*[+-]?\\d+(\\.\\d*)?\\s*");

    /** A time of day's second 60: java.time reads 23:59:60 on any day as 23:59:59 (exploratory test s18, H10). */
    private static final Pattern LEAP_SECOND = Pattern.compile("T\\d{2}:\\d{2}:60");

    /** The offset from UTC after a time of day: its sign, hours, minutes and seconds ("+08:00", "+0800", "+18"). */
    private static final Pattern OFFSET = Pattern.compile(
            "T[0-9:.,]*([+-])(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?\\s*$");

    /** The largest offset from UTC a place on Earth keeps (Kiribati's +14:00); java.time takes up to ±18:00. */
    private static final int MOST_OFFSET_MINUTES = 14 * 60;

    private static final Map<Class<?>, String> EXAMPLES = Map.of(
            Instant.class, "2026-12-07T10:00:00Z", OffsetDateTime.class, "2026-12-07T10:00:00Z",
            ZonedDateTime.class, "2026-12-07T10:00:00Z", LocalDateTime.class, "2026-12-07T10:00:00",
            LocalDate.class, "2028-06-30");

    /** What a text the reader cannot read should have been, in words. */
    private static final Map<Class<?>, String> SHAPES = Map.of(
            Instant.class, "a date and time with its offset from UTC", OffsetDateTime.class,
            "a date and time with its offset from UTC", ZonedDateTime.class, "a date and time with its offset from UTC",
            LocalDateTime.class, "a date and time", LocalDate.class, "a date");

    private IsoDates() {
    }

    /** Our own API: dates and date-times as text only. */
    static SimpleModule asText() {
        return module("dropflow-iso-dates", false);
    }

    /** Partners' webhooks: date-times as text or Unix seconds; dates as text only. */
    static SimpleModule orUnixSeconds() {
        return module("dropflow-iso-dates-or-unix-seconds", true);
    }

    private static SimpleModule module(String name, boolean unixSeconds) {
        SimpleModule module = new SimpleModule(name);
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return EXAMPLES.containsKey(type) ? new Checked(deserializer, type, unixSeconds) : deserializer;
            }
        });
        return module;
    }

    private static final class Checked extends DelegatingDeserializer {

        private final Class<?> type;
        private final boolean unixSeconds;

        Checked(JsonDeserializer<?> delegate, Class<?> type, boolean unixSeconds) {
            super(delegate);
            this.type = type;
            this.unixSeconds = unixSeconds;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, type, unixSeconds);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            boolean date = type == LocalDate.class;
            JsonToken token = parser.currentToken();
            boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                    || token == JsonToken.VALUE_STRING && DIGITS.matcher(parser.getText()).matches();
            if (number && (date || !unixSeconds)) {
                throw refused(parser, "must be a " + (date ? "date" : "date and time") + " as ISO 8601 text (\""
                        + EXAMPLES.get(type) + "\"), not a number");
            }
            if (date && token == JsonToken.VALUE_STRING && parser.getText().indexOf('T') >= 0) {
                throw refused(parser, "must be a date without a time, as ISO 8601 text (\"" + EXAMPLES.get(type) + "\")");
            }
            if (!date && token == JsonToken.VALUE_STRING) {
                // a leap second from a partner is a real moment: its second is kept as java.time reads it (:59)
                Optional<String> unreal = timeRefusal(parser.getText(), !unixSeconds);
                if (unreal.isPresent()) {
                    throw refused(parser, "must be " + SHAPES.get(type) + ", as ISO 8601 text (\"" + EXAMPLES.get(type)
                            + "\"): " + unreal.get());
                }
            }
            Object value;
            try {
                value = super.deserialize(parser, context);
            } catch (com.fasterxml.jackson.databind.exc.InvalidFormatException unreadable) {
                // Jackson's own words named no format: "has a value of the wrong type" (exploratory s17, D13)
                throw refused(parser, "must be " + SHAPES.get(type) + ", as ISO 8601 text (\"" + EXAMPLES.get(type)
                        + "\")" + (unixSeconds && type != LocalDate.class ? " or Unix seconds" : ""));
            }
            if (value != null) {
                Optional<String> refusal = refusal(value, unixSeconds);
                if (refusal.isPresent()) {
                    throw refused(parser, refusal.get());
                }
            }
            return value;
        }

        private RefusedValue refused(JsonParser parser, String message) {
            return new RefusedValue(parser, type, message);
        }
    }

    /**
     * What is wrong with an instant a query parameter of our own API carries, in the words a request body's date-time
     * is refused with (after the parameter's name: "must be a date between the years 1900 and 9999"), or nothing.
     */
    public static Optional<String> refusal(Instant instant) {
        return refusal(instant, false);
    }

    /**
     * What is wrong with a date-time text java.time would read, though it is no time Dropflow takes, in words that
     * follow "must be … (example): ", or nothing: a second 60 (a leap second, which java.time reads as 23:59:59 on any
     * day, so that a rate valid from 23:59:60Z was stored from 23:59:59Z without a word), an offset from UTC beyond
     * ±14:00 (java.time takes up to ±18:00; no place on Earth keeps one) or with seconds, which ISO 8601's offsets do
     * not have (exploratory test s18, H10). A query parameter of our own API ({@code createdFrom}) is held to it too.
     */
    public static Optional<String> timeRefusal(String text) {
        return timeRefusal(text, true);
    }

    private static Optional<String> timeRefusal(String text, boolean leapSeconds) {
        if (text == null) {
            return Optional.empty();
        }
        if (leapSeconds && LEAP_SECOND.matcher(text).find()) {
            return Optional.of("a minute's seconds are 00 to 59, Dropflow takes no leap second (23:59:60)");
        }
        java.util.regex.Matcher offset = OFFSET.matcher(text);
        if (offset.find()) {
            int minutes = Integer.parseInt(offset.group(2)) * 60
                    + (offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3)));
            if (minutes > MOST_OFFSET_MINUTES || offset.group(3) != null && Integer.parseInt(offset.group(3)) > 59) {
                return Optional.of("an offset from UTC is between -14:00 and +14:00, was " + offset.group(1)
                        + offset.group(2) + (offset.group(3) == null ? "" : ":" + offset.group(3))
                        + (offset.group(4) == null ? "" : ":" + offset.group(4)));
            }
            if (offset.group(4) != null) {
                return Optional.of("an offset from UTC is hours and minutes (+08:00), without seconds, was "
                        + offset.group(1) + offset.group(2) + ":" + offset.group(3) + ":" + offset.group(4));
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a date or date-time read (its year; its time finer than a microsecond but from partners). */
    private static Optional<String> refusal(Object value, boolean unixSeconds) {
        if (!withinYears(value)) {
            return Optional.of("must be a date between the years " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        if (!unixSeconds && finerThanMicroseconds(value)) {
            return Optional.of("must be a date and time to the microsecond at most (up to six digits after the"
                    + " second, \"2026-12-07T10:00:00.123456Z\"): Dropflow keeps no finer time");
        }
        return Optional.empty();
    }

    /** Whether the time has digits beyond the microsecond that are not zero (the database would cut them). */
    private static boolean finerThanMicroseconds(Object value) {
        int nanos = value instanceof Instant instant ? instant.getNano()
                : value instanceof OffsetDateTime dateTime ? dateTime.getNano()
                : value instanceof ZonedDateTime dateTime ? dateTime.getNano()
                : value instanceof LocalDateTime dateTime ? dateTime.getNano() : 0;
        return nanos % 1_000 != 0;
    }

    /** Whether the year as sent (an instant's in UTC) is one of 1900 to 9999. */
    private static boolean withinYears(Object value) {
        if (value instanceof Instant instant) {
            return !instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST);
        }
        int year = value instanceof OffsetDateTime dateTime ? dateTime.getYear()
                : value instanceof ZonedDateTime dateTime ? dateTime.getYear()
                : value instanceof LocalDateTime dateTime ? dateTime.getYear()
                : value instanceof LocalDate day ? day.getYear() : FIRST_YEAR;
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
