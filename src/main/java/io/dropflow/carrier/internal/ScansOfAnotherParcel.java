package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.TrackingEventBeforeParcel;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.processengine.FormFacts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A carrier's scan dated before the parcel's purchase order was placed ({@link TrackingEventBeforeParcel}: another
 * parcel's under a number used again) in an account of the number's whole history that tells our parcel's scans too
 * (a Kuaidi100 or 17TRACK push, an answer to polling). The account is taken for our scans; such a scan is kept for an
 * operator at once, as the normalized webhook keeps one sent alone ({@link EarlyCarrierEvents}: partner
 * {@value EarlyCarrierEvents#PARTNER}, the carrier's code as account, its event id, one task for a parcel's scans
 * while it is open), once: the same history pushed again raises nothing more. Before (note s14, "Not mended"), it was
 * left out in silence; a push of such scans alone goes to an operator whole, as its handler says.
 */
@Component
class ScansOfAnotherParcel {

    /** Lazily: the recorded deliveries take the carrier's handlers in, which follow the parcels through this feature. */
    private final ObjectProvider<PartnerDeliveries> deliveries;

    ScansOfAnotherParcel(ObjectProvider<PartnerDeliveries> deliveries) {
        this.deliveries = deliveries;
    }

    /** In the caller's transaction. */
    void keep(TrackingEventBeforeParcel notOurs) {
        CarrierEvent event = notOurs.event();
        PartnerDeliveries recorded = deliveries.getObject();
        if (recorded.recordNotApplied(EarlyCarrierEvents.PARTNER, event.carrierCode(), "tracking/" + event.status(),
                event.eventId(), RecordedCarrierEvents.json(event), notOurs.getMessage(), true)) {
            recorded.describe(new PartnerDeliveries.Recorded(EarlyCarrierEvents.PARTNER, event.carrierCode(),
                    event.eventId()), notOurs.getMessage() + EarlyCarrierEvents.NOT_OURS,
                    new FormFacts().put("parcel", event.carrierCode() + " " + event.trackingNumber()));
        }
    }
}
