package io.dropflow.processengine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The facts one task form shows, each its own task-local variable so that an analyst can move,
 * relabel or remove it in Modeler: small values (text, numbers, yes/no) and lists of rows, which
 * become Spin JSON variables that Tasklist hands to form-js tables and loops. Words are already
 * readable ({@link OperatorWords}), moments in the seller's zone ({@link SellerTime}), amounts with
 * their currency's decimals and code.
 */
public final class FormFacts {

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

    /** Every fact, by variable name, in the order they were added. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public Object get(String name) {
        return values.get(name);
    }

    /** Puts every fact into task-local variables; rows as JSON. */
    public void setLocal(VariableScope task) {
        values.forEach((name, value) -> task.setVariableLocal(name,
                value instanceof List<?> rows ? SpinValues.jsonValue(json(rows)).create() : value));
    }

    private static String json(List<?> rows) {
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form rows are not JSON", e);
        }
    }

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
