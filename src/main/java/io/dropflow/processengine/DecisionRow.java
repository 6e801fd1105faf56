package io.dropflow.processengine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.exception.dmn.DecisionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule a decision table matched, as deployed: the latest version analysts deployed, evaluated by the engine.
 * Every place that reads a table goes through here: every output is read by name, and every problem (no rule, an
 * output missing or of the wrong kind, an expression the engine cannot evaluate) is a {@link DecisionTableBroken}
 * naming the table and the output ("shipping-sla.dmn gave no shipByHours", "shipping-sla.dmn's shipByHours is
 * "ten hours", not a number"), never a Java exception about maps and casts.
 */
public final class DecisionRow {

    private static final Logger log = LoggerFactory.getLogger(DecisionRow.class);

    private final String table;
    private final String which;
    /** The outputs by name; an output cell a rule leaves empty has no entry. */
    private final Map<String, Object> outputs;

    private DecisionRow(String table, String which, DmnDecisionResultEntries entries) {
        this.table = table;
        this.which = which;
        this.outputs = entries.getEntryMap();
    }

    /**
     * Evaluates decision {@code key} of {@code table} (its file name, for messages) on {@code inputs};
     * {@code which} says what the inputs were, for the messages.
     *
     * @throws DecisionTableBroken when no rule matches or the table cannot be evaluated
     */
    public static DecisionRow evaluate(DecisionService decisions, String key, String table, Map<String, Object> inputs,
            String which) {
        return ifAny(decisions, key, table, inputs, which)
                .orElseThrow(() -> broken(table, table + " has no rule for " + which));
    }

    /** The same, empty when no rule matches (a table whose "no rule" is an answer). */
    public static Optional<DecisionRow> ifAny(DecisionService decisions, String key, String table,
            Map<String, Object> inputs, String which) {
        return decide(table, which, () -> decisions.evaluateDecisionByKey(key).variables(inputs).evaluate());
    }

    /** Every rule that matched, in order (a table with hit policy COLLECT). */
    public static List<DecisionRow> evaluateAll(DecisionService decisions, String key, String table,
            Map<String, Object> inputs, String which) {
        DmnDecisionResult result = evaluated(table, which,
                () -> decisions.evaluateDecisionByKey(key).variables(inputs).evaluate());
        return result.stream().map(entries -> new DecisionRow(table, which, entries)).toList();
    }

    /**
     * The one rule of a result evaluated otherwise (by a DMN engine of its own), empty when no rule matched; the
     * evaluation runs here so that its errors name the table too.
     */
    public static Optional<DecisionRow> decide(String table, String which, Supplier<DmnDecisionResult> evaluation) {
        DmnDecisionResult result = evaluated(table, which, evaluation);
        DmnDecisionResultEntries single;
        try {
            single = result.getSingleResult();
        } catch (DmnEngineException several) {
            throw broken(table, table + " matched " + result.size() + " rules for " + which + ", where one decides");
        }
        return Optional.ofNullable(single).map(entries -> new DecisionRow(table, which, entries));
    }

    private static DmnDecisionResult evaluated(String table, String which, Supplier<DmnDecisionResult> evaluation) {
        try {
            return evaluation.get();
        } catch (DmnEngineException | FeelException | DecisionException e) {
            // FEEL that does not parse or evaluate, an output of another type than its column, the table not deployed
            throw broken(table, table + " cannot decide for " + which + ": " + e.getMessage());
        }
    }

    /** A problem with a table the caller found itself (a value out of its range): it names the table. */
    public static DecisionTableBroken broken(String table, String message) {
        log.warn("Decision table broken: {}", message);
        return new DecisionTableBroken(table, message);
    }

    /** Whether the rule gave this output (a rule may leave a cell empty). */
    public boolean has(String output) {
        return outputs.get(output) != null;
    }

    /** A text the rule must give. */
    public String text(String output) {
        return String.valueOf(required(output));
    }

    /** A text the rule may leave empty: null then. */
    public String textOrNull(String output) {
        Object value = outputs.get(output);
        return value == null ? null : value.toString();
    }

    /** One of {@code type}'s constants, by name. */
    public <E extends Enum<E>> E oneOf(String output, Class<E> type) {
        String value = text(output);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException notOne) {
            throw notA(output, "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    /** true or false, which the rule must give. */
    public boolean yesOrNo(String output) {
        if (!(required(output) instanceof Boolean value)) {
            throw notA(output, "true or false");
        }
        return value;
    }

    /** true or false, false when the rule leaves the cell empty. */
    public boolean yesIfGiven(String output) {
        return has(output) && yesOrNo(output);
    }

    /** A whole number (hours, days, rounds, a priority). */
    public long whole(String output) {
        return number(output).longValue();
    }

    /** A whole number that may not be negative. */
    public long wholeNotNegative(String output) {
        long value = whole(output);
        if (value < 0) {
            throw notA(output, "a number of 0 or more");
        }
        return value;
    }

    /** A decimal (a share, a rate), exactly as the table wrote it. */
    public BigDecimal decimal(String output) {
        return new BigDecimal(number(output).toString());
    }

    /** A duration in ISO 8601 (PT12H twelve hours, P3D three days). */
    public Duration duration(String output) {
        Duration duration = durationOf(text(output));
        if (duration == null) {
            throw notA(output, "a duration (ISO 8601: PT12H, P3D)");
        }
        return duration;
    }

    /**
     * A duration as the application reads one ({@link #duration}), also what the deploy check ({@link TableRules})
     * lets through: ISO 8601 days and times (PT12H, P3D, PT2M), not weeks or months ("P1W", "P1M": no fixed length);
     * null when the text is none.
     */
    public static Duration durationOf(String text) {
        try {
            return text == null ? null : Duration.parse(text.trim());
        } catch (DateTimeParseException notADuration) {
            return null;
        }
    }

    /** A step a schedule repeats by ({@link #step}): whole days (P1D, P1W), or a time (PT2M), more than none. */
    public static boolean isStep(String text) {
        try {
            if (text == null || text.isBlank()) {
                return false;
            }
            if (text.contains("T")) {
                return Duration.parse(text).compareTo(Duration.ZERO) > 0;
            }
            Period days = Period.parse(text);
            return days.getDays() > 0 && days.toTotalMonths() == 0;
        } catch (DateTimeParseException notAStep) {
            return false;
        }
    }

    /** A step a schedule repeats by, as the rule wrote it: whole days (P1D, P1W) or a time (PT2M), more than none. */
    public String step(String output) {
        String text = text(output);
        if (!isStep(text)) {
            throw notA(output, "a number of days or a duration, more than none (P1D daily, PT2M)");
        }
        return text;
    }

    private Number number(String output) {
        if (!(required(output) instanceof Number number)) {
            throw notA(output, "a number");
        }
        return number;
    }

    private Object required(String output) {
        Object value = outputs.get(output);
        if (value == null) {
            throw broken(table, table + " gave no " + output + " for " + which + (outputs.isEmpty() ? ""
                    : " (it gave " + String.join(", ", outputs.keySet()) + ")"));
        }
        return value;
    }

    /**
     * The output is there but not what the application reads from it: "order-deadlines.dmn's escalationPriority is
     * -5, not a number of 0 or more (for channel SHOPIFY)".
     */
    public DecisionTableBroken notA(String output, String what) {
        Object value = outputs.get(output);
        return broken(table, table + "'s " + output + " is " + (value instanceof String ? "\"" + value + "\"" : value)
                + ", not " + what + " (for " + which + ")");
    }
}
