package io.dropflow.processengine;

import static io.dropflow.processengine.CommandFields.field;
import static io.dropflow.processengine.CommandFields.read;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a person sends to complete a task ({@code /complete}, {@code /submit-form}, Tasklist's submit):
 * only what the task's form can send. The engine sets every variable that comes with a completion on the
 * process, so a field the form does not have would change the process behind the operator's decision
 * (another {@code orderId}, and the decision lands on another order). Such a field is refused unless it
 * only repeats the value the process has (a client that sends back what it read changes nothing);
 * the form's own fields are checked by {@link FormInputCheck} as the task completes.
 *
 * <p>The one class that reads the engine's completion commands' fields ({@code taskId},
 * {@code variables}, {@code properties}); a fork that renames them fails at start, not silently.
 */
final class TaskAnswers {

    private static final String NEEDED_FOR = "the check of a task's answers against its form";
    private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId", NEEDED_FOR);
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables", NEEDED_FOR);
    private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId", NEEDED_FOR);
    private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties", NEEDED_FOR);

    private final String taskId;
    private final Map<String, Object> variables;

    private TaskAnswers(String taskId, Map<String, Object> variables) {
        this.taskId = taskId;
        this.variables = variables;
    }

    /** The answers a completion brings; empty for any other command, or a completion without variables. */
    static Optional<TaskAnswers> of(Command<?> command) {
        if (command instanceof CompleteTaskCmd) {
            return of(read(COMPLETE_TASK, command), read(COMPLETE_VARIABLES, command));
        }
        if (command instanceof SubmitTaskFormCmd) {
            return of(read(SUBMIT_TASK, command), read(SUBMIT_VARIABLES, command));
        }
        return Optional.empty();
    }

    /** The task a completion ({@code /complete}, {@code /submit-form}) answers, with or without variables. */
    static Optional<String> taskOf(Command<?> command) {
        Object taskId = command instanceof CompleteTaskCmd ? read(COMPLETE_TASK, command)
                : command instanceof SubmitTaskFormCmd ? read(SUBMIT_TASK, command) : null;
        return taskId instanceof String id ? Optional.of(id) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<TaskAnswers> of(Object taskId, Object variables) {
        return taskId instanceof String id && variables instanceof Map<?, ?> map && !map.isEmpty()
                ? Optional.of(new TaskAnswers(id, (Map<String, Object>) map)) : Optional.empty();
    }

    /**
     * A completion by anyone (an administrator, the application too) brings no serialized object (the engine
     * API's type {@code Object}, Java-serialized or JSON of a class the sender names): a form never sends one,
     * and the engine would deserialize it into the process (a Java object from the request: unsafe, and the
     * form's check could not read it, a 500). Refused naming each such field and what its form takes.
     *
     * @throws BadUserRequestException caused by an {@link OperatorInputRefused.Refusal}
     */
    void refuseSerializedObjects(ProcessEngineServices engine) {
        refuseUnreadableValues();
        // typed: a variable map's plain value of a serialized object is its deserialization, which fails
        List<String> objects = variables.keySet().stream().filter(name -> (variables instanceof VariableMap typed
                ? typed.getValueTyped(name) : variables.get(name)) instanceof ObjectValue).sorted().toList();
        if (objects.isEmpty()) {
            return;
        }
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return; // not a task this person sees: the command refuses it
        }
        CamundaFormRef formRef = task.getCamundaFormRef();
        Optional<FormInputRules> form = formRef == null ? Optional.empty()
                : FormInputCheck.formOf(engine.getRepositoryService(), task.getProcessDefinitionId(), formRef.getKey());
        List<String> problems = objects.stream().map(name -> FormInputRules.serializedObjectProblem(
                form.flatMap(rules -> rules.input(name)).orElseGet(() -> FormInputRules.anyInput(name)))).toList();
        var refusal = new OperatorInputRefused.Refusal(String.join("; ", problems));
        throw new BadUserRequestException(refusal.getMessage(), refusal);
    }

    /**
     * A value its own type cannot hold (Json that is no JSON, Xml without its format: read when the value is first
     * asked for) is refused naming the field, as a 400; it was a 500 from Spin or the engine (an exploratory test).
     */
    private void refuseUnreadableValues() {
        if (!(variables instanceof VariableMap typed)) {
            return;
        }
        List<String> problems = new java.util.ArrayList<>();
        for (String name : variables.keySet()) {
            try {
                Object value = typed.getValueTyped(name);
                if (value instanceof org.camunda.bpm.engine.variable.value.TypedValue t && !(t instanceof ObjectValue)) {
                    t.getValue();
                }
            } catch (RuntimeException unreadable) {
                String type = String.valueOf(unreadable.getMessage());
                problems.add(name + " is not what its type says (" + (type.length() > 120 ? type.substring(0, 120) : type)
                        + "): send the form's value as text, a number or true or false");
            }
        }
        if (!problems.isEmpty()) {
            var refusal = new OperatorInputRefused.Refusal(String.join("; ", problems));
            throw new BadUserRequestException(refusal.getMessage(), refusal);
        }
    }

    /**
     * @param feel evaluates the form's FEEL conditions (which field it hides for the answers)
     * @throws BadUserRequestException caused by an {@link OperatorInputRefused.Refusal} naming the fields the
     *     task's form does not have, or hides for the answers sent, that would change the process (the engine
     *     logs a bad request at DEBUG)
     */
    void checkAgainstForm(ProcessEngineServices engine,
            java.util.function.BiFunction<String, Map<String, Object>, Object> feel) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        CamundaFormRef formRef = task == null ? null : task.getCamundaFormRef();
        if (formRef == null) {
            return; // not a task this person sees (the command refuses it), or one without a Camunda Form
        }
        FormInputRules form = FormInputCheck.formOf(engine.getRepositoryService(), task.getProcessDefinitionId(),
                formRef.getKey()).orElse(null);
        if (form == null) {
            return;
        }
        List<String> keys = form.keys();
        Map<String, Object> others = new LinkedHashMap<>();
        Map<String, Object> answers = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
            if (!keys.contains(name) && !FormFacts.VARIABLE.equals(name)) {
                others.put(name, plain);
            } else if (keys.contains(name)) {
                answers.put(name, plain);
            }
        });
        Map<String, Object> current = engine.getTaskService().getVariables(taskId);
        List<String> changing = others.entrySet().stream()
                .filter(e -> !current.containsKey(e.getKey()) || !Objects.equals(current.get(e.getKey()), e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        if (!changing.isEmpty()) {
            refuse("the task's form has no field " + String.join(", ", changing)
                    + ": a task is answered with its form's fields only");
        }
        // A field the form hides for these answers, sent with a value: the form never sends it, and nothing checks it
        Map<String, Object> seen = new LinkedHashMap<>();
        current.forEach((name, value) -> seen.put(name, FormInputCheck.plain(value)));
        seen.putAll(answers);
        Map<String, Object> hiddenChanging = new LinkedHashMap<>();
        answers.forEach((name, value) -> {
            if (!current.containsKey(name) || !Objects.equals(current.get(name), value)) {
                hiddenChanging.put(name, value);
            }
        });
        List<String> hidden = form.hiddenButSent(seen, hiddenChanging, feel);
        if (!hidden.isEmpty()) {
            refuse(String.join("; ", hidden));
        }
    }

    private static void refuse(String message) {
        var refusal = new OperatorInputRefused.Refusal(message);
        // the engine's REST APIs answer it as the caller's error, its own log keeps it at DEBUG
        throw new BadUserRequestException(refusal.getMessage(), refusal);
    }
}
