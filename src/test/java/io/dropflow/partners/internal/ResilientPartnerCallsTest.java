package io.dropflow.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dropflow.partners.PartnerCall;
import io.dropflow.partners.PartnerThrottled;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The order a call waits in: the account's pause, its rate limit, then the partner's own pacer. */
class ResilientPartnerCallsTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ResilientPartnerCalls calls = ResilientPartnerCalls.local(new PartnerSettings(null,
            Map.of("slow", new PartnerSettings.Limit(0.5, false, Duration.ofSeconds(3), null)), null), metrics,
            Clock.systemUTC());
    private final List<Duration> offered = new ArrayList<>();

    private PartnerCall call(Duration pace) {
        return call("shop", pace);
    }

    private PartnerCall call(String partner, Duration pace) {
        return new PartnerCall(partner, "a", "Orders", IllegalStateException::new).pacedBy(maxWait -> {
            offered.add(maxWait);
            return pace != null && pace.compareTo(maxWait) <= 0 ? pace : null;
        });
    }

    @Test
    void aPacersWaitIsSleptBeforeTheCallAndMeasuredAsAWait() {
        long started = System.nanoTime();
        long sentAfter = calls.call(call(Duration.ofMillis(150)), outcome -> System.nanoTime() - started);

        assertThat(Duration.ofNanos(sentAfter)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(metrics.get(ResilientPartnerCalls.WAITS).tag("reason", "partner-pace").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(150.0);
    }

    @Test
    void aCallThePacerFindsNoRoomForIsNotSentAndIsCountedAsPaced() {
        AtomicInteger sent = new AtomicInteger();

        assertThatThrownBy(() -> calls.call(call(null), outcome -> sent.incrementAndGet()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Orders finds no room")
                .hasMessageContaining("retried");
        assertThat(sent).hasValue(0);
        assertThat(metrics.get(ResilientPartnerCalls.METRIC).tag("outcome", "paced").tag("code", "partner-pace")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void thePacerGetsWhatIsLeftOfTheWaitAfterTheRateLimit() {
        calls.call(call("slow", Duration.ZERO), outcome -> "first");
        // One call per 2 s: the second waits for the limiter, then the pacer is offered the rest of 3 s.
        calls.call(call("slow", Duration.ZERO), outcome -> "second");

        Duration limiterWait = Duration.ofNanos((long) metrics.get(ResilientPartnerCalls.WAITS).tag("partner", "slow")
                .tag("reason", "rate-limit").timer().max(TimeUnit.NANOSECONDS));
        assertThat(limiterWait).as("the second call waited for the rate limit").isGreaterThan(Duration.ofSeconds(1));
        assertThat(offered.get(1).plus(limiterWait)).as("what is left, not the whole wait again")
                .isLessThanOrEqualTo(Duration.ofSeconds(3)).isGreaterThan(Duration.ofMillis(2500));
    }

    @Test
    void theClusterPaceGetsWhatIsLeftOfTheWaitAfterTheRateLimit() {
        List<Duration> clusterOffered = new ArrayList<>();
        ClusterPace cluster = new ClusterPace(null, null, Clock.systemUTC()) {
            @Override
            Duration reserve(String key, double requestsPerSecond, Duration maxWait) {
                clusterOffered.add(maxWait);
                return Duration.ZERO;
            }
        };
        var beans = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        beans.addBean("clusterPace", cluster);
        ResilientPartnerCalls clustered = new ResilientPartnerCalls(new PartnerSettings(null,
                Map.of("slow", new PartnerSettings.Limit(0.5, true, Duration.ofSeconds(3), null)), null),
                beans.getBeanProvider(ClusterPace.class), metrics, Clock.systemUTC());

        clustered.call(call("slow", Duration.ZERO), outcome -> "first");
        clustered.call(call("slow", Duration.ZERO), outcome -> "second");

        assertThat(clusterOffered).hasSize(2);
        assertThat(clusterOffered.get(1)).as("3 s less the second call's wait for the rate limit")
                .isLessThan(Duration.ofMillis(1500));
        assertThat(offered.get(1)).as("the pacer gets what the cluster left").isLessThanOrEqualTo(clusterOffered.get(1));
    }

    @Test
    void aThreadInterruptedWhileTheRateLimitHoldsItBackIsToldSoAndNotCountedAsPaced() throws Exception {
        calls.call(call("slow", Duration.ZERO), outcome -> "first");
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread job = onJobThread(failure, () -> calls.call(call("slow", Duration.ZERO), outcome -> sent.incrementAndGet()));
        waitsIn(job, "io.github.resilience4j.ratelimiter");
        job.interrupt();
        job.join(5_000);

        assertThat(sent).hasValue(0);
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        assertThat(metrics.find(ResilientPartnerCalls.METRIC).tag("outcome", "paced").timers()).isEmpty();
        assertThat(offered).as("nothing booked with the partner's own limit").hasSize(1);
    }

    @Test
    void aPausedAccountBooksNothingWithThePacerAndEachTryIsBookedOnce() {
        AtomicInteger tries = new AtomicInteger();
        // A short Retry-After is waited out inside the call: two tries, two bookings.
        String answer = calls.call(call(Duration.ZERO), outcome -> {
            if (tries.incrementAndGet() == 1) {
                throw new PartnerThrottled("slow down", Duration.ofMillis(1100));
            }
            return "answered";
        });
        assertThat(answer).isEqualTo("answered");
        assertThat(offered).hasSize(2);

        // A long one pauses the account: the next call is refused before the pacer books anything.
        assertThatThrownBy(() -> calls.call(call(Duration.ZERO), outcome -> {
            throw new PartnerThrottled("slow down", Duration.ofSeconds(60));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("pause");
        int booked = offered.size();
        assertThatThrownBy(() -> calls.call(call(Duration.ZERO), outcome -> "sent"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("asked us to wait");
        assertThat(offered).hasSize(booked);
    }

    @Test
    void aThreadInterruptedWhileWaitingForItsTurnDoesNotSendTheCall() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch paced = new CountDownLatch(1);
        PartnerCall call = new PartnerCall("shop", "a", "Orders", IllegalStateException::new).pacedBy(maxWait -> {
            paced.countDown();
            return Duration.ofSeconds(9);
        });
        long started = System.nanoTime();
        Thread job = onJobThread(failure, () -> calls.call(call, outcome -> sent.incrementAndGet()));
        assertThat(paced.await(5, TimeUnit.SECONDS)).isTrue();
        job.interrupt();
        job.join(5_000);

        assertThat(job.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped waiting when interrupted")
                .isLessThan(Duration.ofSeconds(6));
        assertThat(sent).as("the node is stopping: the engine retries the job, the call is not sent early").hasValue(0);
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
    }

    @Test
    void aThreadInterruptedBeforeItsTurnSendsNothingEvenWithoutAWait() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread job = onJobThread(failure, () -> {
            Thread.currentThread().interrupt();
            calls.call(call(Duration.ZERO), outcome -> sent.incrementAndGet());
        });
        job.join(5_000);

        assertThat(sent).hasValue(0);
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        assertThat(offered).as("nothing booked with the partner's own limit").isEmpty();
    }

    @Test
    void aThreadInterruptedWhileWaitingOutAShortRetryAfterPausesNobody() throws Exception {
        CountDownLatch throttled = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread job = onJobThread(failure, () -> {
            calls.call(call(Duration.ZERO), outcome -> {
                throttled.countDown();
                throw new PartnerThrottled("slow down", null);
            });
        });
        assertThat(throttled.await(5, TimeUnit.SECONDS)).isTrue();
        waitsIn(job, "io.github.resilience4j.retry");
        job.interrupt();
        job.join(5_000);

        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        String answer = calls.call(call(Duration.ZERO), outcome -> "sent");
        assertThat(answer).as("the account is not paused").isEqualTo("sent");
    }

    /** Until the thread waits (parked or asleep) with a frame of {@code where} on its stack: no guessed sleep. */
    private static void waitsIn(Thread thread, String where) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() ->
                thread.getState() == Thread.State.TIMED_WAITING && java.util.Arrays.stream(thread.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith(where)));
    }

    /** Runs a call on a thread of its own, as a job thread would, keeping what it threw. */
    private static Thread onJobThread(AtomicReference<Throwable> failure, Runnable call) {
        Thread job = new Thread(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        job.start();
        return job;
    }

    /**
     * Exploratory s16 ops, 5: a refused connection was counted code "timeout", and as "failed" for Shopify (its adapter
     * throws an IllegalStateException) where a supplier's is "unavailable". The code says what CallFailure read, and a
     * partner not reached is "unavailable" whatever the adapter wraps it in.
     */
    @Test
    void aPartnerNotReachedIsUnavailableWithTheCodeOfWhatHappened() {
        java.net.ConnectException refused = new java.net.ConnectException();
        refused.initCause(new java.nio.channels.ClosedChannelException());
        org.springframework.web.client.ResourceAccessException unreachable =
                new org.springframework.web.client.ResourceAccessException("I/O error on POST request: null", refused);

        assertThatThrownBy(() -> calls.call(call(Duration.ZERO), outcome -> {
            outcome.code(io.dropflow.partners.CallFailure.code(unreachable));
            throw new IllegalStateException("Shopify did not answer the access token request", unreachable);
        })).isInstanceOf(IllegalStateException.class);

        assertThat(metrics.get(ResilientPartnerCalls.METRIC).tag("partner", "shop").tag("outcome", "unavailable")
                .tag("code", "refused").timer().count()).isEqualTo(1);
    }
}
