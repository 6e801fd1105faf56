package io.dropflow.processengine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
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
            throw broken(table, said(table, which, e));
        } catch (ProcessEngineException e) {
            // the engine's decision service wraps what its DMN engine threw ("Exception while evaluating decision with
            // key …"): said in the table's words too (explore s16, defect 2), anything else is not the table's
            Throwable dmn = e.getCause();
            while (dmn != null && !(dmn instanceof DmnEngineException || dmn instanceof FeelException)) {
                dmn = dmn.getCause() == dmn ? null : dmn.getCause();
            }
            if (dmn == null) {
                throw e;
            }
            throw broken(table, said(table, which, dmn));
        }
    }

    /** How the engine says a UNIQUE or ANY table matched several rules (DMN-03001, DMN-03002): its hit policy, the rules. */
    private static final Pattern SEVERAL = Pattern.compile("DMN-0300[12] Hit policy '([A-Z_ ]+)'.*", Pattern.DOTALL);
    private static final Pattern RULE_ID = Pattern.compile("DmnEvaluatedDecisionRuleImpl\\{id='([^']*)'");

    private static String said(String table, String which, Throwable failure) {
        Matcher several = SEVERAL.matcher(String.valueOf(failure.getMessage()));
        if (!several.matches()) {
            return table + " cannot decide for " + which + ": " + failure.getMessage();
        }
        List<String> rules = RULE_ID.matcher(failure.getMessage()).results().map(rule -> rule.group(1)).toList();
        return table + " matched " + (rules.isEmpty() ? "several rules" : "rules " + String.join(", ", rules)) + " for "
                + which + ", and its hit policy " + several.group(1) + " allows only one: set hit policy FIRST (the"
                + " first matching rule) in Modeler and deploy the table again";
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

    /** A whole number from {@code min} to {@code max} (a score 0-100, a tier 1-3; hours above 0: 1 to Long.MAX_VALUE). */
    public long wholeWithin(String output, long min, long max) {
        long value = whole(output);
        if (value < min || value > max) {
            throw notA(output, max == Long.MAX_VALUE ? (min == 1 ? "a whole number above 0" : "a whole number of "
                    + min + " or more") : "a whole number from " + min + " to " + max);
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

    /** How a time of day is said to an analyst, at deployment and at run time. */
    public static final String TIME_OF_DAY = "a time of day (HH:mm, 23:00)";
    /** How a wait that needs some time is said to an analyst, at deployment and at run time. */
    public static final String MORE_THAN_NONE = "a duration of more than none (ISO 8601: PT12H, P3D)";

    /** A time of day as the application reads one ("23:00"); null when the text is none ("25:00"). */
    public static LocalTime timeOfDayOf(String text) {
        try {
            return text == null ? null : LocalTime.parse(text.trim());
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    /** A time of day (HH:mm, 23:00), which the rule must give. */
    public LocalTime timeOfDay(String output) {
        LocalTime time = timeOfDayOf(text(output));
        if (time == null) {
            throw notA(output, TIME_OF_DAY);
        }
        return time;
    }

    /** A duration ({@link #duration}) of more than none: a wait that must give some time. */
    public Duration positiveDuration(String output) {
        Duration duration = duration(output);
        if (duration.compareTo(Duration.ZERO) <= 0) {
            throw notA(output, MORE_THAN_NONE);
        }
        return duration;
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
            if (outputs.containsKey(output)) {
                // the column is there, the rule's expression gave nothing (a FEEL name typed wrong: null)
                throw broken(table, table + " gave no " + output + " for " + which + " (its " + output
                        + " was empty: check the rule's expression)");
            }
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
