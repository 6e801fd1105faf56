package io.dropflow.aftersales.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseCourse;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.processengine.MissingProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * Session 12 (explorer "code", 10a): {@code caseStatus.close}'s third argument was a variable's name or, when that
 * variable was unset, the text itself, so an unset {@code rejectionReason} closed the case with the reason
 * "rejectionReason". Now each method means one thing.
 */
class CaseStatusUpdatesTest {

    private final CaseCourse course = mock(CaseCourse.class);
    private final CaseStatusUpdates caseStatus = new CaseStatusUpdates(course);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    CaseStatusUpdatesTest() {
        when(execution.getProcessBusinessKey()).thenReturn("claim-7");
    }

    @Test
    void closeWithReasonInTakesTheVariablesText() {
        when(execution.getVariable("rejectionReason")).thenReturn("the photos show no defect");

        caseStatus.closeWithReasonIn(execution, "REJECTED", "rejectionReason");

        verify(course).end(CaseKind.CLAIM, 7L, "REJECTED", "the photos show no defect");
    }

    @Test
    void closeWithReasonInAnUnsetVariableFailsNamingIt() {
        when(execution.getCurrentActivityId()).thenReturn("end_rejected");

        assertThatThrownBy(() -> caseStatus.closeWithReasonIn(execution, "REJECTED", "rejectionReason"))
                .isInstanceOf(MissingProcessVariable.class).hasMessageContaining("'rejectionReason'")
                .hasMessageContaining("end_rejected");
        verify(course, never()).end(any(), any(), anyString(), anyString());
    }

    @Test
    void closeBecauseTakesTheWordsEvenWhereAVariableHasThatName() {
        when(execution.getVariable("duplicate")).thenReturn("a variable's text");

        caseStatus.closeBecause(execution, "CLOSED", "duplicate");

        verify(course).end(CaseKind.CLAIM, 7L, "CLOSED", "duplicate");
    }

    /** Instances of models deployed before 7 December 2026 still call close: it keeps its two meanings. */
    @Test
    @SuppressWarnings("deprecation")
    void closeOfEarlierModelsStillTakesEither() {
        when(execution.getVariable("closeReason")).thenReturn("settled by phone");

        caseStatus.close(execution, "CLOSED", "closeReason");
        caseStatus.close(execution, "CLOSED", "the consumer sent no further evidence in time");

        verify(course).end(CaseKind.CLAIM, 7L, "CLOSED", "settled by phone");
        verify(course).end(CaseKind.CLAIM, 7L, "CLOSED", "the consumer sent no further evidence in time");
    }

    @Test
    void currentModelsSayWhichTheyMean() throws java.io.IOException {
        try (var models = java.nio.file.Files.list(java.nio.file.Path.of("bpmn"))) {
            assertThat(models.filter(p -> p.toString().endsWith(".bpmn")).filter(p -> {
                try {
                    return java.nio.file.Files.readString(p).contains("caseStatus.close(");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()))
                    .as("models calling caseStatus.close: use closeWithReasonIn or closeBecause").isEmpty();
        }
    }
}
