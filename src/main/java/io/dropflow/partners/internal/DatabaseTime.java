package io.dropflow.partners.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code timestamp with time zone} column as a plain JDBC read gives it back: the PostgreSQL driver
 * answers a {@link Timestamp}, H2 (the demo's database) an {@link OffsetDateTime}.
 */
final class DatabaseTime {

    private DatabaseTime() {
    }

    /** The instant {@code value} holds, or null for a null column. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException("not a point in time: " + value.getClass().getName());
    }
}
