package io.dropflow.processengine;

import io.dropflow.security.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * People answer a task by completing it with its form ({@link FormInputCheck} checks what they send);
 * they do not write the process's variables through the task. The engine lets anyone who may work on
 * a task set or remove variables through it (the engine REST API's and Tasklist's
 * {@code /task/{id}/variables} and {@code /localVariables}, and {@code /resolve}, which writes the variables it
 * brings without completing the task), and a task's variables are its process's:
 * an operator could give a claim's next task to another group ({@code claimGroups}), lift its rounds
 * ({@code negotiationRounds}) or move a correlation. Such a write by a logged-in person is refused
 * (403) unless an administrator makes it; the application's own code, tests and jobs (nobody logged
 * in) are not touched. For the same reason a completion by such a person brings only what the task's
 * form can send ({@link TaskAnswers}: another field that would change the process, or one the form hides for
 * the answers sent, is a 400); and no
 * completion, whoever sends it, brings a serialized object (type Object) into the process, nor a completion or a
 * variable written by an administrator text with the NUL character ({@link NulCharacterRefused}).
 * What else such a person may not ask of a task or the engine (a BPMN error, giving a task to
 * someone who may not do it, its due date, the engine's jobs) is {@link PeoplesEngineCommands}'s.
 */
@Component
class TaskVariablesByForm extends AbstractProcessEnginePlugin {

    /**
     * And a resolve ({@code /task/{id}/resolve}): it writes what it brings into the process, unchecked by the
     * form, and gives the task to its owner (nobody: an unclaim of someone else's task); it answers a
     * delegation, and nobody delegates ({@link PeoplesEngineCommands}).
     */
    private static final Set<Class<?>> VARIABLE_WRITES = Set.of(SetTaskVariablesCmd.class, PatchTaskVariablesCmd.class,
            RemoveTaskVariablesCmd.class, ResolveTaskCmd.class);

    /** The processes whose instances are not deleted through the engine APIs; looked up when one is. */
    private final ObjectProvider<EndsThroughItsRecord> recordProcesses;

    TaskVariablesByForm(ObjectProvider<EndsThroughItsRecord> recordProcesses) {
        this.recordProcesses = recordProcesses;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new RefuseVariableWrites(configuration));
        interceptors.add(new PeoplesEngineCommands(configuration, recordProcesses));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class RefuseVariableWrites extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        RefuseVariableWrites(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            boolean write = VARIABLE_WRITES.contains(command.getClass());
            Optional<TaskAnswers> answers = TaskAnswers.of(command);
            // whoever completes: no serialized object into the process
            answers.ifPresent(completion -> completion.refuseSerializedObjects(configuration.getProcessEngine()));
            if (write || answers.isPresent()) {
                Authentication who = configuration.getIdentityService().getCurrentAuthentication();
                if (who != null && who.getUserId() != null
                        && (who.getGroupIds() == null || !who.getGroupIds().contains(Groups.ADMINS))) {
                    if (write) {
                        throw new AuthorizationException("a task's variables are set by completing the task with its"
                                + " form, not written through it; " + who.getUserId() + " may complete the task");
                    }
                    answers.get().checkAgainstForm(configuration.getProcessEngine(), FormInputCheck.feelOf(configuration));
                }
            }
            // whoever sends it: no text with the NUL character, which PostgreSQL cannot store
            NulCharacterRefused.check(command);
            return next.execute(command);
        }
    }
}
