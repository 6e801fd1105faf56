package io.dropflow.processengine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One process variable, named once with its type: typed reads and writes instead of casts, and a
 * read that fails fast, naming the variable and where it was missing, instead of a
 * NullPointerException three calls later. Each process's backing class declares its variables as
 * constants of this type (after holunda's camunda-bpm-data).
 *
 * <p>What the engine stores is what the models and forms need: ids as Long, counts as Long (never
 * Integer, so a value written by a form and one written by Java compare equal), deadlines as
 * {@link Date} (timer expressions take it), durations as ISO 8601 text (timer expressions take
 * it), amounts and enums as text (forms show and send them as text).
 *
 * @param <T> the value's type in Java
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Function<Object, T> read;
    private final Function<T, Object> write;
    /** For an id of another record: its kind ("purchase order") and the variable of the record it must belong to. */
    private final String kind;
    private final ProcessVariable<Long> owner;

    private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
        this(name, read, write, null, null);
    }

    private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write, String kind,
            ProcessVariable<Long> owner) {
        this.name = name;
        this.read = read;
        this.write = write;
        this.kind = kind;
        this.owner = owner;
    }

    public static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, Object::toString, v -> v);
    }

    /** Ids and counts; an Integer written by a form or an expression reads as Long too. */
    public static ProcessVariable<Long> number(String name) {
        return new ProcessVariable<>(name, v -> v instanceof Number n ? n.longValue() : Long.valueOf(v.toString()), v -> v);
    }

    public static ProcessVariable<Boolean> flag(String name) {
        return new ProcessVariable<>(name, v -> v instanceof Boolean b ? b : Boolean.valueOf(v.toString()), v -> v);
    }

    /** A moment, stored as a Date so that timer events can use it ({@code timeDate="${shipByAt}"}). */
    public static ProcessVariable<Instant> moment(String name) {
        return new ProcessVariable<>(name, v -> v instanceof Date d ? d.toInstant() : Instant.parse(v.toString()),
                Date::from);
    }

    /** A duration, stored as ISO 8601 text so that timer events can use it ({@code timeDuration="${restockWait}"}). */
    public static ProcessVariable<Duration> duration(String name) {
        return new ProcessVariable<>(name, v -> Duration.parse(v.toString()), Duration::toString);
    }

    /** An amount of money, stored as plain text (forms read and write it as text). */
    public static ProcessVariable<BigDecimal> amount(String name) {
        return new ProcessVariable<>(name, v -> v instanceof BigDecimal b ? b : new BigDecimal(v.toString().trim()),
                BigDecimal::toPlainString);
    }

    /**
     * An enum, stored as its name (the models' gateways and the forms compare text); a {@link FormChoice}, a
     * person's choice on a form, as the form spells it ("wait_for_restock"). What the engine stores stays text,
     * so that forms, gateways and instances started before a variable was typed read and write it as before.
     */
    public static <E extends Enum<E>> ProcessVariable<E> choice(String name, Class<E> type) {
        if (FormChoice.class.isAssignableFrom(type)) {
            return new ProcessVariable<>(name, v -> formChoice(type, v.toString()), e -> ((FormChoice) e).formValue());
        }
        return new ProcessVariable<>(name, v -> Enum.valueOf(type, v.toString()), Enum::name);
    }

    private static <E extends Enum<E>> E formChoice(Class<E> type, String value) {
        for (E choice : type.getEnumConstants()) {
            if (((FormChoice) choice).formValue().equals(value)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("not one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> ((FormChoice) c).formValue()).toList());
    }

    /**
     * Form facts kept on a process instance for the tasks it opens, as one JSON value ({@link FormFacts#typed}),
     * not on a task: a task's own facts are {@link FormFacts#setLocal}'s.
     */
    public static ProcessVariable<FormFacts> facts(String name) {
        return new ProcessVariable<>(name, v -> FormFacts.of(FormFacts.readJson(v)), FormFacts::typed);
    }

    /**
     * The id of a record that belongs to the process's own ({@code owner}: a purchase order, {@code kind}, of the
     * order in {@code orderId}): read in a step, it is checked against that record ({@link RecordOwnership}), and
     * one of another order fails the step, an incident, instead of acting on the other order (changed by hand in
     * Cockpit's variable editor). A value in a map (a message's payload) is not checked.
     */
    public static ProcessVariable<Long> belongingTo(String name, String kind, ProcessVariable<Long> owner) {
        ProcessVariable<Long> plain = number(name);
        return new ProcessVariable<>(name, plain.read, plain.write, kind, owner);
    }

    public String name() {
        return name;
    }

    /** @throws MissingProcessVariable when the variable is not set where it must be */
    public T from(VariableScope scope) {
        return optionalFrom(scope).orElseThrow(() -> new MissingProcessVariable(name, scope));
    }

    @SuppressWarnings("unchecked")
    public Optional<T> optionalFrom(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return Optional.empty();
        }
        T converted = convert(value);
        if (kind != null) {
            RecordOwnership.check(scope, (ProcessVariable<Long>) this, kind, owner, (Long) converted);
        }
        return Optional.of(converted);
    }

    /**
     * The variable of this scope only (an input parameter of the step running, a task's own), not one of the
     * process seen through it.
     */
    public Optional<T> optionalFromLocal(VariableScope scope) {
        Object value = scope.getVariableLocal(name);
        return value == null ? Optional.empty() : Optional.of(convert(value));
    }

    public T from(VariableScope scope, T otherwise) {
        return optionalFrom(scope).orElse(otherwise);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, stored(value));
    }

    /** A variable of this scope only: of a task (task forms read these), or of an execution's own scope. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, stored(value));
    }

    /**
     * A value the model reads within the same step (transaction) only, such as the answer a gateway
     * right behind this task takes: a transient variable, never stored, with no history (ADR 21).
     * An instance that already stores the variable (started on an older version of the model) goes
     * on storing it: the engine refuses to turn a stored variable into a transient one.
     */
    public void setForThisStep(VariableScope scope, T value) {
        TypedValue existing = scope.getVariableTyped(name);
        if (existing != null && !existing.isTransient()) {
            set(scope, value);
        } else {
            scope.setVariable(name, Variables.untypedValue(stored(value), true));
        }
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    /** The value as the engine stores it, for maps of start or correlation variables. */
    public Object stored(T value) {
        return value == null ? null : write.apply(value);
    }

    /** This variable's value in a map of variables (a message's payload, a start's variables). */
    public Optional<T> optionalFrom(Map<String, ?> variables) {
        Object value = variables.get(name);
        return value == null ? Optional.empty() : Optional.of(convert(value));
    }

    private T convert(Object value) {
        try {
            return read.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException("process variable " + name + " holds " + value + " ("
                    + value.getClass().getSimpleName() + "), which is not what it should be: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
