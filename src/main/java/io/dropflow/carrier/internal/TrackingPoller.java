package io.dropflow.carrier.internal;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.Tracking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * service, or a "slow down" 429 after its tries went out): a failed one is asked again {@code poll-after} later. A
 * lookup held back by the partner's pace before it was sent (no turn within its limit, a pause the partner asked for
 * earlier: {@link CarrierCallHeldBack}) asked the service nothing: that parcel is left to the next round.
 * A node that stops in the middle of a round leaves the parcels it claimed and did not ask to {@code poll-after} later.
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

    /**
     * One round. Every node runs it, so the round first claims its parcels in a short transaction: they are locked
     * (a parcel another node is claiming is skipped) and marked polled before any is asked, so a node that starts
     * its round at the same time or later finds them asked and leaves them. Each quiet parcel is asked once by the
     * cluster per {@code poll-after} (Kuaidi100 locks a number asked too often, and every query is paid).
     *
     * @return how many quiet parcels the round took up (asked, failed, or left to the next round)
     */
    public int pollQuietParcels() {
        Instant now = clock.instant();
        List<Claimed> claimed = transaction.execute(tx -> shipments.claimQuietSince(now.minus(pollAfter), Limit.of(100))
                .stream().map(s -> {
                    Claimed parcel = new Claimed(s.getId(), s.getCarrierCode(), s.getTrackingNumber(),
                            s.getConsigneePhone(), s.getPolledAt());
                    s.polled(now);
                    return parcel;
                }).toList());
        for (Claimed parcel : claimed) {
            try {
                List<CarrierEvent> events = carriers.adapterFor(parcel.carrierCode())
                        .map(a -> a.poll(parcel.carrierCode(), parcel.trackingNumber(),
                                Consignee.ofPhone(parcel.consigneePhone())))
                        .orElse(List.of());
                // another parcel's scans under the same number (the number's whole history): left out
                tracking.receiveScans(events).forEach(leftOut -> log.info("Asked for quiet parcel {} {}: left out {}",
                        parcel.carrierCode(), parcel.trackingNumber(), leftOut));
                log.info("Asked for quiet parcel {} {}: {} events", parcel.carrierCode(), parcel.trackingNumber(),
                        events.size());
            } catch (CarrierCallHeldBack heldBack) {
                log.info("Quiet parcel {} {} left to the next round: {}", parcel.carrierCode(), parcel.trackingNumber(),
                        heldBack.getMessage());
                transaction.executeWithoutResult(tx -> shipments.findById(parcel.id())
                        .ifPresent(s -> s.notPolled(parcel.polledBefore())));
            } catch (RuntimeException failed) {
                log.warn("Could not ask for quiet parcel {} {}: {}", parcel.carrierCode(), parcel.trackingNumber(),
                        failed.toString());
            }
        }
        return claimed.size();
    }

    /** What the round needs of a claimed parcel once its claiming transaction has ended. */
    private record Claimed(Long id, String carrierCode, String trackingNumber, String consigneePhone,
            Instant polledBefore) {
    }
}
