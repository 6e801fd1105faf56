package io.dropflow.processengine;

import static io.dropflow.processengine.CommandFields.field;
import static io.dropflow.processengine.CommandFields.read;

import io.dropflow.security.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What a person who is not a Camunda administrator may deploy and delete, on every way into the
 * engine (engine REST API, Camunda Modeler's deploy button, the webapps). ADR 0024.
 *
 * <ul>
 * <li>A deployment brings only models and forms ({@code .bpmn}, {@code .dmn}, {@code .form}): no script,
 * HTML form or CMMN file.</li>
 * <li>Every piece of code in it ({@link DeployedCode}: an expression, a class, a script, a connector) is
 * one that Dropflow's own models ({@code bpmn/}, shipped in the jar) already use. An analyst changes
 * numbers, names, timers' fixed durations, the flow between the shipped steps and the decision tables
 * (FEEL); a new expression, which runs as the engine with no authorization check, is an administrator's
 * deployment. Otherwise 403, naming the element and its code.</li>
 * <li>A deployment whose processes have running instances is not deleted (403), with or without
 * cascade: a cascade ends every order on it, and only an administrator deletes one. The same for a process
 * definition with running instances, deleted by id or by key (nobody but administrators holds DELETE on process
 * definitions unless Camunda Admin grants it; the check holds whatever it grants).</li>
 * </ul>
 * What a deployment must hold to work (its forms, tables that keep what the application reads, files that parse) is
 * {@link DeploymentContents}', for administrators too.
 * Dropflow's own deployments at start (nobody logged in) and an administrator's are not checked. And for
 * everyone: deleting, without cascade, what running instances still use is a 409 ({@link DefinitionInUse}),
 * not the engine's 500.
 */
@Component
class ModelDeploymentRights extends AbstractProcessEnginePlugin {

    /** What a non-administrator's deployment may bring. */
    private static final List<String> DEPLOYABLE = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");

    private static final String NEEDED_FOR = "the check of who deletes a deployment";
    private static final Field DELETED_DEPLOYMENT = field(DeleteDeploymentCmd.class, "deploymentId", NEEDED_FOR);
    private static final String NEEDED_FOR_DEFINITIONS = "the check of who deletes a process definition";
    private static final Field DELETED_DEFINITIONS = field(DeleteProcessDefinitionsByIdsCmd.class, "processDefinitionIds",
            NEEDED_FOR_DEFINITIONS);
    private static final Field DELETED_KEY = field(DeleteProcessDefinitionsByKeyCmd.class, "processDefinitionKey",
            NEEDED_FOR_DEFINITIONS);
    private static final Field DELETED_KEYS_TENANT = field(DeleteProcessDefinitionsByKeyCmd.class, "tenantId",
            NEEDED_FOR_DEFINITIONS);
    private static final Field DELETED_KEYS_TENANT_SET = field(DeleteProcessDefinitionsByKeyCmd.class, "isTenantIdSet",
            NEEDED_FOR_DEFINITIONS);

    /** How the engine says a definition still has running instances (a delete without cascade). */
    static final String IN_USE = "ENGINE-03076";

    private final Set<String> shippedCode;

    /** The checks of a deployed file's operator texts, asked when a person deploys (the application is up by then). */
    private final org.springframework.beans.factory.ObjectProvider<UntranslatedTexts> untranslated;

    ModelDeploymentRights(org.springframework.beans.factory.ObjectProvider<UntranslatedTexts> untranslated) {
        this.shippedCode = shippedCode(ModelDeployment.MODELS);
        this.untranslated = untranslated;
    }

    /** The code of the models in the jar, which anyone who may deploy may deploy again. */
    static Set<String> shippedCode(String pattern) {
        Set<String> code = new LinkedHashSet<>();
        try {
            for (Resource model : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String name = model.getFilename();
                byte[] bytes;
                try (InputStream in = model.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                List<DeployedCode.Code> found = DeployedCode.isBpmn(name) ? DeployedCode.ofBpmn(bytes)
                        : DeployedCode.isDmn(name) ? DeployedCode.ofDmn(bytes) : List.of();
                found.forEach(c -> code.add(shipped(c)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped models", e);
        }
        return Set.copyOf(code);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(deployment -> checkDeployment(configuration, deployment));
        configuration.setCustomPreDeployers(deployers);
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new DeleteChecks(configuration));
        interceptors.add(new DeploymentContents(configuration, () -> untranslated.orderedStream().toList()));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /**
     * Runs first of the deployers, for a new deployment (and again whenever the engine reads a deployment
     * into its cache, which is not a deployment: not checked).
     */
    private void checkDeployment(ProcessEngineConfigurationImpl configuration, DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        Authentication who = Context.getCommandContext().getAuthentication();
        if (!isPerson(who) || administrator(who, () -> groupsOf(configuration, who))) {
            return;
        }
        List<String> refused = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (DEPLOYABLE.stream().noneMatch(lower::endsWith)) {
                refused.add(name + " is not a model or form (.bpmn, .dmn, .form)");
                continue;
            }
            List<DeployedCode.Code> code;
            try {
                code = DeployedCode.isBpmn(lower) ? DeployedCode.ofBpmn(resource.getBytes())
                        : DeployedCode.isDmn(lower) ? DeployedCode.ofDmn(resource.getBytes()) : List.of();
            } catch (IllegalArgumentException notXml) {
                // DeploymentContents refuses it first, as a bad request: a file that does not parse is no one's right
                throw new org.camunda.bpm.engine.BadUserRequestException("Not a model the engine can read: " + name
                        + " (" + notXml.getMessage().replaceAll("\\.+$", "") + ")");
            }
            for (DeployedCode.Code c : code) {
                if (!shippedCode.contains(shipped(c))) {
                    refused.add(name + ": " + c.said());
                }
            }
        }
        if (!refused.isEmpty()) {
            String what = String.join("; ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? "; and " + (refused.size() - 5) + " more" : "");
            throw new AuthorizationException(who.getUserId() + " may not deploy this: " + what + ". Expressions,"
                    + " classes, scripts and connectors run as the engine, without permission checks: a deployment by"
                    + " someone who is not an administrator may use only those Dropflow's own models use, and FEEL in"
                    + " decision tables (an administrator may deploy it)");
        }
    }

    /**
     * A piece of code as the shipped models have it: what it is (the attribute, the element whose text it is) with its
     * value, so a shipped value does not pass where it would be read as something else (a shipped expression's text
     * as a script's).
     */
    private static String shipped(DeployedCode.Code c) {
        return c.kind() + "\u0000" + c.value();
    }

    private static boolean isPerson(Authentication who) {
        return who != null && who.getUserId() != null;
    }

    /** Whether they are in {@code camunda-admin}; {@code groups} asked when the authentication does not say. */
    private static boolean administrator(Authentication who, java.util.function.Supplier<List<String>> groups) {
        return (who.getGroupIds() != null ? who.getGroupIds() : groups.get()).contains(Groups.ADMINS);
    }

    /** A person's groups, read in the running command (a deployment runs without authorization checks). */
    private static List<String> groupsOf(ProcessEngineConfigurationImpl configuration, Authentication who) {
        return configuration.getIdentityService().createGroupQuery().groupMember(who.getUserId()).list().stream()
                .map(Group::getId).toList();
    }

    /** Deletes: the outermost command only (the application's own code inside a command is not a person's ask). */
    static final class DeleteChecks extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        DeleteChecks(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() != null) {
                return next.execute(command);
            }
            Authentication who = configuration.getIdentityService().getCurrentAuthentication();
            if (isPerson(who)) {
                String refused = inUse(command, who.getUserId());
                if (refused != null && !administrator(who, () -> WithoutAuthorization.read(configuration,
                        context -> groupsOf(configuration, who)))) {
                    throw new AuthorizationException(refused);
                }
            }
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(IN_USE)) {
                    throw new DefinitionInUse(e);
                }
                throw e;
            }
        }

        /**
         * Why {@code who} may not delete what the command deletes, if they are not an administrator: it has running
         * process instances; null when the command deletes no deployment or process definition, or nothing of it runs.
         */
        private String inUse(Command<?> command, String who) {
            if (command instanceof DeleteDeploymentCmd && read(DELETED_DEPLOYMENT, command) instanceof String id) {
                long running = running(runtime -> runtime.createProcessInstanceQuery().deploymentId(id).count());
                return running == 0 ? null : "deployment " + id + " has " + running + " running process instance(s),"
                        + " which deleting it (with cascade) would end: only an administrator deletes a deployment in use; "
                        + who + " is not one";
            }
            String definition = null;
            long running = 0;
            if (command instanceof DeleteProcessDefinitionsByIdsCmd && read(DELETED_DEFINITIONS, command)
                    instanceof java.util.Collection<?> ids && !ids.isEmpty()) {
                List<String> all = ids.stream().map(String::valueOf).toList();
                definition = String.join(", ", all);
                running = running(runtime -> all.stream().mapToLong(id -> runtime.createProcessInstanceQuery()
                        .processDefinitionId(id).count()).sum());
            } else if (command instanceof DeleteProcessDefinitionsByKeyCmd
                    && read(DELETED_KEY, command) instanceof String key) {
                String tenant = (String) read(DELETED_KEYS_TENANT, command);
                boolean tenantSet = Boolean.TRUE.equals(read(DELETED_KEYS_TENANT_SET, command));
                definition = "key " + key + (tenantSet ? " (tenant " + tenant + ")" : "");
                running = running(runtime -> {
                    org.camunda.bpm.engine.runtime.ProcessInstanceQuery query = runtime.createProcessInstanceQuery()
                            .processDefinitionKey(key);
                    if (tenantSet && tenant == null) {
                        query.withoutTenantId();
                    } else if (tenantSet) {
                        query.tenantIdIn(tenant);
                    }
                    return query.count();
                });
            }
            return running == 0 ? null : "process definition " + definition + " has " + running + " running process"
                    + " instance(s), which deleting it (with cascade) would end: only an administrator deletes a process"
                    + " definition in use; " + who + " is not one";
        }

        /** The running instances {@code count} counts, without authorization checks. */
        private long running(java.util.function.ToLongFunction<org.camunda.bpm.engine.RuntimeService> count) {
            return WithoutAuthorization.read(configuration, context -> count.applyAsLong(configuration.getRuntimeService()));
        }
    }

    /** What the engine refused because of what is deployed already: the caller's conflict, a 409 on the engine's APIs. */
    public abstract static class Conflict extends ProcessEngineException {

        Conflict(String message, ProcessEngineException cause) {
            super(message, cause);
        }
    }

    /** A delete without cascade of what running instances use. */
    public static final class DefinitionInUse extends Conflict {

        DefinitionInUse(ProcessEngineException cause) {
            super(cause.getMessage() + " Let them end (or migrate them) first; deleting with cascade ends them.", cause);
        }
    }

    /**
     * A process started by a message another deployed process starts by already (ENGINE-01011): a copy of a shipped
     * model under another process id, say.
     */
    public static final class MessageTaken extends Conflict {

        MessageTaken(ProcessEngineException cause) {
            super(cause.getMessage() + " A start message starts one process: give the copy's message another name, or"
                    + " keep the process id to deploy a new version of the same process.", cause);
        }
    }
}
