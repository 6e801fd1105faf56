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

    /** One sweep, limited to the probe message (other test classes' leftovers are not ours to try). */
    private void sweep(long id) {
        inbox.sweep(inbox.dueForSweep().stream().filter(due -> due == id).toList());
    }

    @Test
    void aMessageNoProcessWaitsForIsTriedAgainLessOftenTheLongerItWaits() {
        String key = "sweep-probe-" + System.nanoTime();
        clockAt(Duration.ZERO);
        inbox.accept(new MessageInbox.Message("probe", key + "-e1", "SweepProbeEvent", key, null, null, Map.of()));
        long id = message(key).getId();
        assertThat(message(key).getNextTryAt()).as("a new message: at the next sweep").isNull();
        assertThat(inbox.dueForSweep()).contains(id);

        clockAt(Duration.ofSeconds(4));
        sweep(id);
        assertThat(message(key).getNextTryAt()).as("4 s old: again after the sweep's interval")
                .isEqualTo(RECEIVED.plusSeconds(4).plus(Duration.ofSeconds(5)));

        clockAt(Duration.ofMinutes(10));
        sweep(id);
        assertThat(message(key).getNextTryAt()).as("10 min old: again after a minute, not five")
                .isEqualTo(RECEIVED.plus(Duration.ofMinutes(11)));

        clockAt(Duration.ofMinutes(10).plusSeconds(30));
        assertThat(inbox.dueForSweep()).as("not due: left alone").doesNotContain(id);

        clockAt(Duration.ofMinutes(11));
        assertThat(inbox.dueForSweep()).as("due").contains(id);
        sweep(id);
        assertThat(message(key).getNextTryAt()).as("tried again").isEqualTo(RECEIVED.plus(Duration.ofMinutes(12)));
        assertThat(message(key).getStatus()).isEqualTo(InboxMessage.Status.PENDING);

        clockAt(Duration.ofMinutes(5));
        assertThat(inbox.dueForSweep()).as("the clock set back: a next try further than a minute away is due")
                .contains(id);
        inbox.notAwaitedAfterCommit(key); // ends the probe: its process (there is none) will never wait for it
    }
}
