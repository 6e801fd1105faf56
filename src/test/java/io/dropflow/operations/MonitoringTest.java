package io.dropflow.operations;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.PartnerCall;
import io.dropflow.partners.PartnerCalls;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.yaml.snakeyaml.Yaml;

/**
 * What operations watch: an order runs to settlement, then /actuator/prometheus (behind a metrics
 * key) exports every series the Grafana dashboard (ops/grafana/dropflow.json) and the alert rules
 * (ops/prometheus/alerts.yml) use; readiness tells the database, the engine and the job executor.
 */
@DropflowTest
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    PartnerCalls partnerCalls;
    @Autowired
    ScheduledTaskHolder scheduled;

    @Test
    void prometheusExportsEverySeriesTheDashboardAndTheAlertsUse() throws Exception {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        // Given an order that ran to settlement
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-METRICS-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-METRICS-" + order, "DELIVERED");
        dropflow.fireTimer(order, AFTER_SALES_WINDOWS_CLOSED.id());
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("SETTLED");
        // and an order to a PO box, which waits for an operator's review
        long review = dropflow.place(DropflowDriver.order("SHOP-" + UUID.randomUUID(), "DEMO-MUG", 1, "15.00",
                "Postfach 99")).orderId();
        dropflow.runJobs(review);
        // and a call to a partner (the sandbox partners answer in-process, without one)
        partnerCalls.call(new PartnerCall("sandbox", "default", "ping", IllegalStateException::new), outcome -> {
            outcome.code("200");
            return null;
        });
        // and the gauges counted now rather than at their next round
        scheduled.getScheduledTasks().stream().map(t -> t.getTask().getRunnable())
                .filter(r -> r.toString().contains("Meters.refresh")).forEach(Runnable::run);

        // When Prometheus scrapes with its metrics key
        String key = metricsKey(dropflow);
        ResponseEntity<String> scrape = dropflow.get("/actuator/prometheus", h -> h.setBearerAuth(key));

        // Then every series the dashboard and the alerts use is there
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        Map<String, List<String>> exported = Arrays.stream(scrape.getBody().split("\n"))
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .collect(Collectors.groupingBy(line -> line.split("[{ ]", 2)[0]));
        Set<String> used = new TreeSet<>(dashboardMetrics());
        used.addAll(alertMetrics());
        assertThat(used).as("metrics the dashboard and alerts use").contains("dropflow_orders", "dropflow_incidents",
                "dropflow_order_lead_time_seconds_bucket", "dropflow_partner_calls_seconds_count");
        assertThat(exported.keySet()).as("exported by /actuator/prometheus").containsAll(used);

        // and the figures tell what happened
        assertThat(value(exported, "dropflow_orders", "status=\"SETTLED\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(exported, "dropflow_order_lead_time_seconds_count", "milestone=\"settled\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(exported, "dropflow_orders_closed_total", "outcome=\"settled\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(exported, "dropflow_purchase_order_answers_total", "answer=\"accepted\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(exported, "dropflow_tasks_open", "task=\"user_review_order\"")).isGreaterThanOrEqualTo(1);
        assertThat(exported.get("dropflow_orders")).noneMatch(line -> line.contains("order_id") || line.contains("orderId"));
    }

    @Test
    void metricsAreForSupervisorsAndMetricsKeysOnly() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        assertThat(dropflow.get("/actuator/prometheus", DropflowDriver.anonymous()).getStatusCode().value())
                .isEqualTo(401);
        assertThat(dropflow.get("/actuator/prometheus", DropflowDriver.asOperator()).getStatusCode().value())
                .isEqualTo(403);
        assertThat(dropflow.get("/actuator/prometheus", h -> h.setBasicAuth("sam", "sam")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(dropflow.get("/actuator/health/liveness", DropflowDriver.anonymous()).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void readinessTellsTheDatabaseTheEngineAndTheJobExecutor() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);

        ResponseEntity<String> readiness = dropflow.get("/actuator/health/readiness", DropflowDriver.anonymous());

        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        JsonNode health = DropflowDriver.read(readiness.getBody());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").has("db")).isTrue();
        assertThat(health.path("components").has("processEngine")).isTrue();
        // The test profile runs jobs on the test's thread: this node is configured without a job executor
        assertThat(health.path("components").path("jobExecution").path("details").path("required").asBoolean())
                .isFalse();
    }

    private static String metricsKey(DropflowDriver dropflow) {
        return dropflow.issueApiKey("prometheus " + UUID.randomUUID(), List.of("metrics"));
    }

    private static double value(Map<String, List<String>> exported, String name, String label) {
        return exported.getOrDefault(name, List.of()).stream().filter(line -> line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = JSON.readTree(Path.of("ops/grafana/dropflow.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        assertThat(expressions).as("the dashboard's queries").isNotEmpty();
        return PromQl.metricNames(expressions);
    }

    @SuppressWarnings("unchecked")
    static Set<String> alertMetrics() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("ops/prometheus/alerts.yml"))) {
            Map<String, Object> rules = new Yaml().load(in);
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    expressions.add(String.valueOf(rule.get("expr")));
                }
            }
        }
        assertThat(expressions).as("the alert rules").hasSizeGreaterThanOrEqualTo(5);
        return PromQl.metricNames(expressions);
    }
}
