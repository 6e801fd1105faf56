package io.dropflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The gauges every node counts from the shared database report the same figure on each node (operations.md,
 * "Metrics": use max() across nodes, not sum()): the dashboard and the alerts never add them up. The open-orders
 * panel summed dropflow_orders, twice the open orders on the documented two-node deployment (exploratory s14
 * production, 2). Only dropflow_job_executor_active is the node's own.
 */
class SharedGaugesTest {

    /** The gauges counted from the shared database (OrderMeters, OpenCaseMeters, EngineMeters, InboxMeters, DeliveryMeters). */
    private static final Set<String> SHARED = Set.of("dropflow_orders", "dropflow_claims_open", "dropflow_returns_open",
            "dropflow_claims_oldest_open_age_seconds", "dropflow_returns_oldest_open_age_seconds", "dropflow_tasks_open",
            "dropflow_tasks_overdue", "dropflow_inbox_messages", "dropflow_webhook_deliveries", "dropflow_jobs_due",
            "dropflow_jobs_failed", "dropflow_incidents");

    private static final Pattern SUM = Pattern.compile("\\bsum\\s*(by\\s*\\([^)]*\\)\\s*)?\\(");

    @Test
    void sharedGaugesAreNeverSummedAcrossNodes() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("ops/grafana/dropflow.json").toFile());
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));
        expressions.addAll(alertExpressions());

        List<String> usingShared = expressions.stream()
                .filter(e -> PromQl.metricNames(List.of(e)).stream().anyMatch(SHARED::contains)).toList();
        assertThat(usingShared).as("expressions over shared gauges").hasSizeGreaterThanOrEqualTo(10);
        assertThat(usingShared).as("summed across nodes").noneMatch(e -> SUM.matcher(e).find());
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("ops/prometheus/alerts.yml"))) {
            Map<String, Object> rules = new Yaml().load(in);
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    expressions.add(String.valueOf(rule.get("expr")));
                }
            }
        }
        return expressions;
    }

    /**
     * Exploratory s16 ops, 3: with no node scraped a comparison over the gauge has no series and never fires, exactly
     * when no executor runs. The cluster-wide page alerts carry an absent() branch; where promtool is installed its
     * rule tests (ops/prometheus/alerts-test.yml: both nodes up, then none scraped) are run too.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theClusterAlertsFireWhenNoNodeIsScraped() throws Exception {
        Map<String, String> byName = new java.util.HashMap<>();
        try (InputStream in = Files.newInputStream(Path.of("ops/prometheus/alerts.yml"))) {
            Map<String, Object> rules = new Yaml().load(in);
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    byName.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr")));
                }
            }
        }
        assertThat(byName.get("DropflowNoJobExecutor")).contains("absent(dropflow_job_executor_active)");
        assertThat(byName.get("DropflowIncidents")).contains("absent(dropflow_incidents)");

        Path promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(promtool != null, "promtool is not installed");
        Process run = new ProcessBuilder(promtool.toString(), "test", "rules", "alerts-test.yml")
                .directory(Path.of("ops/prometheus").toFile()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(output).isZero();
    }
}
