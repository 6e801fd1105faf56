package io.dropflow.carrier.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The earliest moment a carrier's scan can be about a shipment's parcel: when its purchase order was placed (its
 * row written, before the supplier is called; the forwarding's own time when that is earlier, for a row from
 * before). The supplier hands a parcel to the carrier only after it got the order; packing takes longer than any
 * clock skew between the carrier and us, so no allowance is added. A scan dated before is about another parcel
 * under the same number ({@link io.dropflow.carrier.TrackingEventBeforeParcel}). Empty for a purchase order not
 * forwarded (yet) or unknown: no lower bound, the scan is taken as before.
 *
 * <p>The supplier feature owns the purchase order and depends on this one (it records the parcels), so this reads
 * the columns it needs, {@code purchase_order.created_at} and {@code forwarded_at}, by id rather than through the supplier's API (which
 * would make the two features depend on each other). A lookup the supplier feature offers through an interface of
 * this one would be the cleaner way.
 */
@Component
class ParcelOrigin {

    private final JdbcTemplate jdbc;
    private final io.dropflow.processengine.SellerTime time;

    ParcelOrigin(JdbcTemplate jdbc, io.dropflow.processengine.SellerTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /**
     * A scan dated before the shipment's purchase order was placed ({@code notBefore}), refused as another parcel's:
     * with the purchase order's number and the times as the seller reads them.
     */
    io.dropflow.carrier.TrackingEventBeforeParcel notOurs(io.dropflow.carrier.CarrierEvent event, Shipment shipment,
            Instant notBefore) {
        String number = jdbc.query("select idempotency_key from purchase_order where id = ?", (row, n) -> row.getString(1),
                shipment.getPurchaseOrderId()).stream().findFirst().orElse("of order " + shipment.getOrderId());
        return new io.dropflow.carrier.TrackingEventBeforeParcel(event, notBefore, io.dropflow.carrier.TrackingEventBeforeParcel
                .describe(event, number, time.format(event.occurredAt()), time.format(notBefore)));
    }

    Optional<Instant> notBefore(Shipment shipment) {
        if (shipment.getPurchaseOrderId() == null) {
            return Optional.empty();
        }
        // The earlier of the two: the forwarding is recorded when the supplier's answer is, which may come long after
        // the supplier got the order (an answer lost, the step retried days later); the row is written before any call
        // (read as timestamps: H2, the demo's database, hands a "timestamp with time zone" over as an OffsetDateTime
        // where PostgreSQL hands a Timestamp, and the demo took every scan)
        return jdbc.query("select created_at, forwarded_at from purchase_order where id = ?",
                (row, n) -> java.util.stream.Stream.of(row.getTimestamp("created_at"), row.getTimestamp("forwarded_at")),
                shipment.getPurchaseOrderId()).stream()
                .flatMap(times -> times).filter(java.util.Objects::nonNull).map(Timestamp::toInstant)
                .min(java.util.Comparator.naturalOrder());
    }
}
