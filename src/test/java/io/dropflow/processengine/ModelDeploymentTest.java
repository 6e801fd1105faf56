package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@DropflowTest
class ModelDeploymentTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ModelDeployment modelDeployment;

    @Test
    void eachModelIsDeployedOnItsOwnWithTheFormsItsUserTasksUse() {
        RepositoryService repository = engine.getRepositoryService();

        ProcessDefinition fulfillment = latestProcess("order_fulfillment");
        assertThat(repository.getDeploymentResourceNames(fulfillment.getDeploymentId())).containsExactlyInAnyOrder(
                "order-fulfillment.bpmn", "review-order.form", "out-of-stock.form", "delivery-problem.form",
                "ship-by-breach.form");
        DecisionDefinition selection = latestDecision("supplier_selection");
        assertThat(repository.getDeploymentResourceNames(selection.getDeploymentId()))
                .containsExactly("supplier-selection.dmn");
        DecisionDefinition shippingSla = latestDecision("shipping_sla");
        assertThat(repository.getDeploymentResourceNames(shippingSla.getDeploymentId()))
                .containsExactly("shipping-sla.dmn");
    }

    @Test
    void unchangedModelsAreNotDeployedAgain() {
        RepositoryService repository = engine.getRepositoryService();
        modelDeployment.deploy(repository, modelDeployment.bundles()); // as at start-up (another test may have edited one)
        long deployments = repository.createDeploymentQuery().count();
        ProcessDefinition fulfillment = latestProcess("order_fulfillment");

        modelDeployment.deploy(repository, modelDeployment.bundles()); // the next start, nothing changed

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(latestProcess("order_fulfillment").getId()).isEqualTo(fulfillment.getId());
    }

    @Test
    void anEditedFormMakesANewProcessVersionWhileRunningOrdersStayOnTheirs() {
        RepositoryService repository = engine.getRepositoryService();
        ProcessDefinition before = latestProcess("order_fulfillment");
        DecisionDefinition selectionBefore = latestDecision("supplier_selection");
        DropflowDriver.Placed running = new DropflowDriver(port, engine).placeOrder("DEMO-MUG", 1, "15.00");

        // Given an analyst changed one form of the fulfillment process (here: a trailing newline)
        Map<String, Map<String, byte[]>> edited = new LinkedHashMap<>(modelDeployment.bundles());
        Map<String, byte[]> fulfillment = new LinkedHashMap<>(edited.get("order-fulfillment.bpmn"));
        fulfillment.put("out-of-stock.form", (new String(fulfillment.get("out-of-stock.form"), StandardCharsets.UTF_8)
                + "\n").getBytes(StandardCharsets.UTF_8));
        edited.put("order-fulfillment.bpmn", fulfillment);

        // When the models are deployed again
        modelDeployment.deploy(repository, edited);

        // Then the process has a new version, the untouched decision keeps its own, and the running order stays put
        assertThat(latestProcess("order_fulfillment").getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(latestDecision("supplier_selection").getId()).isEqualTo(selectionBefore.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(OrderFulfillmentProcess.businessKey(running.orderId())).singleResult().getProcessDefinitionId())
                .isEqualTo(before.getId());
    }

    private ProcessDefinition latestProcess(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
    }

    private DecisionDefinition latestDecision(String key) {
        return engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
    }
}
