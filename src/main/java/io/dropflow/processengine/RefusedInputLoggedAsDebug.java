package io.dropflow.processengine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * A task completion refused for what a person sent ({@link OperatorInputRefused}: a missing reason, a
 * choice the form does not offer) is the person's mistake, answered with a 400, not a fault of ours.
 * The engine logs every command that fails as an ERROR with its stack trace (ENGINE-16004), except
 * what it knows to be the caller's (BadUserRequestException, AuthorizationException: DEBUG). A refusal
 * reaches it wrapped (ENGINE-03051, from the task listener), so it is looked for along the causes and
 * logged like those, at DEBUG on {@code org.camunda.bpm.engine.context} (ENGINE-16002). Any other
 * failure stays an ERROR.
 */
@Component
class RefusedInputLoggedAsDebug extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new RefusalsAsDebug(processEngineConfiguration);
            }
        };
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    /** Whether {@code failure} or one of its causes refuses a person's input. */
    static boolean refusesInput(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OperatorInputRefused) {
                return true;
            }
        }
        return false;
    }

    private static final class RefusalsAsDebug extends CommandContext {

        RefusalsAsDebug(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        protected boolean shouldLogFine(Throwable exception) {
            return super.shouldLogFine(exception) || refusesInput(exception);
        }
    }
}
