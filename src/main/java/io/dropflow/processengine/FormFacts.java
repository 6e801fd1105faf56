package io.dropflow.processengine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The facts one task form shows: small values (text, numbers, yes/no) and lists of rows, together
 * in one task-local JSON variable, {@value #VARIABLE}, which Tasklist hands to form-js as an object.
 * A form reads a fact by its path ({@code {{facts.orderNumber}}}, a table's data source
 * {@code =facts.history}), so an analyst still moves, relabels or removes each one in Modeler; one
 * variable instead of one each spares a missed-deadline task 26 variable rows (ADR 20). Words are
 * already readable ({@link OperatorWords}), moments in the seller's zone ({@link SellerTime}),
 * amounts with their currency's decimals and code.
 */
public final class FormFacts {

    /** The task-local variable that holds a task's facts; forms read {@code facts.<name>}. */
    public static final String VARIABLE = "facts";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** A text, number or yes/no; null when there is nothing to show. */
    public FormFacts put(String name, Object value) {
        if (value != null && !(value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof BigDecimal)) {
            throw new IllegalArgumentException(name + ": a form fact is a text, number or yes/no, not " + value.getClass());
        }
        values.put(name, value instanceof BigDecimal d ? d.toPlainString() : value);
        return this;
    }

    /** Rows of a table or loop: each row a map of column to text, number or yes/no. */
    public FormFacts rows(String name, List<? extends Map<String, ?>> rows) {
        values.put(name, List.copyOf(rows));
        return this;
    }

    /** These facts and then {@code more}'s; a fact in both takes {@code more}'s value. */
    public FormFacts with(FormFacts more) {
        values.putAll(more.values);
        return this;
    }

    /** Facts as {@link #read} gave them back (kept elsewhere as {@link #typed}, e.g. on a process instance). */
    public static FormFacts of(Map<String, Object> read) {
        FormFacts facts = new FormFacts();
        facts.values.putAll(read);
        return facts;
    }

    /** These facts as one JSON value, as {@link #setLocal} writes them and {@link #read} reads them. */
    public TypedValue typed() {
        return SpinValues.jsonValue(json(values)).create();
    }

    /** Every fact, by name, in the order they were added. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public Object get(String name) {
        return values.get(name);
    }

    /**
     * Puts the facts into the task-local JSON variable {@value #VARIABLE}, replacing any there; on a
     * task of a model version whose forms still read each fact by name (deployed before ADR 20),
     * into one task-local variable per fact, rows as JSON, as those forms expect.
     */
    public void setLocal(VariableScope task) {
        if (task instanceof DelegateTask delegate && FormsReadingFactsByName.formOf(delegate)) {
            values.forEach((name, value) -> task.setVariableLocal(name,
                    value instanceof List<?> rows ? SpinValues.jsonValue(json(rows)).create() : value));
        } else {
            task.setVariableLocal(VARIABLE, SpinValues.jsonValue(json(values)).create());
        }
    }

    /**
     * News that reaches an open task after its creation: each of these facts the task already shows
     * takes its new value; the task's other facts stay, and facts it does not show are not added. A
     * task whose form reads each fact by name (before ADR 20) keeps what it was created with.
     *
     * @return whether the task showed any of these facts
     */
    public boolean refreshOn(TaskService tasks, String taskId) {
        TypedValue current = tasks.getVariableLocalTyped(taskId, VARIABLE, false);
        if (current == null) {
            return false;
        }
        Map<String, Object> shown = new LinkedHashMap<>(read(current));
        boolean changed = false;
        for (Map.Entry<String, Object> fact : values.entrySet()) {
            if (shown.containsKey(fact.getKey())) {
                shown.put(fact.getKey(), fact.getValue());
                changed = true;
            }
        }
        if (changed) {
            tasks.setVariableLocal(taskId, VARIABLE, SpinValues.jsonValue(json(shown)).create());
        }
        return changed;
    }

    private static String json(Object facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form facts are not JSON", e);
        }
    }

    /**
     * The facts a task's form shows, by name, as {@link #setLocal} put them (numbers as JSON reads
     * them, rows as lists of maps). A task created before the facts became one variable (ADR 20)
     * has one task-local variable per fact: those.
     */
    public static Map<String, Object> shownOn(VariableScope task) {
        TypedValue facts = task.getVariableLocalTyped(VARIABLE, false);
        return facts == null ? task.getVariablesLocal() : read(facts);
    }

    /** The facts in a {@value #VARIABLE} variable's value, as {@link #shownOn} reads them. */
    public static Map<String, Object> read(TypedValue facts) {
        String json = facts instanceof SerializableValue serialized && serialized.getValueSerialized() != null
                ? serialized.getValueSerialized() : facts == null ? null : Objects.toString(facts.getValue(), null);
        if (json == null) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(JSON.readValue(json, FACTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the task's " + VARIABLE + " variable is not a JSON object", e);
        }
    }

    /** The facts in a JSON value as a process variable holds it (JSON text, a Spin JSON node). */
    static Map<String, Object> readJson(Object json) {
        try {
            return Collections.unmodifiableMap(JSON.readValue(json.toString(), FACTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form facts are not a JSON object", e);
        }
    }

    private static final TypeReference<LinkedHashMap<String, Object>> FACTS = new TypeReference<>() {
    };

    /** A row of a form table: column, value, column, value… (null values are left out). */
    public static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (columnsAndValues[i + 1] != null) {
                row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
            }
        }
        return row;
    }
}
