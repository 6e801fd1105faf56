package io.dropflow.processengine;

import java.util.Optional;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.springframework.stereotype.Component;

/**
 * Two failures that are the caller's, not faults of ours, logged as the engine logs its own caller
 * errors: at DEBUG on {@code org.camunda.bpm.engine.context} (ENGINE-16002), no ERROR and no stack trace.
 * The engine logs every command that fails as an ERROR with its stack trace (ENGINE-16004), except
 * what it knows to be the caller's (BadUserRequestException, AuthorizationException, an optimistic
 * locking failure: DEBUG).
 * <ul>
 * <li>A task completion refused for what a person sent ({@link OperatorInputRefused}: a missing reason,
 * a choice the form does not offer), answered with a 400. A refusal reaches the engine wrapped
 * (ENGINE-03051, from the task listener), so it is looked for along the causes.</li>
 * <li>A task completion (complete, submit form) that failed because the task is done: completed twice,
 * one after the other ("Cannot find task", a NullValueException the engine does not count as the
 * caller's), or both at the same moment (the second hits whatever the first left: a listener that finds
 * the case moved on, ENGINE-03051). Both are answered 404 ({@link TaskDoneMeanwhile}). The first says
 * itself that the task is not there; for the second, whether the task is gone is read in a transaction
 * of its own, since the failed command's is being rolled back. When that cannot be read (the database
 * is gone), the failure stays an ERROR.</li>
 * <li>Reading the variables of a task that is not there (a completion's form check, the task done meanwhile by
 * another completion at the same moment).</li>
 * </ul>
 * Any other failure stays an ERROR, a completion's too while its task is there.
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

    /**
     * Whether {@code command} completes a task (complete, submit form) that is not there any more, read
     * whoever asks in a transaction of its own; false when it is there, or when that cannot be read.
     */
    static boolean completesATaskDone(Command<?> command, Throwable failure, ProcessEngineConfigurationImpl configuration) {
        Optional<String> task = command == null ? Optional.empty() : TaskAnswers.taskOf(command);
        if (task.isEmpty()) {
            return false;
        }
        if (failure instanceof NullValueException && failure.getMessage() != null
                && failure.getMessage().startsWith(NO_SUCH_TASK + task.get() + ":")) {
            return true; // the engine found no such task: nothing more to read
        }
        try {
            Boolean gone = configuration.getCommandExecutorTxRequiresNew().execute(context -> {
                context.disableAuthorizationCheck();
                try {
                    return context.getTaskManager().findTaskById(task.get()) == null;
                } finally {
                    context.enableAuthorizationCheck();
                }
            });
            return Boolean.TRUE.equals(gone);
        } catch (RuntimeException cannotTell) {
            return false;
        }
    }

    /**
     * Whether the engine found no task whose variables were asked for ("task … doesn't exist: task is null"): a
     * completion's form check reads them before the completion, and a second completion at the same moment finds the
     * task done by the first (CI saw that ERROR once in six rounds of TaskCompletedTwiceLogTest). The completion
     * itself is then answered 404, as one after the other is.
     */
    static boolean readsATaskGone(Throwable failure) {
        return failure instanceof NullValueException && failure.getMessage() != null
                && failure.getMessage().matches("task \\S+ doesn't exist: task is null");
    }

    /** How the engine's completion says it found no task ("Cannot find task with id …: task is null"). */
    private static final String NO_SUCH_TASK = EngineMessages.NO_SUCH_TASK;

    private static final class RefusalsAsDebug extends CommandContext {

        /** The command whose context this is, known once it closes. */
        private Command<?> command;

        RefusalsAsDebug(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        public void close(CommandInvocationContext invocation) {
            command = invocation.getCommand();
            super.close(invocation);
        }

        @Override
        protected boolean shouldLogFine(Throwable exception) {
            return super.shouldLogFine(exception) || refusesInput(exception)
                    || completesATaskDone(command, exception, processEngineConfiguration) || readsATaskGone(exception);
        }
    }
}
