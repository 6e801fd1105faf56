package io.dropflow.processengine;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
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
 * (batches, whose log Cockpit shows, history cleanup) keep their whole log. A cluster's operators
 * who want to see which node ran each job set {@code dropflow.history.job-log: all}.</li>
 * </ul>
 * Other handlers (Spring's history eventing) still see every event.
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
        configuration.getCustomHistoryEventHandlers().add(0, new Database(jobLog));
    }

    /** The engine's database handler, writing what {@link HistoryKept} keeps. */
    static final class Database extends DbHistoryEventHandler {

        private final JobLog jobLog;

        Database(JobLog jobLog) {
            this.jobLog = jobLog;
        }

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
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                return variable.getTaskId() == null;
            }
            if (event instanceof HistoricJobLogEvent job) {
                return jobLog == JobLog.ALL || job.getProcessInstanceId() == null
                        || job.getState() == JobState.FAILED.getStateCode() || failedBefore(job);
            }
            return true;
        }

        private static boolean byAPerson(CommandContext command) {
            return command != null && command.getAuthenticatedUserId() != null;
        }

        /** A job that ends after a failure: its end is part of the failure's story. */
        private static boolean failedBefore(HistoricJobLogEvent job) {
            CommandContext command = Context.getCommandContext();
            JobEntity entity = command == null ? null
                    : command.getDbEntityManager().getCachedEntity(JobEntity.class, job.getJobId());
            // A failure leaves its stack trace (and its message, if it had one) on the job.
            return entity != null && (entity.getExceptionByteArrayId() != null || entity.getExceptionMessage() != null);
        }
    }
}
