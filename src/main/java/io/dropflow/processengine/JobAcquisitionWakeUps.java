package io.dropflow.processengine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.RejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
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
 * the queue ran dry within the pause. So from a rejection until an acquisition finds fewer jobs than
 * it asked for (none turned away), every wake-up from a thread that finds the queue empty goes at
 * once, and the acquisition does not go to sleep while the queue is empty ({@link
 * Spaced.DrainingAcquisition}): the engine only notes a wake-up that comes while it acquires, and
 * under CPU load that is when the threads' came (a first version let only the first such wake-up
 * through, and lost it then). While the queue still holds work the spacing stands, so a busy node at
 * a steady load makes no more acquisitions than before (docs/adr/0003-job-executor-sizing.md, last
 * addenda).
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

    /** A {@link SpringJobExecutor} whose acquisition is woken at most once per interval, except while a backlog drains. */
    static final class Spaced extends SpringJobExecutor {

        private final WakeUpSpacing spacing;
        /**
         * Whether a backlog drains: set when the thread pool turns jobs away; cleared by an acquisition cycle that
         * found fewer jobs than it asked for and had none turned away (every due job then is in the pool).
         */
        private final AtomicBoolean draining = new AtomicBoolean();
        /** Whether the thread pool turned jobs away in the acquisition cycle under way. */
        private final AtomicBoolean rejectedInCycle = new AtomicBoolean();

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
            return new NotingSaturation(handler != null ? handler : new NotifyAcquisitionRejectedJobsHandler(), this);
        }

        /** The starter's rejected-jobs handler (or the engine's default), noting first that the pool was full. */
        record NotingSaturation(RejectedJobsHandler handler, Spaced executor) implements RejectedJobsHandler {

            @Override
            public void jobsRejected(List<String> jobIds, ProcessEngineImpl processEngine, JobExecutor jobExecutor) {
                executor.rejectedInCycle.set(true);
                executor.draining.set(true);
                handler.jobsRejected(jobIds, processEngine, jobExecutor);
            }
        }

        /** While a backlog drains, a wake-up from a thread that finds the queue empty goes at once, every time. */
        @Override
        public void jobWasAdded() {
            if (draining.get() && queueEmpty()) {
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
         * Whether Spring's pool holds no job in store and would take one now (unknown for another pool: taken as no).
         * A pool shut down takes none: Spring shuts the job threads' pool down as soon as the application starts
         * closing, before the engine stops its acquisition, and every job acquired meanwhile is turned away (review
         * s16: without this look the acquisition then went round without a pause, a core's worth, until the close).
         */
        private boolean poolWaitsForJobs() {
            return isActive() && getTaskExecutor() instanceof ThreadPoolTaskExecutor pool && running(pool)
                    && pool.getQueueSize() == 0
                    && (pool.getQueueCapacity() > 0 || pool.getActiveCount() < pool.getMaxPoolSize());
        }

        private static boolean running(ThreadPoolTaskExecutor pool) {
            try {
                return !pool.getThreadPoolExecutor().isShutdown();
            } catch (IllegalStateException notInitialized) {
                return false;
            }
        }

        @Override
        protected void ensureInitialization() {
            super.ensureInitialization();
            acquireJobsRunnable = new DrainingAcquisition(this);
        }

        /**
         * The engine's acquisition loop, which while a backlog drains does not go to sleep when the pool's queue is
         * empty: the threads' wake-up on running dry may have come while it was acquiring, when the engine only
         * notes it ({@code AcquireJobsRunnable.jobWasAdded} notifies a waiting thread only), and no thread would
         * wake it again before the end of the wait (the saturation pause of 100 ms, or the idle wait).
         */
        static final class DrainingAcquisition extends SequentialJobAcquisitionRunnable {

            private final Spaced executor;
            private Strategy strategy;

            DrainingAcquisition(Spaced executor) {
                super(executor);
                this.executor = executor;
            }

            /** The engine's strategy, telling whether it backs off after locking failures (other nodes' acquisitions). */
            static final class Strategy extends BackoffJobAcquisitionStrategy {
                Strategy(JobExecutor executor) {
                    super(executor);
                }

                boolean backingOff() {
                    return backoffLevel > 0;
                }
            }

            @Override
            protected JobAcquisitionStrategy initializeAcquisitionStrategy() {
                strategy = new Strategy(jobExecutor);
                return strategy;
            }

            @Override
            protected void configureNextAcquisitionCycle(JobAcquisitionContext context, JobAcquisitionStrategy acquisitionStrategy) {
                boolean rejected = executor.rejectedInCycle.getAndSet(false);
                if (!rejected && context.getAcquisitionException() == null && foundFewerThanAskedFor(context)) {
                    executor.draining.set(false);
                }
                super.configureNextAcquisitionCycle(context, acquisitionStrategy);
            }

            private static boolean foundFewerThanAskedFor(JobAcquisitionContext context) {
                return context.getAcquiredJobsByEngine().values().stream().allMatch(
                        jobs -> jobs.size() + jobs.getNumberOfJobsFailedToLock() < jobs.getNumberOfJobsAttemptedToAcquire());
            }

            /**
             * The engine's wait ({@code AcquireJobsRunnable.suspendAcquisition}), skipped when a backlog drains and the
             * pool's queue is empty. The look is taken once the thread counts as waiting, so a wake-up asked for after
             * it ends the wait.
             */
            @Override
            protected void suspendAcquisition(long millis) {
                if (millis <= 0) {
                    return;
                }
                try {
                    LOG.debugJobAcquisitionThreadSleeping(millis);
                    synchronized (MONITOR) {
                        if (!isInterrupted) {
                            isWaiting.set(true);
                            if (!poolRunsDry()) {
                                MONITOR.wait(millis);
                            }
                        }
                    }
                    LOG.jobExecutorThreadWokeUp();
                } catch (InterruptedException e) {
                    LOG.jobExecutionWaitInterrupted();
                } finally {
                    isWaiting.set(false);
                }
            }

            /** Whether a backlog drains and the pool has no job in store; not after a failure nor while backing off. */
            private boolean poolRunsDry() {
                return executor.draining.get() && executor.poolWaitsForJobs()
                        && acquisitionContext.getAcquisitionException() == null && !strategy.backingOff();
            }
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
