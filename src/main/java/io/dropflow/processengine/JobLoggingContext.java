package io.dropflow.processengine;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
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
 */
@Component
class JobLoggingContext extends AbstractProcessEnginePlugin {

    static final String ORDER_ID = "orderId";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor engines = configuration.getDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> withOrderId(invocation, engines));
    }

    private static void withOrderId(DelegateInvocation invocation, DelegateInterceptor next) throws Exception {
        Object orderId = orderId(invocation.getContextExecution());
        if (orderId == null || MDC.get(ORDER_ID) != null) {
            next.handleInvocation(invocation);
            return;
        }
        MDC.put(ORDER_ID, orderId.toString());
        try {
            next.handleInvocation(invocation);
        } finally {
            MDC.remove(ORDER_ID);
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
}
