package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A value for this step only: the gateway behind the task reads it, nothing stores it. */
class ProcessVariableTest {

    static final ProcessVariable<Boolean> SUPPLIER_AVAILABLE = ProcessVariable.flag("supplierAvailable");

    private final ProcessEngine engine = engine();

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:process-variable-" + UUID.randomUUID());
        configuration.setHistory("full");
        configuration.setProcessEnginePlugins(List.of(new HistoryKept(HistoryKept.JobLog.FAILURES)));
        return configuration.buildProcessEngine();
    }

    /** Finds no supplier left, as "Pick next supplier" may. */
    public static class FindsNoSupplier implements JavaDelegate {

        @Override
        public void execute(DelegateExecution execution) {
            SUPPLIER_AVAILABLE.setForThisStep(execution, false);
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private String start(Map<String, Object> variables) {
        engine.getRepositoryService().createDeployment().addModelInstance("pick.bpmn", Bpmn.createExecutableProcess("pick")
                .startEvent().serviceTask("service_pick").camundaClass(FindsNoSupplier.class)
                .exclusiveGateway("gateway_available")
                .condition("yes", "${supplierAvailable}").userTask("user_forward").endEvent()
                .moveToLastGateway().condition("no", "${!supplierAvailable}").userTask("user_out_of_stock").endEvent()
                .done()).deploy();
        return engine.getRuntimeService().startProcessInstanceByKey("pick", variables).getId();
    }

    @Test
    void theGatewayBehindTheTaskReadsItAndNothingStoresIt() {
        String instance = start(Map.of("orderId", 7L));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance)
                .activityIdIn("user_out_of_stock").count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariables(instance)).containsOnlyKeys("orderId");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("supplierAvailable").count()).isZero();
    }

    @Test
    void anInstanceThatStoresItAlreadyGoesOnStoringIt() {
        // Started on a model version that stored it: the engine refuses a transient value over a stored one.
        String instance = start(Map.of("orderId", 7L, "supplierAvailable", true));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance)
                .activityIdIn("user_out_of_stock").count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariables(instance)).containsEntry("supplierAvailable", false);
    }
}
