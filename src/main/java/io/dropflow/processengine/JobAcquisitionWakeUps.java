package io.dropflow.processengine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.RejectedJobsHandler;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor of the Spring Boot starter, with its acquisition woken at most once per
 * {@code dropflow.job-executor.wake-up-interval}.
 *
 * <p>Camunda wakes the acquisition thread after every transaction that created a job outside a job
 * thread (an order taken, a partner's webhook) and after every batch of jobs a thread has run
 * ({@code ExecuteJobsRunnable}: "check once more"). Each wake-up is an acquisition, and each
 * acquisition a database transaction; at a steady load it mostly finds the one job it was woken
 * for. The benchmark counted 3.6 acquisitions per order for the 3 jobs an order has acquired
 * (docs/adr/0003-job-executor-sizing.md, last addendum). A wake-up asked for sooner than the
 * interval after the last one is put off until the interval is over, and every one asked for
 * meanwhile goes with it ({@link WakeUpSpacing}): a job waits at most the interval for the
 * acquisition it announced, which then takes the jobs of many such wake-ups at once. A job created
 * by a job of the same process instance is not affected: the engine runs it next in the same
 * thread without an acquisition. {@code PT0S} gives the engine's own behaviour.
 *
 * <p>Except when a backlog drains: once the thread pool has turned acquired jobs away (its queue
 * was full), the engine's acquisition pauses 100 ms (its fixed saturation wait) and relies on the
 * threads' "check once more" to refill the queue. Spaced, those wake-ups left the threads idle once
 * the queue ran dry within the pause, and a backlog of short jobs ran at most about (threads +
 * queue) jobs per 100 ms. So after a rejection, the first wake-up that finds the queue empty goes at
 * once; while the queue still holds work the spacing stands, so a busy node at a steady load makes no
 * more acquisitions than before (docs/adr/0003-job-executor-sizing.md, last addendum).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
class JobAcquisitionWakeUps {

    /** Replaces the starter's bean (which is conditional on no other job executor), with its settings. */
    @Bean
    static JobExecutor jobExecutor(@Qualifier(JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER) TaskExecutor taskExecutor,
            CamundaBpmProperties properties,
            @Value("${dropflow.job-executor.wake-up-interval}") Duration wakeUpInterval) {
        SpringJobExecutor starters = (SpringJobExecutor) JobConfiguration.jobExecutor(taskExecutor, properties);
        return Spaced.copyOf(starters, wakeUpInterval);
    }

    /** A {@link SpringJobExecutor} whose acquisition is woken at most once per interval. */
    static final class Spaced extends SpringJobExecutor {

        private final WakeUpSpacing spacing;
        /** Whether the thread pool turned jobs away since the last wake-up. */
        private final AtomicBoolean saturated = new AtomicBoolean();

        Spaced(Duration interval) {
            this.spacing = new WakeUpSpacing(interval);
        }

        /** A job executor like {@code original} (its thread pool, settings and rejected-jobs handler). */
        static Spaced copyOf(SpringJobExecutor original, Duration interval) {
            Spaced spaced = new Spaced(interval);
            spaced.setTaskExecutor(original.getTaskExecutor());
            spaced.setRejectedJobsHandler(spaced.notingSaturation(original.getRejectedJobsHandler()));
            spaced.setLockTimeInMillis(original.getLockTimeInMillis());
            spaced.setMaxJobsPerAcquisition(original.getMaxJobsPerAcquisition());
            spaced.setWaitTimeInMillis(original.getWaitTimeInMillis());
            spaced.setMaxWait(original.getMaxWait());
            spaced.setBackoffTimeInMillis(original.getBackoffTimeInMillis());
            spaced.setMaxBackoff(original.getMaxBackoff());
            spaced.setBackoffDecreaseThreshold(original.getBackoffDecreaseThreshold());
            spaced.setWaitIncreaseFactor(original.getWaitIncreaseFactor());
            return spaced;
        }

        WakeUpSpacing spacing() {
            return spacing;
        }

        private RejectedJobsHandler notingSaturation(RejectedJobsHandler handler) {
            return new NotingSaturation(handler != null ? handler : new NotifyAcquisitionRejectedJobsHandler(), saturated);
        }

        /** The starter's rejected-jobs handler (or the engine's default), noting first that the pool was full. */
        record NotingSaturation(RejectedJobsHandler handler, AtomicBoolean saturated) implements RejectedJobsHandler {

            @Override
            public void jobsRejected(List<String> jobIds, ProcessEngineImpl processEngine, JobExecutor jobExecutor) {
                saturated.set(true);
                handler.jobsRejected(jobIds, processEngine, jobExecutor);
            }
        }

        @Override
        public void jobWasAdded() {
            if (saturated.get() && queueEmpty() && saturated.compareAndSet(true, false)) {
                super.jobWasAdded();
            } else {
                spacing.wake(super::jobWasAdded);
            }
        }

        /** Whether no acquired job waits for a thread (unknown for a pool other than Spring's: taken as empty). */
        private boolean queueEmpty() {
            return !(getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) || pool.getQueueSize() == 0;
        }

        /**
         * The engine's runnable, forgetting the orderId a failed job left for the engine's lines about it
         * ({@link JobLoggingContext}) before the next job of the batch and when the batch is done.
         */
        @Override
        public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
            return new ExecuteJobsRunnable(jobIds, processEngine) {
                @Override
                protected void executeJob(String jobId, CommandExecutor commands, JobFailureCollector failures) {
                    JobLoggingContext.forgetLeftOver();
                    super.executeJob(jobId, commands, failures);
                }

                @Override
                public void run() {
                    try {
                        super.run();
                    } finally {
                        JobLoggingContext.forgetLeftOver();
                    }
                }
            };
        }

        @Override
        public void shutdown() {
            spacing.close();
            super.shutdown();
        }
    }
}
