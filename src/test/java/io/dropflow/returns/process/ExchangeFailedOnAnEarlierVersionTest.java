package io.dropflow.returns.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.returns.internal.ReturnStatus;
import io.dropflow.returns.internal.ReturnRequest;
import io.dropflow.returns.internal.Returns;
import io.dropflow.supplier.PurchaseOrderEvent;
import io.dropflow.supplier.SupplierEventType;
import io.dropflow.translation.OperatorTexts;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * Review M3 of session 11: a return started on a {@code return_negotiation} version from before "Await exchange
 * shipment" never waits for its exchange; one declined while the return was still open was lost without a word (the
 * "failed after the return ended" line is written only for a return that ended). Its history now tells the operator
 * to settle it by hand; a return on the current version, which waits for the exchange, gets no such line.
 */
class ExchangeFailedOnAnEarlierVersionTest {

    private final List<String> lines = new ArrayList<>();
    private final CaseHistory history = new CaseHistory() {
        @Override
        public void record(CaseKind kind, Long caseId, Party party, String what) {
            assertThat(caseId).isEqualTo(7L);
            lines.add(what);
        }

        @Override
        public List<Entry> of(CaseKind kind, Long caseId) {
            return List.of();
        }
    };

    private List<String> declinedWhileTheReturnRunsOn(BpmnModelInstance model) {
        RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
        ProcessInstance instance = mock(ProcessInstance.class);
        when(instance.getProcessDefinitionId()).thenReturn("return_negotiation:1:x");
        when(runtime.createProcessInstanceQuery().processDefinitionKey(ReturnNegotiationProcess.PROCESS_KEY)
                .processInstanceBusinessKey("return-7").list()).thenReturn(List.of(instance));
        RepositoryService repository = mock(RepositoryService.class);
        when(repository.getBpmnModelInstance(anyString())).thenReturn(model);
        ReturnRequest r = mock(ReturnRequest.class);
        when(r.getStatus()).thenReturn(ReturnStatus.AWAITING_INSPECTION);
        Returns returns = mock(Returns.class);
        when(returns.get(7L)).thenReturn(r);
        ReturnNegotiation negotiation = new ReturnNegotiation(runtime, repository, mock(MessageInbox.class), history,
                null, null, returns);

        negotiation.on(new PurchaseOrderEvent("ACME:e1", 1L, 2L, "DF-1-RT7-EXCHANGE", SupplierEventType.OUT_OF_STOCK,
                "OUT_OF_STOCK", null, null, null, 7L, null, List.of(), null));
        return lines;
    }

    @Test
    void anExchangeDeclinedOnAnEarlierVersionTellsTheOperatorToSettleIt() {
        BpmnModelInstance earlier = Bpmn.createExecutableProcess(ReturnNegotiationProcess.PROCESS_KEY)
                .startEvent().userTask("user_mediate_return").endEvent().done();

        List<String> said = declinedWhileTheReturnRunsOn(earlier);

        assertThat(said).hasSize(2);
        assertThat(said.get(1)).isEqualTo("The exchange failed (Out of stock) while the return runs on an earlier version"
                + " of its process, which does not wait for it: nothing is refunded for it here; an operator settles it"
                + " with the consumer");
        assertThat(OperatorTexts.of("zh").translateMessage(said.get(1))).startsWith("换货失败（")
                .endsWith("由操作员与消费者解决");
    }

    @Test
    void onTheCurrentVersionTheReturnItselfRefundsInstead() {
        BpmnModelInstance current = Bpmn.readModelFromFile(new File("bpmn/return-negotiation.bpmn"));

        assertThat(declinedWhileTheReturnRunsOn(current)).singleElement().asString()
                .startsWith("Exchange purchase order: Out of stock");
    }
}
