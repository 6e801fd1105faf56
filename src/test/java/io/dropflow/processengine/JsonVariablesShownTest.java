package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A task's facts (one JSON variable) read over the engine REST API show the facts, with values deserialized or not. */
@DropflowTest
class JsonVariablesShownTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
    }

    private Task reviewTask() {
        DropflowDriver.Placed placed = dropflow.place(DropflowDriver.order("SHOP-" + java.util.UUID.randomUUID(),
                "DEMO-MUG", 1, "15.00", "PO Box 42"));
        dropflow.runJobs(placed.orderId());
        return engine.getTaskService().createTaskQuery()
                .processInstanceId(dropflow.processInstanceId(placed.orderId())).singleResult();
    }

    @Test
    void aTasksFactsAreShownAsTheirJson() {
        Task review = reviewTask();

        JsonNode deserialized = DropflowDriver.read(dropflow.get("/engine-rest/task/" + review.getId() + "/variables",
                DropflowDriver.asOperator()).getBody()).path("facts");
        JsonNode serialized = DropflowDriver.read(dropflow.get("/engine-rest/task/" + review.getId()
                + "/variables?deserializeValues=false", DropflowDriver.asOperator()).getBody()).path("facts");
        JsonNode facts = DropflowDriver.read(serialized.path("value").asText());

        assertThat(deserialized.path("type").asText()).isEqualTo("Json");
        assertThat(deserialized.path("value").has("nodeType")).as("not the Spin node as a Java bean: " + deserialized)
                .isFalse();
        assertThat(deserialized.path("value")).as("the facts themselves").isEqualTo(facts);
        assertThat(facts.isObject()).isTrue();
        assertThat(facts.size()).isPositive();
    }
}
