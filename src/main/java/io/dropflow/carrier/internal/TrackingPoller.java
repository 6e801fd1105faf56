package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierCallHeldBack;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.Tracking;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The polling fallback: a registered parcel without news for {@code dropflow.tracking.poll-after}
 * (pushes can stop: a lost subscription, a push we never got) is looked up at its tracking service
 * (Kuaidi100's real-time query, 17TRACK's gettrackinfo) and what it knows is recorded like a push.
 * Each parcel is asked at most once per {@code poll-after}, whether its lookup was answered or failed (a busy
 * service): a failed one is asked again {@code poll-after} later. A lookup held back by the partner's pace (no turn
 * within its limit, {@link CarrierCallHeldBack}) asked the service nothing: that parcel is left to the next round.
 */
@Component
public class TrackingPoller {

    private static final Logger log = LoggerFactory.getLogger(TrackingPoller.class);

    private final Shipments shipments;
    private final CarrierRouter carriers;
    private final Tracking tracking;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration pollAfter;
    private final boolean enabled;

    TrackingPoller(Shipments shipments, CarrierRouter carriers, Tracking tracking, PlatformTransactionManager transactions,
            Clock clock, @Value("${dropflow.tracking.poll-after:PT12H}") Duration pollAfter,
            @Value("${dropflow.tracking.polling-enabled:true}") boolean enabled) {
        this.shipments = shipments;
        this.carriers = carriers;
        this.tracking = tracking;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.pollAfter = pollAfter;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${dropflow.tracking.poll-interval:PT15M}",
            initialDelayString = "${dropflow.tracking.poll-interval:PT15M}")
    void scheduled() {
        if (enabled) {
            pollQuietParcels();
        }
    }

    /** @return how many quiet parcels the round took up (asked, failed, or left to the next round) */
    public int pollQuietParcels() {
        List<Long> quiet = shipments.quietSince(clock.instant().minus(pollAfter), Limit.of(100));
        for (Long id : quiet) {
            Shipment shipment = shipments.findById(id).orElseThrow();
            try {
                List<CarrierEvent> events = carriers.adapterFor(shipment.getCarrierCode())
                        .map(a -> a.poll(shipment.getCarrierCode(), shipment.getTrackingNumber(),
                                Consignee.ofPhone(shipment.getConsigneePhone())))
                        .orElse(List.of());
                // another parcel's scans under the same number (the number's whole history): left out
                tracking.receiveScans(events).forEach(leftOut -> log.info("Asked for quiet parcel {} {}: left out {}",
                        shipment.getCarrierCode(), shipment.getTrackingNumber(), leftOut));
                log.info("Asked for quiet parcel {} {}: {} events", shipment.getCarrierCode(), shipment.getTrackingNumber(),
                        events.size());
            } catch (CarrierCallHeldBack heldBack) {
                log.info("Quiet parcel {} {} left to the next round: {}", shipment.getCarrierCode(),
                        shipment.getTrackingNumber(), heldBack.getMessage());
                continue;
            } catch (RuntimeException failed) {
                log.warn("Could not ask for quiet parcel {} {}: {}", shipment.getCarrierCode(),
                        shipment.getTrackingNumber(), failed.toString());
            }
            transaction.executeWithoutResult(tx -> shipments.findById(id).ifPresent(s -> s.polled(clock.instant())));
        }
        return quiet.size();
    }
}
