package io.dropflow.order.internal;

import io.dropflow.processengine.RollingUpdateRepair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Marks on their shipment rows the given-up parcels a node of a version before V70 gave up (review s16 F5): such a node
 * writes the given-up record but not the mark ({@code shipment.given_up_at}), and a scan of an unmarked parcel reaches
 * the order's process as if it had not been given up (no "Given-up parcel …" task, and later scans do not tell it
 * again). V70 marked the parcels given up before it; this repeats its statement ({@link #MARK_SHIPMENTS}) on every
 * node, idempotent, so that no one has to after a rolling update ({@link RollingUpdateRepair}):
 * <ul>
 * <li>at each start, for every given-up parcel (those of an earlier rolling update too): one read of given_up_parcel;
 * <li>every {@value RollingUpdateRepair#EVERY_MINUTES} minutes, for the parcels given up in the last hour: during a
 * rolling update a node of the earlier version may give parcels up after the last new node started, until it stops;
 * once every node runs this version there are none, and the look costs a read of V78's index on
 * {@code given_up_parcel.given_up_at}.
 * </ul>
 * Until the next run such a parcel's scan can still reach the order's process (minutes, not until someone acts).
 * The order feature writes the carrier's row here, as V70 did: the given-up record is the order's.
 */
@Component
public class GivenUpParcelMarks implements RollingUpdateRepair {

    private static final Logger log = LoggerFactory.getLogger(GivenUpParcelMarks.class);

    /** The parcels given up since {@code :since}: read by V78's index on {@code given_up_parcel.given_up_at}. */
    public static final String GIVEN_UP_SINCE = "select g.shipment_id from given_up_parcel g"
            + " where g.given_up_at >= :since";

    /**
     * V70's statement, for the parcels given up since {@code :since} ({@link #GIVEN_UP_SINCE}): marks each on its row
     * of the carrier's shipment table ({@code given_up_at}) where the row does not say so yet, the row found by its
     * primary key; a parcel marked already is left as it is.
     */
    public static final String MARK_SHIPMENTS = "update shipment set given_up_at = (select g.given_up_at"
            + " from given_up_parcel g where g.shipment_id = shipment.id) where given_up_at is null and id in ("
            + GIVEN_UP_SINCE + ")";

    /** Longer than {@value RollingUpdateRepair#EVERY_MINUTES} minutes, and than the clocks of two nodes differ. */
    static final Duration LOOK_BACK = Duration.ofHours(1);

    private final GivenUpParcelRecords records;
    private final Clock clock;

    GivenUpParcelMarks(GivenUpParcelRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Every given-up parcel not marked, at each start of a node. */
    @Override
    public void atStart() {
        mark(Instant.EPOCH);
    }

    /** The parcels given up in the last hour, every few minutes. */
    @Override
    public void everyFewMinutes() {
        mark(clock.instant().minus(LOOK_BACK));
    }

    private void mark(Instant since) {
        int marked = records.markShipmentsGivenUpSince(since);
        if (marked > 0) {
            log.info("{} parcels given up by a node of a version before V70 marked on their shipment rows: their scans"
                    + " go to an operator from now on", marked);
        }
    }
}
