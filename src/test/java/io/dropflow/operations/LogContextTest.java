package io.dropflow.operations;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Log lines written inside a job or a webhook name the order's process and the partner (MDC). */
@DropflowTest
class LogContextTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    /** Dropflow's own log lines written inside the process instance's steps. */
    private List<ILoggingEvent> ourLinesInside(String processInstanceId) {
        return captured.list.stream()
                .filter(e -> e.getLoggerName().startsWith("io.dropflow"))
                .filter(e -> processInstanceId.equals(e.getMDCPropertyMap().get("processInstanceId")))
                .toList();
    }

    @Test
    void aJobsLogLinesNameTheOrderItsProcessAndBusinessKey() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();

        dropflow.runJobs(order);

        String processInstanceId = dropflow.processInstanceId(order);
        List<ILoggingEvent> ours = ourLinesInside(processInstanceId);
        assertThat(ours).as("our log lines inside the order's jobs").isNotEmpty();
        assertThat(ours).allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                .containsEntry("businessKey", "order-" + order)
                .containsEntry("orderId", Long.toString(order)));
    }

    @Autowired
    io.dropflow.support.SupplierFixtures fixtures;

    /**
     * The engine's own ERROR line about a failing step (a supplier down) names the order too: it carried
     * {@code businessKey} and {@code processInstanceId} only, as orderId went with the delegate (exploratory test s14
     * production, 11). Nothing of it stays on the thread after.
     */
    @Test
    @io.dropflow.support.FailedJobsChecked.Expected("the supplier answers 503: the failing forwarding is what is shown")
    void theEnginesErrorLineOfAFailingStepNamesTheOrder() {
        fixtures.wiredSupplier();
        // the supplier API answering 503 (docs/partners/supplier-api.yaml: retried)
        var down = io.dropflow.support.TestSupplierApi.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .post("/v1/purchase-orders").atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                        .aResponse().withStatus(503).withBody("maintenance")));
        try {
            DropflowDriver dropflow = new DropflowDriver(port, engine);
            long order = dropflow.placeOrder(io.dropflow.support.TestSupplierApi.SKU, 1, "20.00").orderId();

            dropflow.runJobs(order);

            String processInstanceId = dropflow.processInstanceId(order);
            assertThat(captured.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                    .filteredOn(e -> e.getFormattedMessage().startsWith("ENGINE-16004"))
                    .filteredOn(e -> processInstanceId.equals(e.getMDCPropertyMap().get("processInstanceId")))
                    .as("the engine's ERROR line of the failing forwarding").isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("orderId", Long.toString(order))
                            .containsEntry("businessKey", "order-" + order));
            assertThat(org.slf4j.MDC.get("orderId")).as("left on the thread").isNull();
        } finally {
            io.dropflow.support.TestSupplierApi.server().removeStub(down);
        }
    }

    @Test
    void aClaimsJobLogLinesNameTheClaimAndItsOrder() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-LOG-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-LOG-" + order, "DELIVERED");
        var filed = dropflow.fileClaim(order, DropflowDriver.claim("QUALITY", 1, null));
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();

        dropflow.runClaimJobs(claim);
        String processInstanceId = dropflow.claimProcessInstanceId(claim);
        // Rejected by the operator: telling the consumer why is a job that logs (the sandbox storefront).
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .singleResult().getId(), java.util.Map.of("reviewDecision", "reject", "rejectionReason", "Intact on the photos."));
        dropflow.runClaimJobs(claim);

        List<ILoggingEvent> ours = ourLinesInside(processInstanceId);
        assertThat(ours).as("our log lines inside the claim's jobs").isNotEmpty();
        assertThat(ours).allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                .containsEntry("businessKey", "claim-" + claim)
                .containsEntry("orderId", Long.toString(order)));
    }

    @Test
    void aWebhooksLogLinesNameThePartner() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        captured.list.clear();

        // An acceptance again, under another event id: it changes nothing, and the log says so
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");

        List<ILoggingEvent> ours = captured.list.stream()
                .filter(e -> e.getLoggerName().startsWith("io.dropflow"))
                .filter(e -> e.getFormattedMessage().contains(po(order, 1)))
                .toList();
        assertThat(ours).as("our log lines about the webhook call").isNotEmpty();
        assertThat(ours).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("partner", "ACME"));
    }
}
