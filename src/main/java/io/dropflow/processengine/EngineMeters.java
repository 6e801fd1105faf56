package io.dropflow.processengine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine's state as meters, counted every {@code dropflow.metrics.refresh-every} (never per
 * scrape): jobs due and not yet taken ({@code dropflow_jobs_due}, the job executor's backlog), jobs
 * out of retries ({@code dropflow_jobs_failed}), open incidents by type ({@code dropflow_incidents}),
 * open operator tasks and the overdue ones by task ({@code dropflow_tasks_open},
 * {@code dropflow_tasks_overdue}: the model's task ids, bounded), and whether this node's job
 * executor runs ({@code dropflow_job_executor_active}).
 */
@Component
class EngineMeters {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final ProcessEngineConfigurationImpl configuration;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong due;
    private final AtomicLong failed;
    private final Map<String, AtomicLong> incidents = new HashMap<>();
    private final Map<String, AtomicLong> openTasks = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> overdueTasks = new ConcurrentHashMap<>();

    EngineMeters(ManagementService management, RuntimeService runtime, ProcessEngineConfiguration configuration,
            JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.management = management;
        this.runtime = runtime;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
        this.jdbc = jdbc;
        this.clock = clock;
        this.registry = registry;
        this.due = registry.gauge("dropflow.jobs.due", new AtomicLong());
        this.failed = registry.gauge("dropflow.jobs.failed", new AtomicLong());
        for (String type : new String[] {Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE,
                MessageInbox.DELIVERY_FAILED}) {
            incidents.put(type, registry.gauge("dropflow.incidents", Tags.of("type", type), new AtomicLong()));
        }
        registry.gauge("dropflow.job.executor.active", this.configuration,
                c -> c.getJobExecutor() != null && c.getJobExecutor().isActive() ? 1 : 0);
    }

    @Scheduled(fixedDelayString = "${dropflow.metrics.refresh-every:PT30S}", initialDelayString = "PT10S")
    public void refresh() {
        due.set(management.createJobQuery().executable().count());
        failed.set(management.createJobQuery().noRetriesLeft().count());
        incidents.forEach((type, gauge) -> gauge.set(runtime.createIncidentQuery().incidentType(type).count()));
        String table = management.getTableName(TaskEntity.class);
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("select TASK_DEF_KEY_, count(*), sum(case when DUE_DATE_ < ? then 1 else 0 end) from " + table
                + " group by TASK_DEF_KEY_", rs -> {
                    String task = rs.getString(1) == null ? "none" : rs.getString(1);
                    counts.put(task, new long[] {rs.getLong(2), rs.getLong(3)});
                }, Timestamp.from(clock.instant()));
        counts.keySet().forEach(task -> {
            openTasks.computeIfAbsent(task, t -> registry.gauge("dropflow.tasks.open", Tags.of("task", t), new AtomicLong()));
            overdueTasks.computeIfAbsent(task,
                    t -> registry.gauge("dropflow.tasks.overdue", Tags.of("task", t), new AtomicLong()));
        });
        openTasks.forEach((task, gauge) -> gauge.set(counts.getOrDefault(task, new long[2])[0]));
        overdueTasks.forEach((task, gauge) -> gauge.set(counts.getOrDefault(task, new long[2])[1]));
    }
}
