package io.dropflow.groupbuy.internal;

import io.dropflow.processengine.RollingUpdateRepair;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pays the group-buy refunds claimed and left unpaid (review s17 F13): a claim older than {@link Refunding#SENDING_LEASE}
 * is one no job is paying. Normally its step's retry pays it; but during a rolling update to V74 a node of the version
 * before can run that retry, look only for lines due, find none of that order and complete the step, and nothing else
 * would pay it. Every node looks at each start and every {@value RollingUpdateRepair#EVERY_MINUTES} minutes
 * ({@link RollingUpdateRepair}), and pays each such claim under its key, once ({@link Refunding#payStaleClaim}: under
 * the order's row lock the claim is taken over as a retry takes it, so two nodes' sweeps, or a sweep and a job, do not
 * both pay it; the ledger is booked when it is recorded paid, once). Once every node runs this version a claim goes
 * stale only when its job died, and the look costs one read of the refunds not paid (a handful at most).
 *
 * <p>A claim it cannot pay (the storefront down) is tried again at the next run, once its new claim is older than the
 * lease; each run logs it as an error and sets the gauge {@value #STRANDED_GAUGE} to how many it could not pay, for an
 * operator's alert (there is no process step left to raise an incident on).
 */
@Component
class StaleRefundClaims implements RollingUpdateRepair {

    private static final Logger log = LoggerFactory.getLogger(StaleRefundClaims.class);

    static final String STRANDED_GAUGE = "dropflow.groupbuy.refunds.stranded";

    private final GroupBuyRefunds refunds;
    private final Refunding refunding;
    private final Clock clock;
    private final AtomicInteger stranded;
    /** This node's sweep, as the sender of the claims it takes over. */
    private final String sender = "refund-sweep-" + UUID.randomUUID();

    StaleRefundClaims(GroupBuyRefunds refunds, Refunding refunding, Clock clock, MeterRegistry registry) {
        this.refunds = refunds;
        this.refunding = refunding;
        this.clock = clock;
        this.stranded = registry.gauge(STRANDED_GAUGE, new AtomicInteger());
    }

    /** At each start of a node, and every few minutes: every stale claim. */
    @Override
    public void everyFewMinutes() {
        List<Long> orders = refunds.findByRefundedAtIsNullAndSendingSinceBefore(
                clock.instant().minus(Refunding.SENDING_LEASE)).stream()
                .map(GroupBuyRefund::getGroupBuyOrderId).distinct().sorted().toList();
        int paid = 0;
        int failed = 0;
        for (Long order : orders) {
            try {
                if (refunding.payStaleClaim(order, sender)) {
                    paid++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.error("Group-buy order {}: its refund was claimed and not paid, and paying it under its key failed;"
                        + " tried again in {} minutes", order, EVERY_MINUTES, e);
            }
        }
        stranded.set(failed);
        if (paid > 0) {
            log.info("{} group-buy refunds claimed and left unpaid (a job that died, or a step a node from before V74"
                    + " completed) paid under their keys", paid);
        }
    }
}
