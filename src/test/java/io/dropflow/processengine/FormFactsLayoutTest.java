package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task's facts are one {@code facts} variable, except on a model version deployed with forms that
 * read each fact by name (ADR 20): its instances, still running after a new version is deployed,
 * keep getting one variable per fact, also when an operator without rights on deployments creates
 * the task by completing the one before.
 */
class FormFactsLayoutTest {

    private final ProcessEngine engine = engine();

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:form-facts-" + UUID.randomUUID());
        configuration.setAuthorizationEnabled(true);
        configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
        return configuration.buildProcessEngine();
    }

    /** Puts the facts on the task as it is created, as the features' task listeners do. */
    public static class PutsFormFacts implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            new FormFacts().put("orderNumber", "SHOP-1").rows("history", List.of(FormFacts.row("what", "Placed")))
                    .setLocal(task);
        }
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void instancesOfAnEarlierVersionKeepTheirFormsLayoutAndNewOnesGetTheFactsVariable() {
        deploy("{\"components\": [{\"type\": \"text\", \"text\": \"Order {{orderNumber}}\"}]}");
        String earlier = engine.getRuntimeService().startProcessInstanceByKey("decide").getId();
        deploy("{\"components\": [{\"type\": \"text\", \"text\": \"Order {{facts.orderNumber}}\"}]}");
        String current = engine.getRuntimeService().startProcessInstanceByKey("decide").getId();

        Map<String, Object> earlierTask = decisionTaskAfterMaryReviews(earlier);
        Map<String, Object> currentTask = decisionTaskAfterMaryReviews(current);

        assertThat(earlierTask).as("the earlier version's form reads each fact by name")
                .containsEntry("orderNumber", "SHOP-1").containsKey("history").doesNotContainKey(FormFacts.VARIABLE);
        assertThat(currentTask).as("the current form reads facts.<name>").containsOnlyKeys(FormFacts.VARIABLE);
        assertThat(FormFacts.read(engine.getTaskService().getVariableLocalTyped(task(current, "user_decide").getId(),
                FormFacts.VARIABLE, false))).containsEntry("orderNumber", "SHOP-1")
                .containsEntry("history", List.of(Map.of("what", "Placed")));
    }

    private void deploy(String form) {
        engine.getRepositoryService().createDeployment()
                .addModelInstance("decide.bpmn", Bpmn.createExecutableProcess("decide").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("user_review").userTask("user_decide")
                        .camundaTaskListenerClass("create", PutsFormFacts.class).endEvent().done())
                .addString("decide.form", form).deploy();
    }

    /** Mary, who may work on tasks and nothing else, completes the review: the decision task is created. */
    private Map<String, Object> decisionTaskAfterMaryReviews(String instance) {
        if (engine.getAuthorizationService().createAuthorizationQuery().userIdIn("mary").count() == 0) {
            Authorization tasks = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            tasks.setUserId("mary");
            tasks.setResource(Resources.TASK);
            tasks.setResourceId("*");
            tasks.addPermission(Permissions.ALL);
            engine.getAuthorizationService().saveAuthorization(tasks);
        }
        engine.getIdentityService().setAuthentication("mary", List.of());
        try {
            engine.getTaskService().complete(task(instance, "user_review").getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        return engine.getTaskService().getVariablesLocal(task(instance, "user_decide").getId());
    }

    private Task task(String instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }
}
