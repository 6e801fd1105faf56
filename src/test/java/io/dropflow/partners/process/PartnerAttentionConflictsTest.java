package io.dropflow.partners.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OnConflict;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A change of a partner-attention task runs after the partner's request has committed (audit s14 #5): every conflict
 * OnConflict gives up on, a unique key's too, ends in the log and never in that request; the log says what ended the
 * tries (three conflicts, or an interrupt after the first).
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerAttentionConflictsTest {

    private static final String INSTANCE = "attention-1";

    private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    @SuppressWarnings("unchecked")
    private final PartnerAttention attention = new PartnerAttention(runtime, mock(TaskService.class),
            mock(ObjectProvider.class), new io.dropflow.partners.internal.PartnerSettings(null, null, null),
            mock(PlatformTransactionManager.class));
    private final FormFacts about = FormFacts.of(Map.of("status", "EXCEPTION"));

    @BeforeEach
    void theInstanceRuns() {
        when(runtime.createProcessInstanceQuery().processInstanceId(INSTANCE).count()).thenReturn(1L);
    }

    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted();
    }

    private void everyChangeMeets(RuntimeException conflict) {
        doThrow(conflict).when(runtime).setVariable(eq(INSTANCE), anyString(), any());
    }

    @Test
    void aUniqueKeyMetThreeTimesIsLoggedAndNotThrownIntoThePartnersRequest(CapturedOutput output) {
        everyChangeMeets(new DataIntegrityViolationException("duplicate key value violates unique constraint"));

        assertThatCode(() -> attention.describe(INSTANCE, "Carrier exception", about)).doesNotThrowAnyException();

        verify(runtime, times(OnConflict.TRIES)).setVariable(eq(INSTANCE), anyString(), any());
        assertThat(output.getOut()).contains("Partner attention " + INSTANCE + ": what happened not shown on its task,"
                + " changed 3 times meanwhile: org.springframework.dao.DataIntegrityViolationException");
    }

    @Test
    void anEngineConflictMetThreeTimesIsLoggedAsBefore(CapturedOutput output) {
        everyChangeMeets(new OptimisticLockingException("ACT_RU_TASK changed meanwhile"));

        assertThatCode(() -> attention.describe(INSTANCE, "Carrier exception", about)).doesNotThrowAnyException();

        verify(runtime, times(OnConflict.TRIES)).setVariable(eq(INSTANCE), anyString(), any());
        assertThat(output.getOut()).contains("changed 3 times meanwhile");
    }

    @Test
    void anInterruptAfterTheFirstConflictIsLoggedAsSuchNotAsThreeChanges(CapturedOutput output) {
        everyChangeMeets(new OptimisticLockingException("ACT_RU_TASK changed meanwhile"));
        Thread.currentThread().interrupt();

        assertThatCode(() -> attention.describe(INSTANCE, "Carrier exception", about)).doesNotThrowAnyException();

        verify(runtime, times(1)).setVariable(eq(INSTANCE), anyString(), any());
        assertThat(output.getOut()).contains("Partner attention " + INSTANCE + ": what happened not shown on its task,"
                + " interrupted while it was changed meanwhile").doesNotContain("changed 3 times");
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
    }

    @Test
    void aFailureThatIsNoConflictIsNotHiddenInTheLog(CapturedOutput output) {
        everyChangeMeets(new IllegalStateException("no such variable type"));

        assertThatThrownBy(() -> attention.describe(INSTANCE, "Carrier exception", about))
                .isInstanceOf(IllegalStateException.class).hasMessage("no such variable type");

        verify(runtime, times(1)).setVariable(eq(INSTANCE), anyString(), any());
        assertThat(output.getOut()).doesNotContain("not shown on its task");
    }
}
