package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Full history, but none of a user task's own variables: its form facts live and die with the task. */
class TaskVariablesWithoutHistoryTest {

    private final ProcessEngine engine = engine();

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:task-variables-" + UUID.randomUUID());
        configuration.setHistory("full");
        configuration.setProcessEnginePlugins(List.of(new TaskVariablesWithoutHistory()));
        return configuration.buildProcessEngine();
    }

    /** Puts a form fact on the task as it is created, as the features' task listeners do. */
    public static class PutsFormFacts implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            task.setVariableLocal("lateSupplier", "Shenzhen Mugs (SZ-MUGS)");
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theTasksFactsAreShownWhileItIsOpenAndTheDecisionAndTheTaskKeepTheirHistory() {
        engine.getRepositoryService().createDeployment().addModelInstance("decide.bpmn", Bpmn.createExecutableProcess("decide")
                .startEvent().userTask("user_decide").camundaTaskListenerClass("create", PutsFormFacts.class)
                .endEvent().done()).deploy();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("decide", Map.of("orderId", 7L)).getId();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

        assertThat(engine.getTaskService().getVariableLocal(task.getId(), "lateSupplier")).as("the form shows it")
                .isEqualTo("Shenzhen Mugs (SZ-MUGS)");
        // As Tasklist submits a form: the decision goes to the process instance, not to the task.
        engine.getFormService().submitTaskForm(task.getId(), Map.of("slaDecision", "extend"));

        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .extracting(HistoricVariableInstance::getName).containsExactlyInAnyOrder("orderId", "slaDecision");
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
                .list()).extracting(HistoricDetail::getTaskId).containsOnlyNulls().hasSize(2);
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).formFields()
                .list()).as("the form submission").extracting(HistoricDetail::getTaskId).containsExactly(task.getId());
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance).finished()
                .count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).count())
                .isEqualTo(3);
    }
}
