package io.dropflow.processengine;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;

/**
 * The one rule a decision table (a unique hit policy) matched, as deployed: the latest version
 * analysts deployed, evaluated by the engine. Every output is read by name, and every problem
 * names the table, so a table without a rule for a case or with a missing output fails loudly.
 */
public final class DecisionRow {

    private final String table;
    private final DmnDecisionResultEntries entries;

    private DecisionRow(String table, DmnDecisionResultEntries entries) {
        this.table = table;
        this.entries = entries;
    }

    /**
     * Evaluates decision {@code key} of {@code table} (its file name, for messages) on {@code inputs};
     * {@code which} says what the inputs were, for the message when no rule matches.
     */
    public static DecisionRow evaluate(DecisionService decisions, String key, String table, Map<String, Object> inputs,
            String which) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(key).variables(inputs).evaluate()
                .getSingleResult();
        if (result == null) {
            throw new IllegalStateException(table + " has no rule for " + which);
        }
        return new DecisionRow(table, result);
    }

    /** A whole number (hours, days, rounds, a priority). */
    public long whole(String output) {
        return number(output).longValue();
    }

    /** A whole number that may not be negative. */
    public long wholeNotNegative(String output) {
        Object value = entries.getEntry(output);
        if (!(value instanceof Number number) || number.longValue() < 0) {
            throw new IllegalStateException(table + " gave no valid " + output + ": " + value);
        }
        return number.longValue();
    }

    /** A decimal (a share, a rate), exactly as the table wrote it. */
    public BigDecimal decimal(String output) {
        return new BigDecimal(number(output).toString());
    }

    private Number number(String output) {
        if (!(entries.getEntry(output) instanceof Number number)) {
            throw new IllegalStateException(table + " gave no " + output);
        }
        return number;
    }
}
