package io.dropflow.aftersales;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static io.dropflow.aftersales.AfterSalesFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseCourseTest {

    private final RecordedHistory history = new RecordedHistory();
    private final SampleCase sample = stored(new SampleCase(NOW.minus(Duration.ofDays(1))), 7L);
    private CaseCourse course;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void oneClaimIsOnFile() {
        CaseRepository<SampleCase> cases = mock(CaseRepository.class);
        when(cases.kind()).thenReturn(CaseKind.CLAIM);
        when(cases.get(7L)).thenReturn(sample);
        course = new CaseCourse(List.of(cases), history, CLOCK);
    }

    @Test
    void theModelMovesAnOpenCaseByTheStatusName() {
        course.moveTo(CaseKind.CLAIM, 7L, "WAITING");

        assertThat(sample.getStatus()).isEqualTo(SampleCase.Status.WAITING);
        assertThat(sample.getUpdatedAt()).isEqualTo(NOW);
        assertThat(sample.getClosedAt()).isNull();
    }

    @Test
    void anEndedCaseStaysAsItEnded() {
        course.end(CaseKind.CLAIM, 7L, "DONE", "the supplier refunded");
        course.moveTo(CaseKind.CLAIM, 7L, "WAITING");

        assertThat(sample.getStatus()).isEqualTo(SampleCase.Status.DONE);
        assertThat(sample.getClosedAt()).isEqualTo(NOW);
    }

    @Test
    void endingACaseKeepsTheReasonForTheConsumerAndSaysSoInItsHistory() {
        course.end(CaseKind.CLAIM, 7L, "DROPPED", "no further evidence came");

        assertThat(sample.getOutcomeReason()).isEqualTo("no further evidence came");
        assertThat(history.lines()).containsExactly("DROPFLOW: Claim dropped: no further evidence came");
    }

    @Test
    void anEscalationWithoutAReasonFromTheModelSaysSo() {
        course.escalate(CaseKind.CLAIM, 7L, null);

        assertThat(sample.isEscalated()).isTrue();
        assertThat(history.lines()).containsExactly("DROPFLOW: Escalated to supervisors: no reason given");
    }

    @Test
    void aTaskThatMissedItsDeadlineIsNamedInTheHistory() {
        course.taskOverdue(CaseKind.CLAIM, 7L, "Review defect claim", "not done by the deadline to answer the consumer");

        assertThat(sample.isEscalated()).isTrue();
        assertThat(history.lines()).containsExactly(
                "DROPFLOW: 'Review defect claim' not done by the deadline to answer the consumer: escalated to supervisors");
    }
}
