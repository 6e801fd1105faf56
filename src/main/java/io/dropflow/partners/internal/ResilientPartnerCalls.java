package io.dropflow.partners.internal;

import io.dropflow.partners.PartnerCall;
import io.dropflow.partners.PartnerCalls;
import io.dropflow.partners.PartnerThrottled;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@link PartnerCalls} with Resilience4j. A try of a call while the account is paused (the partner
 * answered with a long Retry-After) is refused at once, to be retried by its job later. Otherwise it
 * waits, in this order, for a {@link RateLimiter} per partner account (this node's share), the
 * {@link ClusterPace} where the account's limit holds for the whole cluster, and the call's own
 * {@link PartnerCall.Pacer} if it has one; each is offered what is left of the partner's max-wait, so
 * the three together never wait longer than it. A {@link Retry} waits out a partner's short
 * Retry-After and tries again (at most twice). Every try is timed into {@code dropflow.partner.calls}
 * with the tags partner, operation, outcome and code; every wait for a turn into
 * {@code dropflow.partner.waits}. A thread interrupted while it waits (the node stops) sends nothing.
 */
@Component
public class ResilientPartnerCalls implements PartnerCalls {

    static final String METRIC = "dropflow.partner.calls";
    static final String WAITS = "dropflow.partner.waits";
    private static final Logger log = LoggerFactory.getLogger(ResilientPartnerCalls.class);

    private final PartnerSettings settings;
    private final ObjectProvider<ClusterPace> pace;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final Map<String, LocalPace> localPaces = new ConcurrentHashMap<>();

    ResilientPartnerCalls(PartnerSettings settings, ObjectProvider<ClusterPace> pace, MeterRegistry metrics, Clock clock) {
        this.settings = settings;
        this.pace = pace;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Without the cluster's pace (each limit holds per node): for adapter tests that run without a database. */
    public static ResilientPartnerCalls local(PartnerSettings settings, MeterRegistry metrics, Clock clock) {
        return new ResilientPartnerCalls(settings, new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(ClusterPace.class), metrics, clock);
    }

    /**
     * In the cluster's pace where the limit is cluster-wide and there is a database, else in this node's:
     * keyed {@code partner@key}, apart from the accounts' {@code partner:account}.
     */
    @Override
    public PartnerCall.Pacer sharedPace(String partner, String key, PartnerCall.Limit limit) {
        String paceKey = partner + "@" + key;
        double rate = limit.requestsPerSecond();
        return maxWait -> {
            ClusterPace cluster = pace.getIfAvailable();
            if (limit.clusterWide() && cluster != null) {
                return cluster.reserve(paceKey, rate, maxWait);
            }
            return localPaces.computeIfAbsent(paceKey + "@" + rate, k -> new LocalPace(rate)).reserve(maxWait);
        };
    }

    /** One node's slots, at least 1/rate apart; a slot further away than the caller may wait is not booked. */
    private static final class LocalPace {

        private final long intervalNanos;
        private long nextFree = System.nanoTime();

        LocalPace(double rate) {
            this.intervalNanos = (long) (1_000_000_000L / rate);
        }

        synchronized Duration reserve(Duration maxWait) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextFree);
            if (slot - now > maxWait.toNanos()) {
                return null;
            }
            nextFree = slot + intervalNanos;
            return Duration.ofNanos(slot - now);
        }
    }

    @Override
    public <T> T call(PartnerCall call, Function<Outcome, T> body) {
        // Every log line of the call names the partner (a job's lines name its process already).
        String outer = org.slf4j.MDC.get("partner");
        org.slf4j.MDC.put("partner", call.partner());
        try {
            return limitedAndRetried(call, body);
        } finally {
            if (outer == null) {
                org.slf4j.MDC.remove("partner");
            } else {
                org.slf4j.MDC.put("partner", outer);
            }
        }
    }

    private <T> T limitedAndRetried(PartnerCall call, Function<Outcome, T> body) {
        PartnerSettings.Limit defaults = settings.limit(call.partner());
        double rate = call.limit() != null ? call.limit().requestsPerSecond() : defaults.requestsPerSecond();
        boolean clusterWide = call.limit() != null ? call.limit().clusterWide() : defaults.clusterWide();
        String key = call.partner() + ":" + call.account();
        Retry retry = Retry.of(key, RetryConfig.custom().maxAttempts(3)
                .retryOnException(e -> e instanceof PartnerThrottled t
                        && (t.retryAfter() == null || t.retryAfter().compareTo(defaults.maxRetryAfter()) <= 0))
                .intervalBiFunction((attempt, failure) -> failure.isLeft() && failure.getLeft() instanceof PartnerThrottled t
                        && t.retryAfter() != null ? Math.max(t.retryAfter().toMillis(), 50) : 500L * attempt)
                .build());
        try {
            return retry.executeSupplier(() -> {
                awaitTurn(call, key, rate, clusterWide, defaults.maxWait());
                return timed(call, body);
            });
        } catch (PartnerThrottled throttled) {
            // Interrupted while waiting out a short Retry-After (the node stops): refuse, and pause nobody.
            failIfInterrupted(call);
            Duration wait = throttled.retryAfter() == null ? Duration.ofSeconds(30) : throttled.retryAfter();
            Instant until = clock.instant().plus(wait);
            pausedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
            ClusterPace cluster = pace.getIfAvailable();
            if (clusterWide && cluster != null) {
                cluster.pauseUntil(key, until);
            }
            log.warn("{} asked to slow down ({}): calls for {} pause until {}", call.partner(), throttled.getMessage(),
                    call.account(), until);
            throw call.unavailable().apply(call.partner() + " asked to slow down (" + throttled.getMessage()
                    + "); its calls pause until " + until + " and this one is retried while its step has tries left");
        }
    }

    private void awaitTurn(PartnerCall call, String key, double rate, boolean clusterWide, Duration maxWait) {
        Instant paused = pausedUntil.get(key);
        if (paused != null && paused.isAfter(clock.instant())) {
            count(call, "paused", "paused");
            throw call.unavailable().apply(call.partner() + " asked us to wait until " + paused + " before calling "
                    + call.operation() + " again (retried while the step has tries left)");
        }
        long started = System.nanoTime();
        RateLimiter limiter = limiters.computeIfAbsent(key + "@" + rate, k -> RateLimiter.of(k, RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, (int) Math.floor(rate)))
                .limitRefreshPeriod(rate >= 1 ? Duration.ofSeconds(1) : Duration.ofMillis((long) (1000 / rate)))
                .timeoutDuration(maxWait).build()));
        boolean permitted = limiter.acquirePermission();
        waited(call, "rate-limit", Duration.ofNanos(System.nanoTime() - started));
        // Interrupted while the limiter held the call, or before (a permit granted at once does not look at
        // the flag): refused as interrupted, before anything is booked.
        failIfInterrupted(call);
        if (!permitted) {
            count(call, "paced", "rate-limit");
            throw call.unavailable().apply(call.partner() + " " + call.operation() + " waited " + maxWait
                    + " for its turn under " + rate + " calls/s (retried while the step has tries left)");
        }
        ClusterPace cluster = pace.getIfAvailable();
        if (clusterWide && cluster != null) {
            Duration left = left(maxWait, started);
            Duration wait = cluster.reserve(key, rate, left);
            if (wait == null) {
                count(call, "paced", "rate-limit");
                throw call.unavailable().apply(call.partner() + " " + call.operation() + " has no free slot within "
                        + left + " under the account's " + rate + " calls/s (retried while the step has tries left)");
            }
            waited(call, "cluster", wait);
            sleep(call, wait);
        }
        if (call.pacer() != null) {
            // The partner's own measure gets what is left of the call's wait, and books only a call that goes.
            Duration left = left(maxWait, started);
            Duration wait = call.pacer().reserve(left);
            if (wait == null) {
                count(call, "paced", "partner-pace");
                throw call.unavailable().apply(call.partner() + " " + call.operation() + " finds no room in the "
                        + "partner's own limit within " + left + " (retried while the step has tries left)");
            }
            waited(call, "partner-pace", wait);
            sleep(call, wait);
        }
        failIfInterrupted(call);
    }

    private static Duration left(Duration maxWait, long startedNanos) {
        Duration left = maxWait.minusNanos(System.nanoTime() - startedNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A thread asked to stop (the node shuts down) sends nothing; its job is retried. */
    private static void failIfInterrupted(PartnerCall call) {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(call);
        }
    }

    private static RuntimeException interrupted(PartnerCall call) {
        return call.unavailable().apply(call.partner() + " " + call.operation()
                + " was interrupted while waiting for its turn (retried while the step has tries left)");
    }

    /** How long calls wait for their turn, by what they waited for: {@code dropflow.partner.waits}. */
    private void waited(PartnerCall call, String reason, Duration wait) {
        Timer.builder(WAITS).description("Time calls to partners waited for their turn, by partner, operation and reason")
                .tag("partner", call.partner()).tag("operation", call.operation()).tag("reason", reason)
                .register(metrics).record(wait.isNegative() ? Duration.ZERO : wait);
    }

    private <T> T timed(PartnerCall call, Function<Outcome, T> body) {
        String[] code = {null};
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "ok";
        try {
            return body.apply(c -> code[0] = c);
        } catch (PartnerThrottled e) {
            outcome = "throttled";
            throw e;
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName().contains("Unavailable") ? "unavailable"
                    : e.getClass().getSimpleName().contains("Refused") ? "refused" : "failed";
            if (code[0] == null) {
                code[0] = e.getCause() instanceof java.net.http.HttpTimeoutException
                        || String.valueOf(e.getMessage()).contains("in time") ? "timeout" : "error";
            }
            if (outcome.equals("failed") && io.dropflow.partners.CallFailure.NOT_REACHED.contains(code[0])) {
                // not reached, whichever exception the adapter wraps it in (Shopify's too): as a supplier's
                outcome = "unavailable";
            }
            throw e;
        } finally {
            sample.stop(Timer.builder(METRIC).description("Calls to partners, by partner, operation, outcome and answer code")
                    .tag("partner", call.partner()).tag("operation", call.operation()).tag("outcome", outcome)
                    .tag("code", code[0] == null ? "none" : code[0]).register(metrics));
        }
    }

    private void count(PartnerCall call, String outcome, String code) {
        Timer.builder(METRIC).tag("partner", call.partner()).tag("operation", call.operation()).tag("outcome", outcome)
                .tag("code", code).register(metrics).record(Duration.ZERO);
    }

    /** Waits for the call's turn; a thread interrupted meanwhile (the node stops) does not send it. */
    private static void sleep(PartnerCall call, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanosPart() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(call);
        }
    }
}
