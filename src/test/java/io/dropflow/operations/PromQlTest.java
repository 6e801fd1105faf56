package io.dropflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric names MonitoringTest looks for are the ones the expressions read, no more, no fewer. */
class PromQlTest {

    @Test
    void findsTheMetricsAndLeavesFunctionsLabelsRangesAndKeywords() {
        assertThat(PromQl.metricNames(List.of(
                "histogram_quantile(0.95, sum by (le, partner) (rate(dropflow_partner_calls_seconds_bucket[5m])))",
                "sum(increase(dropflow_ship_by_events_total{event=\"breach\"}[1h])) > 2 * sum(increase("
                        + "dropflow_ship_by_events_total{event=\"breach\"}[1h] offset 1d)) + 3",
                "max(dropflow_jobs_due) > 100 and max(deriv(dropflow_jobs_due[15m])) > 0",
                "sum by (partner) (rate(x_total{outcome!=\"ok\"}[10m])) / on (partner) y_total")))
                .containsExactlyInAnyOrder("dropflow_partner_calls_seconds_bucket", "dropflow_ship_by_events_total",
                        "dropflow_jobs_due", "x_total", "y_total");
    }

    @Test
    void theDashboardAndTheAlertsReadOurMetrics() throws Exception {
        assertThat(MonitoringTest.dashboardMetrics()).hasSizeGreaterThan(15).allMatch(n -> n.matches("[a-z_]+"));
        assertThat(MonitoringTest.alertMetrics()).contains("dropflow_incidents", "dropflow_jobs_due",
                "dropflow_partner_calls_seconds_count", "dropflow_webhook_deliveries", "dropflow_ship_by_events_total");
    }
}
