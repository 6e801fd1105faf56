package io.dropflow.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.partners.PartnerCall;
import io.dropflow.partners.PartnerThrottled;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The order a call waits in: the account's pause, its rate limit, then the partner's own pacer. */
class ResilientPartnerCallsTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ResilientPartnerCalls calls = ResilientPartnerCalls.local(new PartnerSettings(null,
            Map.of("shop", new PartnerSettings.Limit(1.0, false, Duration.ofSeconds(3), null)), null), metrics,
            Clock.systemUTC());
    private final List<Duration> offered = new ArrayList<>();

    private PartnerCall call(Duration pace) {
        return new PartnerCall("shop", "a", "Orders", IllegalStateException::new).pacedBy(maxWait -> {
            offered.add(maxWait);
            return pace != null && pace.compareTo(maxWait) <= 0 ? pace : null;
        });
    }

    @Test
    void aPacersWaitIsSleptBeforeTheCallAndMeasuredAsAWait() {
        long started = System.nanoTime();
        String answer = calls.call(call(Duration.ofMillis(150)), outcome -> "sent after "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");

        assertThat(answer).matches("sent after (1[5-9]\\d|[2-9]\\d\\d) ms");
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
        calls.call(call(Duration.ZERO), outcome -> "first");
        // 1 call/s: the second waits for the next second, so the pacer is offered the rest of 3 s.
        calls.call(call(Duration.ZERO), outcome -> "second");

        assertThat(offered.get(0)).isGreaterThan(Duration.ofMillis(2900));
        assertThat(offered.get(1)).isLessThan(Duration.ofMillis(2600)).isPositive();
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
}
