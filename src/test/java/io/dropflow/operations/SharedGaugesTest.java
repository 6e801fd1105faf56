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
}
