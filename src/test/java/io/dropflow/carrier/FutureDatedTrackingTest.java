package io.dropflow.carrier;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exploratory test, point 2: a carrier event dated two days ahead was taken as true, so the real delivery
 * that came after it counted as older news and the parcel stayed in transit. It keeps the carrier's date,
 * counts as of its receipt, and the order's timeline says so.
 */
@DropflowTest
class FutureDatedTrackingTest {

    @LocalServerPort
    int port;
    @Autowired
    io.dropflow.processengine.SellerTime time;
    @Autowired
    ProcessEngine engine;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    @Test
    void anEventDatedInTheFutureKeepsItsDateButNeitherReordersTheParcelNorHidesItsDelivery() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        String number = "TRK-AHEAD-" + order;
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_DELIVERY.id());
        Instant twoDaysAhead = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        assertThat(dropflow.carrierSays(number, "IN_TRANSIT", twoDaysAhead).getStatusCode().value()).isEqualTo(200);
        assertThat(dropflow.carrierSays(number, "DELIVERED", Instant.now()).getStatusCode().value()).isEqualTo(200);

        assertThat(dropflow.process(order)).isWaitingAt(Element.AFTER_SALES_WINDOWS_CLOSED.id());
        JsonNode view = dropflow.getOrder(order);
        JsonNode parcel = view.path("shipments").get(0);
        assertThat(parcel.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(parcel.path("events")).extracting(e -> e.path("status").asText())
                .containsExactly("IN_TRANSIT", "DELIVERED");
        assertThat(Instant.parse(parcel.path("events").get(0).path("occurredAt").asText()))
                .as("the carrier's date is kept").isEqualTo(twoDaysAhead);
        assertThat(view.path("timeline")).extracting(e -> e.path("what").asText())
                .contains("Parcel SANDBOX-POST " + number + ": the carrier dated an event (In transit) " + time.format(twoDaysAhead)
                        + ", in the future when it came; it counts as of its receipt")
                .filteredOn(what -> what.contains("dated an event")).hasSize(1);
    }

    /**
     * Exploratory test: an event dated in the year +999999999 was a 500 (no calendar day in the seller's zone, and
     * PostgreSQL refuses the date). It is a 400 naming occurredAt, and the parcel is as it was.
     */
    @Test
    void anEventDatedBeyondEveryCalendarIsRefusedNamingItsDate() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        String number = "TRK-FAR-" + order;
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);

        var answer = dropflow.carrierSays(number, "DELIVERED", Instant.parse("+999999999-12-31T23:59:59Z"));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(DropflowDriver.read(answer.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("occurredAt");
        assertThat(dropflow.getOrder(order).path("shipments").get(0).path("events")).isEmpty();
        assertThat(io.dropflow.processengine.SellerTime.in("Asia/Shanghai").format(Instant.parse("+999999999-12-31T23:59:59Z")))
                .as("a date no calendar of the zone holds, as it came")
                .isEqualTo("+999999999-12-31T23:59:59Z");
    }
}
