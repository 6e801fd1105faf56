package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.carrier.Tracking;
import io.dropflow.processengine.SellerTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Noticing when the consumer's return parcel goes quiet, as {@code order}'s Delivery does for the
 * outbound one: stalled only after the return's trackingStallHours (bpmn/return-deadlines.dmn, fixed when the
 * return starts) without any tracking news, counted
 * from its latest event (or from the label when there is none). Tracking events do not wake the
 * process; its silence timer asks here when it fires and is armed again while the parcel moves.
 */
@Service
public class ReturnParcelWatch {

    private final Tracking tracking;
    private final CaseHistory history;
    private final Clock clock;
    /** The operator reads the times as the seller does, as everywhere in the case's history (not UTC ISO-8601). */
    private final SellerTime time;

    ReturnParcelWatch(Tracking tracking, CaseHistory history, Clock clock, SellerTime time) {
        this.tracking = tracking;
        this.history = history;
        this.clock = clock;
        this.time = time;
    }

    /** When the parcel counts as stalled unless news comes: {@code stallAfter} after its latest news. */
    public Instant stalledAt(Long shipmentId, Duration stallAfter) {
        return tracking.shipment(shipmentId).lastNewsAt().plus(stallAfter);
    }

    /** The silence timer fired: stalled when no news came since; otherwise the wait goes on. */
    public boolean stalled(Long returnId, Long shipmentId, Duration stallAfter) {
        Instant news = tracking.shipment(shipmentId).lastNewsAt();
        boolean stalled = !clock.instant().isBefore(news.plus(stallAfter));
        if (stalled) {
            history.record(CaseKind.RETURN, returnId, Party.CARRIER, "No tracking news since " + time.format(news)
                    + ": return parcel stalled");
        }
        return stalled;
    }
}
