package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SUPPLIER_ANSWER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.FORWARD_PURCHASE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The exploratory test's D1 on a running order: shipping-sla.dmn deployed with its output renamed in Modeler made the
 * forwarding job retry "Cannot invoke TypedValue.getValue() ... is null". The job's message (what Cockpit and the
 * incident show) names the table and the output; once a good table is deployed the retried job goes on.
 */
@DropflowTest
class BrokenTableJobTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void aFailedStepNamesTheTableAndTheOutputAndGoesOnOnceTheTableIsMended() throws IOException {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        String renamed = Files.readString(Path.of("bpmn", "shipping-sla.dmn"))
                .replace("name=\"shipByHours\"", "name=\"shipByHrs\"");
        String broken = engine.getRepositoryService().createDeployment().name("broken shipping-sla")
                .addString("shipping-sla.dmn", renamed).deploy().getId();
        long order;
        Job failed;
        try {
            order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
            dropflow.runJobs(order);

            failed = engine.getManagementService().createJobQuery().processInstanceId(dropflow.processInstanceId(order))
                    .activityId(FORWARD_PURCHASE_ORDER.id()).singleResult();
            assertThat(failed.getExceptionMessage()).startsWith("shipping-sla.dmn gave no shipByHours for tier ")
                    .endsWith("(it gave shipByHrs, why)");
        } finally {
            engine.getRepositoryService().deleteDeployment(broken, true);
        }

        engine.getManagementService().setJobDuedate(failed.getId(), null);
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
    }
}
