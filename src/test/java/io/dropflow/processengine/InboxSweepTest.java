package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.processengine.inbox.InboxMessage;
import io.dropflow.support.DropflowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox's sweep leaves a message no process waits for alone for longer the longer it has
 * waited: half its age, at least the sweep's interval, at most a minute (ADR 2, addendum).
 */
@DropflowTest
class InboxSweepTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-02T10:00:00Z");

    @Autowired
    MessageInbox inbox;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void clockAt(Duration sinceReceipt) {
        ClockUtil.setCurrentTime(Date.from(RECEIVED.plus(sinceReceipt)));
    }

    private InboxMessage message(String key) {
        return inbox.messagesFor(key).get(0);
    }

    @Test
    void aMessageNoProcessWaitsForIsTriedAgainLessOftenTheLongerItWaits() {
        String key = "sweep-probe-" + System.nanoTime();
        clockAt(Duration.ZERO);
        inbox.accept(new MessageInbox.Message("probe", key + "-e1", "SweepProbeEvent", key, null, null, Map.of()));
        assertThat(message(key).getNextTryAt()).as("a new message: at the next sweep").isNull();

        clockAt(Duration.ofSeconds(4));
        inbox.sweepOnce();
        assertThat(message(key).getNextTryAt()).as("4 s old: again after the sweep's interval")
                .isEqualTo(RECEIVED.plusSeconds(4).plus(Duration.ofSeconds(5)));

        clockAt(Duration.ofMinutes(10));
        inbox.sweepOnce();
        assertThat(message(key).getNextTryAt()).as("10 min old: again after a minute, not five")
                .isEqualTo(RECEIVED.plus(Duration.ofMinutes(11)));

        clockAt(Duration.ofMinutes(10).plusSeconds(30));
        inbox.sweepOnce();
        assertThat(message(key).getNextTryAt()).as("not due: left alone").isEqualTo(RECEIVED.plus(Duration.ofMinutes(11)));

        clockAt(Duration.ofMinutes(11));
        inbox.sweepOnce();
        assertThat(message(key).getNextTryAt()).as("due: tried again").isEqualTo(RECEIVED.plus(Duration.ofMinutes(12)));
        assertThat(message(key).getStatus()).isEqualTo(InboxMessage.Status.PENDING);
    }
}
