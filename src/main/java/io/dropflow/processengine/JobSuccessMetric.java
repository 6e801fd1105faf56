package io.dropflow.processengine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.SuccessfulJobListener;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * After each job that worked, the engine counts it in its metrics ({@code job-successful}, which
 * Cockpit and the engine REST API's metrics show) with a command of its own
 * ({@link SuccessfulJobListener}), after the job's transaction. Every command runs through the whole
 * interceptor chain, and through Spring that means a transaction: a JPA entity manager opened, a
 * connection taken from the pool and handed back, for one counter in memory. That was 5 % of the
 * job threads' samples of the benchmark's skeleton (docs/performance.md, seventeenth round). This
 * interceptor, first in the chain, counts the job as the command would and runs no command; every
 * other command goes on as before.
 */
@Component
class JobSuccessMetric extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> first = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        first.add(0, new CountedWithoutTransaction(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(first);
    }

    /** Counts a successful job as {@link SuccessfulJobListener} does; passes every other command on. */
    static final class CountedWithoutTransaction extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        CountedWithoutTransaction(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command.getClass() != SuccessfulJobListener.class) {
                return next.execute(command);
            }
            if (configuration.isMetricsEnabled()) {
                configuration.getMetricsRegistry().markOccurrence(Metrics.JOB_SUCCESSFUL);
            }
            return null;
        }
    }
}
