package io.dropflow.bench;

import java.util.ArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Counts the jobs an engine (or several, sharing one counter) has done: each job whose transaction
 * committed. The job log cannot count them: Dropflow's history keeps no log of a job that worked
 * (ADR 21) and does not even produce it. An engine plugin whose command interceptor sees each
 * job's command run inside its transaction: as a bean of Dropflow's application the Spring Boot
 * starter applies it to the engine; the plain engine is given it with its configuration.
 */
final class JobsDone extends AbstractProcessEnginePlugin {

    private final LongAdder done = new LongAdder();

    long count() {
        return done.sum();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<CommandInterceptor>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                CommandContext context = Context.getCommandContext();
                // A job that was acquired but deleted meanwhile runs nothing: no current job.
                if (command instanceof ExecuteJobsCmd && context != null && context.getCurrentJob() != null) {
                    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                            committed -> done.increment());
                }
                return result;
            }
        });
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }
}
