package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_DELIVERY;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SHIPMENT;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SUPPLIER_ANSWER;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exploratory test s14 (shipping, defect 1): a supplier's first SHIPPED with the tracking number of another order's
 * parcel was APPLIED, the order went SHIPPED with no parcel of its own, and its "Register tracking" step failed into
 * an incident "process variable shipmentId holds 2, a shipment of orderId 3 ... (changed by hand?)". Carriers' numbers
 * are one parcel's: such a report is STALE, an operator is asked, the timeline names both purchase orders, and the
 * order keeps waiting for its own parcel, which the supplier then reports under its own number.
 */
@DropflowTest
class TrackingNumberOfAnotherOrderTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxStorefront storefront;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    /** An order whose purchase order ACME accepted: it waits for the parcel. */
    private long acceptedOrder() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SHIPMENT.id());
        return order;
    }

    private List<String> timeline(long order) {
        List<String> lines = new ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> lines.add(entry.path("what").asText()));
        return lines;
    }

    private List<Task> attentionTasks() {
        List<Long> deliveries = jdbc.queryForList("select id from partner_delivery where partner = 'supplier'"
                + " and account = 'ACME' and topic like 'not-applied/SHIPPED/%/number-taken'", Long.class);
        return deliveries.stream().flatMap(id -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PartnerAttentionProcess.businessKey(id)).list().stream()).toList();
    }

    @Test
    void aFirstShipmentUnderAnotherOrdersNumberIsNotTakenAndTheOrderWaitsForItsOwnParcel() {
        long first = acceptedOrder();
        String number = "TAKEN-" + first;
        dropflow.supplierShipped("ACME", po(first, 1), number);
        dropflow.runJobs(first);
        assertThat(dropflow.process(first)).isWaitingAt(AWAIT_DELIVERY.id());
        long second = acceptedOrder();
        int tasksBefore = attentionTasks().size();

        // When ACME reports the second order's purchase order shipped under the first order's parcel's number
        ResponseEntity<String> answer = dropflow.supplierShipped("ACME", po(second, 1), number);
        dropflow.runJobs(second);

        // Then it is answered STALE (recorded, not retried), and the second order still waits for its own parcel
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"STALE\"");
        assertThat(dropflow.process(second)).isWaitingAt(AWAIT_SHIPMENT.id());
        List<Job> failed = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.processInstanceId(second)).withException().list();
        assertThat(failed).as("failed jobs of the second order").isEmpty();
        assertThat(dropflow.getOrder(second).path("shipments")).isEmpty();
        assertThat(dropflow.getOrder(second).path("purchaseOrders").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        // and the first order's parcel stays the first order's
        assertThat(dropflow.getOrder(first).path("shipments")).hasSize(1);
        // An operator is asked, with both purchase orders named; the timeline names both too
        List<Task> tasks = attentionTasks();
        assertThat(tasks).hasSize(tasksBefore + 1);
        Task task = tasks.get(tasks.size() - 1);
        assertThat(task.getName()).isEqualTo("Supplier shipped under another order's tracking number");
        assertThat(dropflow.facts(task).get("lastError").toString())
                .startsWith("ACME shipped purchase order " + po(second, 1) + " as SANDBOX-POST " + number
                        + ", the number of the parcel of purchase order " + po(first, 1))
                .contains("close this task");
        assertThat(timeline(second)).contains("Supplier shipped purchase order " + po(second, 1)
                + " (Accepted) as SANDBOX-POST " + number + ", the number of the parcel of purchase order "
                + po(first, 1) + ": not followed, an operator was asked to settle it");

        // When ACME then reports the parcel under its own number: the order follows it, the storefront is told
        String own = "OWN-" + second;
        assertThat(dropflow.supplierShipped("ACME", po(second, 1), own).getBody()).contains("\"APPLIED\"");
        dropflow.runJobs(second);
        assertThat(dropflow.process(second)).isWaitingAt(AWAIT_DELIVERY.id());
        assertThat(dropflow.getOrder(second).path("shipments").get(0).path("trackingNumber").asText()).isEqualTo(own);
        assertThat(dropflow.storefrontCalls(storefront, second, "TRACKING")).hasSize(1);
    }
}
