package io.dropflow.processengine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Every log line written while the engine runs our code (a job, a timer, a message) names its
 * process: the engine itself puts {@code processInstanceId}, {@code businessKey} (switched on in
 * application.yaml: {@code logging-context-business-key}), {@code processDefinitionId}, {@code activityName} and
 * {@code activityId} into the MDC for each step (Camunda's logging context, so nothing of ours can
 * miss a step); this plugin adds {@code orderId} from the process's {@code orderId} variable around
 * each delegate, listener and expression (the engine's delegate interceptor, which every one of them
 * passes). The partner is added by the partner calls and the webhook filter.
 * <p>
 * A step that fails leaves its {@code orderId} in the MDC, as the engine leaves its own logging context, for the
 * engine's lines about the failure: {@code ENGINE-16004 Exception while closing command context} (ERROR, logged as
 * the command closes), the failed-job handling (retries, the incident) and, in the job executor,
 * {@code ENGINE-14006 Exception while executing job}. Before, it was removed as the delegate returned, and the
 * lines that matter most were found by {@code businessKey} only (exploratory test s14 production, 11). It goes once
 * the outermost command is done ({@link LeftOverForgotten}), in the job executor before its next job and when its
 * batch of jobs is done ({@link JobAcquisitionWakeUps}), or when the thread runs another delegate.
 */
@Component
class JobLoggingContext extends AbstractProcessEnginePlugin {

    static final String ORDER_ID = "orderId";

    /** The orderId a failed delegate left in this thread's MDC for the engine's lines about the failure. */
    private static final ThreadLocal<String> LEFT_FOR_THE_FAILURE = new ThreadLocal<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new LeftOverForgotten());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor engines = configuration.getDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> withOrderId(invocation, engines));
    }

    private static void withOrderId(DelegateInvocation invocation, DelegateInterceptor next) throws Exception {
        forgetLeftOver(); // a failure before this invocation was handled (a BPMN error caught): its lines are written
        Object orderId = orderId(invocation.getContextExecution());
        if (orderId == null || MDC.get(ORDER_ID) != null) {
            next.handleInvocation(invocation);
            return;
        }
        MDC.put(ORDER_ID, orderId.toString());
        boolean failed = true;
        try {
            next.handleInvocation(invocation);
            failed = false;
        } finally {
            if (failed) {
                LEFT_FOR_THE_FAILURE.set(orderId.toString());
            } else {
                MDC.remove(ORDER_ID);
            }
        }
    }

    /** Removes the orderId a failed delegate left in this thread's MDC, if one did. */
    static void forgetLeftOver() {
        String left = LEFT_FOR_THE_FAILURE.get();
        if (left != null) {
            LEFT_FOR_THE_FAILURE.remove();
            if (left.equals(MDC.get(ORDER_ID))) {
                MDC.remove(ORDER_ID);
            }
        }
    }

    private static Object orderId(BaseDelegateExecution execution) {
        if (execution instanceof DelegateExecution e) {
            return e.getVariable(ORDER_ID);
        }
        if (execution instanceof DelegateTask t) {
            return t.getVariable(ORDER_ID);
        }
        return null;
    }

    /**
     * Outside the command context, so after the engine logged a failed command as it closed it: forgets what a
     * failure left once the outermost command is done, except in the job executor, which logs the failed job after
     * that (its runnable forgets it, {@link JobAcquisitionWakeUps}).
     */
    static final class LeftOverForgotten extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } finally {
                if (Context.getCommandContext() == null && Context.getJobExecutorContext() == null) {
                    forgetLeftOver();
                }
            }
        }
    }
}
