package io.dropflow.processengine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Every user task with a Camunda Form ({@code camunda:formRef}) takes only what its form would send,
 * whatever the client: on completion, before the model's own listeners, the answers are checked
 * against the form deployed with the task's model ({@link FormInputRules}: required unless hidden,
 * numbers, decimals, bounds, lengths, allowed values). What does not fit is refused
 * ({@link OperatorInputRefused}: a 400 on the engine REST API, the message in Tasklist), and the
 * task stays open. A person's choice the form leaves out for the task's facts (a counter with the rounds used
 * up) is refused too, after the model's own complete listeners ({@link #checkOffered}). And a task's answers never outlive it into the next task of the same form: when
 * such a task is created, after the model's create listeners (which may still read the earlier
 * answers for the facts), the form's answer variables are removed from the process, so a second
 * out-of-stock or missed-deadline task opens empty and an empty completion is refused, not a repeat
 * of the earlier decision. Attached by a parse listener, so the models do not name it.
 */
@Component
public class FormInputCheck extends SpringProcessEnginePlugin {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Forms by process definition and form id; definition ids end in a UUID and never come back, so one
     * answer holds for the JVM, and a task of a version already seen costs a map lookup.
     */
    private static final Map<String, Optional<FormInputRules>> FORMS = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskParsing.onEveryUserTask(configuration, (userTask, behavior) -> {
            String formRef = userTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
            if (formRef == null || formRef.isBlank() || formRef.contains("${") || formRef.contains("#{")) {
                return;
            }
            // built-in: before the model's complete listeners, which trust the answers
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                    task -> check(task, formRef));
            behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE,
                    task -> forgetEarlierAnswers(task, formRef));
            // after the model's complete listeners, which refuse a choice that cannot work with their own reason
            behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE,
                    task -> checkOffered(task, formRef));
        });
    }

    /** @throws OperatorInputRefused.Refusal naming each field that does not fit the form */
    static void check(DelegateTask task, String formRef) {
        FormInputRules form = formOf(task, formRef).orElse(null);
        if (form == null) {
            return;
        }
        List<String> problems = form.problems(variables(task), FormInputCheck::feel);
        if (!problems.isEmpty()) {
            throw new OperatorInputRefused.Refusal(String.join("; ", problems));
        }
    }

    /**
     * A person (not an administrator, nor the application itself) answers with a choice the form offers on this
     * task: one its values expression filters out for the task's facts ({@code counter} with the rounds used up,
     * {@code facts.canCounter} false) is refused, as Tasklist never shows it. The model took such a choice as
     * another (a counter became a second escalation, and the history said "countered"). Runs after the model's
     * own complete listeners: a choice they refuse keeps their reason; what they wrote is rolled back with the
     * refusal. Administrators keep the exception the other form checks make for them ({@link TaskAnswers}).
     *
     * @throws OperatorInputRefused.Refusal naming the field and the choice
     */
    static void checkOffered(DelegateTask task, String formRef) {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        org.camunda.bpm.engine.impl.identity.Authentication who = configuration == null ? null
                : configuration.getIdentityService().getCurrentAuthentication();
        if (who == null || who.getUserId() == null
                || who.getGroupIds() != null && who.getGroupIds().contains(io.dropflow.security.Groups.ADMINS)) {
            return;
        }
        FormInputRules form = formOf(task, formRef).orElse(null);
        if (form == null) {
            return;
        }
        Map<String, Object> variables = variables(task);
        List<String> problems = form.notOffered(variables, variables, FormInputCheck::feel);
        if (!problems.isEmpty()) {
            throw new OperatorInputRefused.Refusal(String.join("; ", problems));
        }
    }

    static void forgetEarlierAnswers(DelegateTask task, String formRef) {
        formOf(task, formRef).ifPresent(form -> form.keys().stream()
                .filter(key -> !FormFacts.VARIABLE.equals(key) && task.hasVariable(key))
                .forEach(task::removeVariable));
    }

    private static Optional<FormInputRules> formOf(DelegateTask task, String formRef) {
        if (task.getProcessDefinitionId() == null || task.getProcessEngineServices() == null) {
            return Optional.empty();
        }
        return formOf(task.getProcessEngineServices().getRepositoryService(), task.getProcessDefinitionId(), formRef);
    }

    /** The form {@code formRef} as deployed with the process definition; empty when there is none. */
    static Optional<FormInputRules> formOf(RepositoryService repository, String processDefinitionId, String formRef) {
        return FORMS.computeIfAbsent(processDefinitionId + "/" + formRef,
                k -> DeployedForms.of(repository, processDefinitionId).values().stream()
                        .map(FormInputRules::parse).filter(form -> formRef.equals(form.formId())).findFirst());
    }

    /** The variables the form sees: the task's, its facts as an object (JSON values as plain Java). */
    private static Map<String, Object> variables(DelegateTask task) {
        Map<String, Object> variables = new HashMap<>();
        task.getVariables().forEach((name, value) -> variables.put(name, plain(value)));
        if (task.hasVariableLocal(FormFacts.VARIABLE)) {
            variables.put(FormFacts.VARIABLE, FormFacts.shownOn(task));
        }
        return variables;
    }

    /**
     * FEEL as {@link #check} evaluates it, from the engine's configuration rather than the command's context:
     * for a check made before the engine's command runs ({@link TaskAnswers}).
     */
    static java.util.function.BiFunction<String, Map<String, Object>, Object> feelOf(
            ProcessEngineConfigurationImpl configuration) {
        return (expression, variables) -> {
            DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
            FeelEngine feel = dmn == null ? null : dmn.getFeelEngine();
            if (feel == null) {
                throw new IllegalStateException("no FEEL engine");
            }
            return feel.evaluateSimpleExpression(expression, Variables.fromMap(variables).asVariableContext());
        };
    }

    static Object plain(Object value) {
        if (value instanceof SpinJsonNode json) {
            try {
                return JSON.readValue(json.toString(), Object.class);
            } catch (IOException e) {
                return null;
            }
        }
        return value;
    }

    private static Object feel(String expression, Map<String, Object> variables) {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        DefaultDmnEngineConfiguration dmn = configuration == null ? null : configuration.getDmnEngineConfiguration();
        FeelEngine feel = dmn == null ? null : dmn.getFeelEngine();
        if (feel == null) {
            throw new IllegalStateException("no FEEL engine");
        }
        return feel.evaluateSimpleExpression(expression, Variables.fromMap(variables).asVariableContext());
    }
}
