package io.dropflow.processengine.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the inbox's sweep tries a pending message again. */
class InboxMessageTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration LONGEST = Duration.ofMinutes(1);

    private final InboxMessage message = new InboxMessage("probe", "e1", "Probe", "order-1", null, null, "{}", RECEIVED);

    @Test
    void noProcessWaitingMeansAgainAfterHalfItsAgeBetweenTheIntervalAndTheLongest() {
        message.notAwaitedYet(RECEIVED.plusSeconds(2), INTERVAL, LONGEST);
        assertThat(message.getNextTryAt()).isEqualTo(RECEIVED.plusSeconds(7));

        message.notAwaitedYet(RECEIVED.plusSeconds(60), INTERVAL, LONGEST);
        assertThat(message.getNextTryAt()).isEqualTo(RECEIVED.plusSeconds(90));

        message.notAwaitedYet(RECEIVED.plus(Duration.ofHours(1)), INTERVAL, LONGEST);
        assertThat(message.getNextTryAt()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(61)));
    }

    @Test
    void aFailedDeliveryIsTriedAtTheNextSweepWhateverWasPlanned() {
        message.notAwaitedYet(RECEIVED.plus(Duration.ofHours(1)), INTERVAL, LONGEST);

        message.failed("ENGINE-03005 optimistic locking");

        assertThat(message.getNextTryAt()).isNull();
        assertThat(message.getStatus()).isEqualTo(InboxMessage.Status.PENDING);
    }
}
