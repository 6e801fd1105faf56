package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Tracking;
import io.dropflow.partners.DeliveryHandler.Result;
import io.dropflow.web.NotFound;
import java.util.List;

/**
 * A tracking partner's push of a number's whole history (Kuaidi100's and 17TRACK's), taken as one delivery: the
 * scans go through {@link Tracking#receiveScans}; those dated before the shipment's purchase order was placed are
 * another parcel's under the same number, left out: beside scans of ours, each is kept for an operator (by
 * {@link Tracking#receiveScans}), and a push of nothing else goes to an operator whole.
 */
public final class PushedHistory {

    private PushedHistory() {
    }

    /**
     * @param scans what the partner calls a scan, for the answer: "records", "events"
     * @param carrier and {@code number}: the parcel, for the answer ("SF 1234")
     */
    public static Result take(Tracking tracking, List<CarrierEvent> events, String scans, String carrier, String number) {
        List<String> notOurs;
        try {
            notOurs = tracking.receiveScans(events);
        } catch (NotFound unknown) {
            return Result.notYet("no shipment of ours is " + carrier + " " + number + " (yet)");
        }
        if (!notOurs.isEmpty() && notOurs.size() == events.size()) {
            return Result.unusable(String.join("; ", notOurs));
        }
        return Result.taken(events.size() - notOurs.size() + " " + scans + " of " + carrier + " " + number
                + (notOurs.isEmpty() ? "" : "; left out: " + String.join("; ", notOurs)));
    }
}
