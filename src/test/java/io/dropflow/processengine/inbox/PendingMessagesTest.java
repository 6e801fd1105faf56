package io.dropflow.processengine.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.JpaSliceTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A business key's pending messages as the running transaction sees them, its own unwritten changes
 * included, and as the repository answers outside a transaction.
 */
@JpaSliceTest
@Import(PendingMessages.class)
class PendingMessagesTest {

    @Autowired
    PendingMessages pending;
    @Autowired
    InboxMessages messages;

    private InboxMessage stored(String key, String event) {
        return messages.save(new InboxMessage("probe", key + "-" + event, "ProbeEvent", key, null, null, "{}",
                Instant.parse("2026-12-05T00:00:00Z")));
    }

    @Test
    void seesThisTransactionsOwnChangesBeforeTheyAreWritten() {
        String key = "pending-probe-" + System.nanoTime();
        InboxMessage first = stored(key, "e1");
        InboxMessage second = stored(key, "e2");
        stored("other-" + key, "e1");
        assertThat(pending.idsFor(key)).containsExactly(first.getId(), second.getId());

        first.delivered(Instant.parse("2026-12-05T00:01:00Z")); // managed and changed, not yet written
        assertThat(pending.idsFor(key)).containsExactly(second.getId());
        assertThat(pending.idsFor(key)).isEqualTo(messages.pendingIdsFor(key));
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void outsideATransactionAnswersAsTheRepository() {
        String key = "pending-probe-" + System.nanoTime();
        InboxMessage first = stored(key, "e1");
        try {
            assertThat(pending.idsFor(key)).containsExactly(first.getId());
        } finally {
            messages.delete(first);
        }
    }
}
