package io.dropflow.returns;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.returns.process.ReturnNegotiationProcess;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The exploratory tester's return of an order whose delivery the order had not registered: the carrier reported
 * the parcel delivered while the order was still registering its tracking number (its delivery waiting in the
 * inbox, the order SHIPPED), and the return was taken and refunded. A return is taken once the order has
 * registered its delivery; before, it is a 409 saying so, and nothing is written or paid.
 */
@DropflowTest
class ReturnBeforeDeliveryRegisteredTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxStorefront storefront;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    @Test
    void aReturnIsTakenOnlyOnceTheOrderHasRegisteredItsDelivery() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-EARLY-" + order);
        // the carrier's delivery comes before the order registered the tracking number: kept until the order waits
        dropflow.carrierSays("TRK-EARLY-" + order, "DELIVERED");
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("SHIPPED");

        ResponseEntity<String> early = dropflow.requestReturn(order, DropflowDriver.returnRequest("DEFECTIVE", "REFUND", null));

        assertThat(early.getStatusCode().value()).as(early.getBody()).isEqualTo(409);
        assertThat(early.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(DropflowDriver.read(early.getBody()).path("detail").asText()).isEqualTo("order " + order
                + " has not registered its delivery yet (SHIPPED; the carrier reported the parcel delivered): goods can"
                + " be returned once it has");
        assertThat(jdbc.queryForObject("select count(*) from return_request where order_id = ?", Long.class, order)).isZero();

        // The order registers its tracking number and takes the delivery: now the return is taken, and refunded once
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("DELIVERED");
        ResponseEntity<String> asked = dropflow.requestReturn(order, DropflowDriver.returnRequest("DEFECTIVE", "REFUND", null));
        assertThat(asked.getStatusCode().value()).as(asked.getBody()).isEqualTo(201);
        long returned = DropflowDriver.read(asked.getBody()).path("id").asLong();
        dropflow.returnProcess(returned);
        dropflow.runReturnJobs(returned);
        dropflow.carrierSays(dropflow.getReturn(returned).path("returnParcel").path("trackingNumber").asText(), "DELIVERED");
        dropflow.supplierInspects("ACME", returned, "OK");
        dropflow.runReturnJobs(returned);
        assertThat(dropflow.returnProcess(returned)).hasPassed(ReturnNegotiationProcess.Element.REFUND_CONSUMER.id()).isEnded();
        assertThat(dropflow.storefrontCalls(storefront, order, "REFUND")).containsExactly("15.00 EUR");
    }
}
