package io.dropflow.carrier.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The earliest moment a carrier's scan can be about a shipment's parcel: when its purchase order was forwarded to
 * the supplier (the supplier hands a parcel to the carrier only after it got the order; packing takes longer than
 * any clock skew between the carrier and us, so no allowance is added). A scan dated before is about another parcel
 * under the same number ({@link io.dropflow.carrier.TrackingEventBeforeParcel}). Empty for a purchase order not
 * forwarded (yet) or unknown: no lower bound, the scan is taken as before.
 *
 * <p>The supplier feature owns the purchase order and depends on this one (it records the parcels), so this reads
 * the one column it needs, {@code purchase_order.forwarded_at}, by id rather than through the supplier's API (which
 * would make the two features depend on each other). A lookup the supplier feature offers through an interface of
 * this one would be the cleaner way.
 */
@Component
class ParcelOrigin {

    private final JdbcTemplate jdbc;

    ParcelOrigin(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> notBefore(Shipment shipment) {
        if (shipment.getPurchaseOrderId() == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("select forwarded_at from purchase_order where id = ?", Timestamp.class,
                shipment.getPurchaseOrderId()).stream().filter(java.util.Objects::nonNull).map(Timestamp::toInstant)
                .findFirst();
    }
}
