package io.dropflow.claim.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.RecordedHistory;
import io.dropflow.claim.ClaimType;
import io.dropflow.claim.Remedy;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimHandlingTest {

    private final Claims claims = mock(Claims.class);
    private final RecordedHistory history = new RecordedHistory();
    private final ConsumerMessages consumer = mock(ConsumerMessages.class);
    private final ClaimDeadlineTable table = mock(ClaimDeadlineTable.class);
    /** Demo-like: one claim hour lasts a minute. */
    private final ClaimSettings settings = new ClaimSettings(Duration.ofMinutes(1), null, null, null);
    private final ClaimHandling handling = new ClaimHandling(claims, history, consumer, table, settings, CLOCK);
    private final Claim claim = stored(ClaimTest.claimWishing(Remedy.REFUND), 7L);

    @BeforeEach
    void theClaimIsOnFile() {
        when(claims.get(7L)).thenReturn(claim);
        when(claims.locked(7L)).thenReturn(claim);
    }

    @Test
    void theClocksRunFromWhenTheConsumerFiledInClaimHours() {
        when(table.deadlinesFor("WEBSHOP", ClaimType.DAMAGED)).thenReturn(new ClaimDeadlineTable.Deadlines(24, 72, 12, 6, 3, 48, 36, 90, 12));

        ClaimHandling.Clocks clocks = handling.startClocks(7L);

        assertThat(clocks.respondBy()).isEqualTo(NOW.plus(Duration.ofMinutes(24)));
        assertThat(clocks.resolveBy()).isEqualTo(NOW.plus(Duration.ofMinutes(72)));
        assertThat(clocks.supplierAnswerTime()).isEqualTo(Duration.ofMinutes(12));
        assertThat(clocks.negotiationTime()).isEqualTo(Duration.ofMinutes(6));
        assertThat(clocks.negotiationRounds()).isEqualTo(3);
        assertThat(clocks.evidenceWait()).isEqualTo(Duration.ofMinutes(48));
        assertThat(clocks.replacementShipByHours()).isEqualTo(36);
        assertThat(clocks.replacementTime()).isEqualTo(Duration.ofMinutes(36));
        assertThat(claim.getRespondBy()).isEqualTo(clocks.respondBy());
        assertThat(history.lines()).containsExactly("DROPFLOW: Deadlines for a claim (Damaged, sold through Webshop): answer the consumer "
                + "within 24 h, resolve within 72 h; the supplier has 12 h and the operator 6 h per round, 3 round(s)");
    }

    @Test
    void anEvidenceRequestIsCountedAndTheClaimWaitsForEvidence() {
        assertThat(handling.evidenceRequested(7L)).isEqualTo(1);
        assertThat(handling.evidenceRequested(7L)).isEqualTo(2);

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.AWAITING_EVIDENCE);
    }

    @Test
    void eachEvidenceRequestReachesTheConsumerOnce() {
        handling.evidenceRequested(7L);

        handling.askForEvidence(7L);

        verify(consumer).send(claim, "evidence-1", "About your claim DF-CL7: please send more photos or a video of the "
                + "problem, so that we can settle it.");
    }
}
