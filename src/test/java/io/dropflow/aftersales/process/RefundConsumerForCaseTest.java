package io.dropflow.aftersales.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.AfterSalesCase;
import io.dropflow.aftersales.CaseConclusion;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseRefunds;
import io.dropflow.aftersales.PiecesHeld;
import io.dropflow.aftersales.RefundWithheld;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A withheld refund is the BPMN error REFUND_WITHHELD, with the reason as its message, where the model
 * catches it; a claim still on a model version without "Refund withheld" keeps the old way: the step fails
 * (an incident after its retries), since an error no event catches would silently end the remedy.
 */
class RefundConsumerForCaseTest {

    private final CaseConclusion claims = mock(CaseConclusion.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private RefundConsumerForCase step;

    @BeforeEach
    void theClaimsRefundIsWithheld() {
        when(claims.kind()).thenReturn(CaseKind.CLAIM);
        step = new RefundConsumerForCase(new Conclusions(List.of(claims)));
        when(execution.getProcessBusinessKey()).thenReturn("claim-7");
        AfterSalesCase<?> claim = mock(AfterSalesCase.class);
        when(claim.kind()).thenReturn(CaseKind.CLAIM);
        when(claim.number()).thenReturn("DF-CL7");
        doThrow(new RefundWithheld(claim, CaseRefunds.Withheld.paidBackByCases("line 1 has 1 piece(s), 1 of them paid back already"
                + " (DF-RT3; the consumer is paid back for a piece once); DF-CL7 would pay back 1 more",
                new PiecesHeld.Shortfall(1, 1, 1, List.of("DF-RT3"), 1)))).when(claims).refundConsumer(7L);
    }

    @Test
    void theModelThatCatchesItGetsTheBpmnErrorWithTheReason() {
        when(execution.getBpmnModelInstance()).thenReturn(Bpmn.readModelFromFile(Path.of("bpmn", "defect-claim.bpmn").toFile()));

        assertThatThrownBy(() -> step.execute(execution)).isInstanceOfSatisfying(BpmnError.class, error -> {
            org.assertj.core.api.Assertions.assertThat(error.getErrorCode()).isEqualTo("REFUND_WITHHELD");
            org.assertj.core.api.Assertions.assertThat(error.getMessage()).startsWith("paid back already through DF-RT3"
                    + " (line 1, 1 of 1 piece(s)): a piece is paid back once, so nothing more is paid");
        });
    }

    @Test
    void anEarlierModelVersionWithoutTheBoundaryKeepsTheFailingStep() {
        BpmnModelInstance earlier = Bpmn.createExecutableProcess("defect_claim").startEvent().serviceTask("refund")
                .endEvent().done();
        when(execution.getBpmnModelInstance()).thenReturn(earlier);

        assertThatThrownBy(() -> step.execute(execution)).isInstanceOf(RefundWithheld.class)
                .hasMessageStartingWith("Claim DF-CL7: refund withheld, nothing paid");
    }
}
