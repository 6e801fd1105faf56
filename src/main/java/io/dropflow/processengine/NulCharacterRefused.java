package io.dropflow.processengine;

import static io.dropflow.processengine.CommandFields.field;
import static io.dropflow.processengine.CommandFields.read;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * No text with the NUL character (U+0000) reaches the process through the engine's APIs: a task's completion
 * ({@code /complete}, {@code /submit-form}, Tasklist's submit, {@code /resolve}) and a variable written through a task
 * or a process ({@code PUT …/variables/{name}}, {@code POST …/variables}), by anyone, administrators too. PostgreSQL
 * cannot store it (a 500 from the engine's or the case's update), H2 kept it in the case and its history; Dropflow's own
 * API refuses it the same way ({@code must not contain the NUL character (U+0000)}). A 400 naming each such field.
 */
final class NulCharacterRefused {

    private static final String NEEDED_FOR = "the refusal of text with the NUL character in what the engine API is sent";
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables", NEEDED_FOR);
    private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties", NEEDED_FOR);
    private static final Field SET_VARIABLES = field(AbstractSetVariableCmd.class, "variables", NEEDED_FOR);
    private static final Field PATCH_VARIABLES = field(AbstractPatchVariablesCmd.class, "variables", NEEDED_FOR);

    private NulCharacterRefused() {
    }

    /**
     * @throws BadUserRequestException caused by an {@link OperatorInputRefused.Refusal} naming each variable whose
     *     text has the NUL character
     */
    static void check(Command<?> command) {
        Object variables = command instanceof CompleteTaskCmd ? read(COMPLETE_VARIABLES, command)
                : command instanceof SubmitTaskFormCmd ? read(SUBMIT_VARIABLES, command)
                : command instanceof AbstractSetVariableCmd ? read(SET_VARIABLES, command)
                : command instanceof AbstractPatchVariablesCmd ? read(PATCH_VARIABLES, command) : null;
        if (!(variables instanceof Map<?, ?> map) || map.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<?, ?> variable : map.entrySet()) {
            String name = String.valueOf(variable.getKey());
            // typed: a variable map's plain value of a serialized object is its deserialization
            Object value;
            try {
                value = map instanceof VariableMap typed ? typed.getValueTyped(name) : variable.getValue();
            } catch (RuntimeException unreadable) {
                continue; // not text: the value's own check answers it
            }
            // a String, or a typed value of one: "type": "String", or none (the engine API's untyped value)
            Object plain = value instanceof TypedValue typedValue && !(typedValue instanceof SerializableValue)
                    ? typedValue.getValue() : value;
            String text = plain instanceof String s ? s : null;
            if (text != null && text.indexOf('\u0000') >= 0) {
                problems.add(name);
            }
        }
        if (!problems.isEmpty()) {
            var refusal = new OperatorInputRefused.Refusal(String.join(", ", problems.stream().sorted().toList())
                    + " must not contain the NUL character (U+0000)");
            throw new BadUserRequestException(refusal.getMessage(), refusal);
        }
    }
}
