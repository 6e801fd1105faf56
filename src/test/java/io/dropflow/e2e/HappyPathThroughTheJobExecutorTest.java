package io.dropflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole happy path as it runs in production: the job executor on, sandbox partners answering
 * over HTTP on their own threads, on its own PostgreSQL database. Nothing is driven by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "dropflow.inbox.sweep-enabled=true",
        "dropflow.inbox.redelivery-interval=PT1S",
        "dropflow.sandbox.default-supplier-behaviour=SHIPS",
        "dropflow.sandbox.carrier-pushes-events=true",
        "dropflow.sandbox.answer-delay=PT0.2S",
        "dropflow.sandbox.carrier-step-delay=PT0.2S",
        "dropflow.after-sales.day=PT0.05S"})
@ActiveProfiles("test")
@DirtiesContext
@Tag("application")
class HappyPathThroughTheJobExecutorTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("e2e"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void aMugOrderIsShippedDeliveredAndSettledWithoutAnyoneTouchingIt() throws InterruptedException {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        DropflowDriver.Placed placed = dropflow.placeOrder("DEMO-MUG", 1, "15.00");
        assertThat(placed.status()).isEqualTo(201);

        JsonNode order = placed.body();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!order.path("status").asText().equals("SETTLED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            order = dropflow.getOrder(placed.orderId());
        }

        assertThat(order.path("status").asText()).isEqualTo("SETTLED");
        assertThat(order.path("purchaseOrders")).hasSize(1);
        assertThat(order.path("shipments").get(0).path("status").asText()).isEqualTo("DELIVERED");
        assertThat(order.path("margin").decimalValue()).isEqualByComparingTo("6.05");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(OrderFulfillmentProcess.businessKey(placed.orderId())).completed().count()).isEqualTo(1);
    }

    @Test
    void theJobExecutorIsTheStartersWithItsWakeUpsSpaced() {
        var executor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        assertThat(io.dropflow.processengine.WakeUpSpacing.of(executor).interval()).isEqualTo(Duration.ofMillis(200));
        // application.yaml's camunda.bpm.job-execution, applied as the starter applies it
        assertThat(executor.getMaxJobsPerAcquisition()).isEqualTo(6);
        assertThat(executor.getWaitTimeInMillis()).isEqualTo(500);
        assertThat(executor.getMaxWait()).isEqualTo(1000);
        assertThat(executor.getLockTimeInMillis()).isEqualTo(60000);
        // the starter's handler, behind the one that notes a full pool
        // (a record: its text names the handler it passes rejected jobs on to)
        assertThat(executor.getRejectedJobsHandler().getClass().getSimpleName()).isEqualTo("NotingSaturation");
        assertThat(executor.getRejectedJobsHandler().toString())
                .contains(org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler.class.getName());
        assertThat(executor.isActive()).isTrue();
    }
}
