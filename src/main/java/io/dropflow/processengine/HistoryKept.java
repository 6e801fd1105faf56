package io.dropflow.processengine;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History stays {@code full} for everything Cockpit, Tasklist, an operator or a restart reads. The
 * engine's database history handler leaves out three kinds of row that nothing reads:
 * <ul>
 * <li>a user task's own variables (ADR 18): the facts its form shows, copies of the business
 * tables, and the Tasklist filter's tag;</li>
 * <li>the step-by-step values of a process variable the process itself computed (ADR 21): its
 * {@code ACT_HI_DETAIL} row. {@code ACT_HI_VARINST} still holds its last value. A variable's
 * details are kept when the instance started with it (a restart reads them) and when a person
 * set it, through Tasklist, Cockpit or the engine REST API;</li>
 * <li>the job log of a process instance's jobs (ADR 21), except failures and what follows a
 * failure: the activity instances say when each step ran. Jobs outside a process instance
 * (batches, whose log Cockpit shows, history cleanup) keep their whole log, except the jobs that
 * start a process later ({@link MessageStartsLater}), kept like the process's own. A cluster's operators
 * who want to see which node ran each job set {@code dropflow.history.job-log: all}.</li>
 * </ul>
 * The job log left out is not even produced ({@link Producer}): each of its events costs the engine
 * up to three reads (the job's definition, a batch by the definition's configuration, the root
 * instance's removal time, the last cached within a transaction), which a ship-by deadline paid
 * five times. So no handler sees those events; the other events reach every handler (the ship-by
 * metrics') as before.
 */
@Component
class HistoryKept extends AbstractProcessEnginePlugin {

    /** Which of a process instance's jobs keep their log. */
    enum JobLog {
        /** Failures, and the rest of a job's story once it has failed. */
        FAILURES,
        /** Every job's creation, failures, success and deletion, as the engine writes it. */
        ALL
    }

    private final JobLog jobLog;

    HistoryKept(@Value("${dropflow.history.job-log:failures}") JobLog jobLog) {
        this.jobLog = jobLog;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The engine's own database handler is replaced by the same handler with these rules.
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(0, new Database());
        configuration.setHistoryEventProducer(new Producer(jobLog));
    }

    /**
     * The engine's history event producer, producing a process instance's job log only where it is
     * kept: failures, the end of a job that failed before, everything with {@code job-log: all}.
     * An event not produced is one no handler writes or sees.
     */
    static final class Producer extends CacheAwareHistoryEventProducer {

        private final JobLog jobLog;

        Producer(JobLog jobLog) {
            this.jobLog = jobLog;
        }

        @Override
        public HistoryEvent createHistoricJobLogCreateEvt(Job job) {
            return kept(job) ? super.createHistoricJobLogCreateEvt(job) : null;
        }

        @Override
        public HistoryEvent createHistoricJobLogSuccessfulEvt(Job job) {
            return kept(job) ? super.createHistoricJobLogSuccessfulEvt(job) : null;
        }

        @Override
        public HistoryEvent createHistoricJobLogDeleteEvt(Job job) {
            return kept(job) ? super.createHistoricJobLogDeleteEvt(job) : null;
        }

        // A failure is always produced (createHistoricJobLogFailedEvt is not overridden).

        @Override
        protected void initHistoricJobLogEvent(HistoricJobLogEventEntity event, Job job, HistoryEventType type) {
            super.initHistoricJobLogEvent(event, job, type);
            removedWithItsProcessDefinition(event, event.getTimestamp());
        }

        @Override
        protected void initHistoricIncidentEvent(HistoricIncidentEventEntity event, Incident incident,
                HistoryEventType type) {
            super.initHistoricIncidentEvent(event, incident, type);
            removedWithItsProcessDefinition(event, incident.getIncidentTimestamp());
        }

        /**
         * A job outside any process instance that belongs to a process definition (a later start,
         * {@link MessageStartsLater}; a timer start event) has no instance to take a removal time from,
         * so the engine writes its log and incidents with none, and the history cleanup
         * ({@code removalTimeBased}) would keep them for ever. They are removed when the process's own
         * history would be: their time plus the definition's {@code historyTimeToLive}. A batch's rows
         * have their removal time from the batch, and rows of an instance from the instance.
         */
        private static void removedWithItsProcessDefinition(HistoryEvent event, Date at) {
            if (event.getRemovalTime() != null || event.getProcessInstanceId() != null
                    || event.getProcessDefinitionId() == null || at == null) {
                return;
            }
            ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedProcessDefinitionById(event.getProcessDefinitionId());
            Integer days = definition == null ? null : definition.getHistoryTimeToLive();
            if (days != null) {
                event.setRemovalTime(Date.from(at.toInstant().plus(days, ChronoUnit.DAYS)));
            }
        }

        private boolean kept(Job job) {
            return jobLog == JobLog.ALL || failedBefore(job)
                    || (job.getProcessInstanceId() == null && !MessageStartsLater.isOne(job));
        }

        /** A job that ends after a failure: its end is part of the failure's story. */
        private static boolean failedBefore(Job job) {
            // A failure leaves its stack trace (and its message, if it had one) on the job.
            return job instanceof JobEntity entity
                    && (entity.getExceptionByteArrayId() != null || entity.getExceptionMessage() != null);
        }
    }

    /** The engine's database handler, writing what {@link HistoryKept} keeps of the events produced. */
    static final class Database extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (kept(event)) {
                super.handleEvent(event);
            }
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event)
                    && (Boolean.TRUE.equals(event.isInitial()) || byAPerson(Context.getCommandContext()));
        }

        boolean kept(HistoryEvent event) {
            return !(event instanceof HistoricVariableUpdateEventEntity variable) || variable.getTaskId() == null;
        }

        private static boolean byAPerson(CommandContext command) {
            return command != null && command.getAuthenticatedUserId() != null;
        }
    }
}
