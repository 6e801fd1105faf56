package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.carrier.Tracking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Noticing when the consumer's return parcel goes quiet, as {@code order}'s Delivery does for the
 * outbound one: stalled only after dropflow.tracking.stall-after without any tracking news, counted
 * from its latest event (or from the label when there is none). Tracking events do not wake the
 * process; its silence timer asks here when it fires and is armed again while the parcel moves.
 */
@Service
public class ReturnParcelWatch {

    private final Tracking tracking;
    private final CaseHistory history;
    private final Clock clock;
    private final Duration stallAfter;

    ReturnParcelWatch(Tracking tracking, CaseHistory history, Clock clock,
            @Value("${dropflow.tracking.stall-after}") Duration stallAfter) {
        this.tracking = tracking;
        this.history = history;
        this.clock = clock;
        this.stallAfter = stallAfter;
    }

    /** When the parcel counts as stalled unless news comes. */
    public Instant stalledAt(Long shipmentId) {
        return tracking.shipment(shipmentId).lastNewsAt().plus(stallAfter);
    }

    /** The silence timer fired: stalled when no news came since; otherwise the wait goes on. */
    public boolean stalled(Long returnId, Long shipmentId) {
        Instant news = tracking.shipment(shipmentId).lastNewsAt();
        boolean stalled = !clock.instant().isBefore(news.plus(stallAfter));
        if (stalled) {
            history.record(CaseKind.RETURN, returnId, Party.CARRIER, "No tracking news since " + news
                    + ": return parcel stalled");
        }
        return stalled;
    }
}
