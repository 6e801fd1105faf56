package io.dropflow.processengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Camunda Form accepts, read from its JSON: for each input (a component with a key) whether
 * it is required, its type, decimals, bounds, length and allowed values, and the FEEL condition
 * that hides it. {@link #problems} checks what a person sent to complete a task against it, the way
 * the form in Tasklist would, so that input sent past the form (the engine REST API, an old form)
 * is refused with the field and the rule named instead of failing deeper in a listener or gateway.
 * A hidden input is neither required nor checked (form-js does not submit it either); a person who sends
 * one with a value anyway is refused ({@link #hiddenButSent}, {@link TaskAnswers}).
 */
final class FormInputRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Form-js inputs (components that submit a value); the rest only display or lay out. */
    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "radio", "select", "checkbox",
            "checklist", "taglist", "datetime");
    private static final Set<String> CHOICES = Set.of("radio", "select", "checklist", "taglist");
    private static final Pattern LITERAL_VALUE = Pattern.compile("value\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One input of the form. */
    record Input(String key, String type, boolean required, BigDecimal min, BigDecimal max, Integer minLength,
            Integer maxLength, Integer decimalDigits, List<String> values, String valuesExpression, String hide) {
    }

    private final String formId;
    private final List<Input> inputs;

    private FormInputRules(String formId, List<Input> inputs) {
        this.formId = formId;
        this.inputs = List.copyOf(inputs);
    }

    static FormInputRules parse(String json) {
        try {
            JsonNode form = JSON.readTree(json);
            List<Input> inputs = new ArrayList<>();
            collect(form.path("components"), inputs);
            return new FormInputRules(form.path("id").asText(), inputs);
        } catch (IOException e) {
            throw new UncheckedIOException("a form that is not JSON", e);
        }
    }

    /** The form's id, as a task's {@code camunda:formRef} names it. */
    String formId() {
        return formId;
    }

    List<Input> inputs() {
        return inputs;
    }

    /** The keys the form submits: a task's answers. */
    List<String> keys() {
        return inputs.stream().map(Input::key).distinct().toList();
    }

    private static void collect(JsonNode components, List<Input> inputs) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (INPUTS.contains(type) && c.hasNonNull("key")) {
                JsonNode validate = c.path("validate");
                List<String> values = null;
                if (c.path("values").isArray()) {
                    values = new ArrayList<>();
                    for (JsonNode v : c.path("values")) {
                        values.add(v.path("value").asText());
                    }
                }
                inputs.add(new Input(c.get("key").asText(), type, validate.path("required").asBoolean(false),
                        decimal(validate.get("min")), decimal(validate.get("max")), integer(validate.get("minLength")),
                        integer(validate.get("maxLength")), integer(c.get("decimalDigits")), values,
                        text(c.get("valuesExpression")), text(c.path("conditional").get("hide"))));
            }
            if (c.path("components").isArray()) {
                collect(c.path("components"), inputs);
            }
        }
    }

    /**
     * What is wrong with {@code variables} (the task's variables, the answers among them) for this
     * form, each naming the field and the rule; empty when nothing is. {@code feel} evaluates a FEEL
     * expression (without its leading {@code =}) with variables, as form-js would in the browser.
     */
    List<String> problems(Map<String, Object> variables, BiFunction<String, Map<String, Object>, Object> feel) {
        Map<String, Object> context = new LinkedHashMap<>();
        keys().forEach(key -> context.put(key, null));
        context.putAll(variables);
        List<String> problems = new ArrayList<>();
        for (Input input : inputs) {
            if (hidden(input, context, feel)) {
                continue;
            }
            Object value = context.get(input.key());
            if (empty(value)) {
                if (input.required()) {
                    problems.add(input.key() + " is required");
                }
                continue;
            }
            String problem = switch (input.type()) {
                case "number" -> numberProblem(input, value);
                case "textfield", "textarea" -> textProblem(input, value);
                case "checkbox" -> value instanceof Boolean ? null : input.key() + " must be true or false, was " + value;
                default -> CHOICES.contains(input.type()) ? choiceProblem(input, value, context, feel) : null;
            };
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /**
     * The fields sent with a value that the form hides for the answers ({@code extendByHours} with the decision
     * {@code cancel_and_refund}), each a problem naming it: form-js submits no hidden field, so such a value
     * was sent past the form, unchecked by it (a hidden input is not checked), and the engine would set it on
     * the process. {@code variables} are what the form sees (the task's variables with the answers), {@code sent}
     * the values to judge (a field sent empty is none).
     */
    List<String> hiddenButSent(Map<String, Object> variables, Map<String, Object> sent,
            BiFunction<String, Map<String, Object>, Object> feel) {
        Map<String, Object> context = new LinkedHashMap<>();
        keys().forEach(key -> context.put(key, null));
        context.putAll(variables);
        List<String> problems = new ArrayList<>();
        for (Input input : inputs) {
            if (sent.containsKey(input.key()) && !empty(sent.get(input.key())) && hidden(input, context, feel)
                    && !problems.contains(hiddenProblem(input.key()))) {
                problems.add(hiddenProblem(input.key()));
            }
        }
        return problems;
    }

    private static String hiddenProblem(String key) {
        return key + " is hidden by its form for this answer and takes no value: send it only where the form shows it";
    }

    /**
     * The choices sent that the form does not offer on this task, each a problem naming the field and the value: a
     * value among the form's own ({@link #allowedValues}) that its values expression filters out for the task's facts
     * ({@code counter} on a mediation whose rounds are used up: {@code facts.canCounter} false). Tasklist never shows
     * it; only a person sending past the form does. Empty when the expression cannot be evaluated (nothing is refused
     * on a guess). {@code variables} are what the form sees: the task's variables with the answers and its facts.
     */
    List<String> notOffered(Map<String, Object> variables, Map<String, Object> sent,
            BiFunction<String, Map<String, Object>, Object> feel) {
        Map<String, Object> context = new LinkedHashMap<>();
        keys().forEach(key -> context.put(key, null));
        context.putAll(variables);
        List<String> problems = new ArrayList<>();
        for (Input input : inputs) {
            Object value = sent.get(input.key());
            if (!CHOICES.contains(input.type()) || input.valuesExpression() == null || empty(value)
                    || hidden(input, context, feel)) {
                continue;
            }
            List<String> named = allowedValues(input, context, feel);
            List<String> offered = offeredValues(input, context, feel);
            if (named == null || offered == null) {
                continue;
            }
            Collection<?> chosen = value instanceof Collection<?> many ? many : List.of(value);
            for (Object one : chosen) {
                String choice = Objects.toString(one);
                if (named.contains(choice) && !offered.contains(choice)) {
                    problems.add(input.key() + " " + choice + " is not offered on this task: its form offers "
                            + offered + " here");
                }
            }
        }
        return problems;
    }

    /** The values the values expression evaluates to for {@code context}; null when it does not evaluate to a list. */
    private static List<String> offeredValues(Input input, Map<String, Object> context,
            BiFunction<String, Map<String, Object>, Object> feel) {
        String expression = input.valuesExpression().strip();
        try {
            if (feel.apply(expression.startsWith("=") ? expression.substring(1) : expression, context)
                    instanceof Collection<?> options) {
                List<String> values = new ArrayList<>();
                for (Object option : options) {
                    values.add(Objects.toString(option instanceof Map<?, ?> map ? map.get("value") : option));
                }
                return values;
            }
        } catch (RuntimeException e) {
            // nothing to check against
        }
        return null;
    }

    /** The input with this key; empty when the form has none. */
    java.util.Optional<Input> input(String key) {
        return inputs.stream().filter(input -> input.key().equals(key)).findFirst();
    }

    /** A field no form shows (a task without a form, a key its form does not have): it takes any plain value. */
    static Input anyInput(String key) {
        return new Input(key, "", false, null, null, null, null, null, null, null, null);
    }

    /**
     * Why a value sent as a serialized object (the engine API's type {@code Object}: a Java object, or JSON
     * of some class, that the engine would deserialize) is no answer for this field: what the field takes,
     * in words. A form sends text, numbers, true or false, dates and lists of its choices, never such an
     * object; the object's class is not named (it is the sender's, not the operator's).
     */
    static String serializedObjectProblem(Input input) {
        if (CHOICES.contains(input.type())) {
            List<String> choices = allowedValues(input, Map.of(), (expression, variables) -> {
                throw new IllegalStateException("no FEEL here: only the values the form names");
            });
            if (choices != null && !choices.isEmpty()) {
                return input.key() + " must be one of " + choices + ", not a serialized object (type Object)";
            }
            return input.key() + " must be one of its form's choices, not a serialized object (type Object)";
        }
        return switch (input.type()) {
            case "number" -> input.key() + " must be a number, not a serialized object (type Object)";
            case "checkbox" -> input.key() + " must be true or false, not a serialized object (type Object)";
            case "datetime" -> input.key() + " must be a date, not a serialized object (type Object)";
            case "textfield", "textarea" -> input.key() + " must be text, not a serialized object (type Object)";
            default -> input.key() + " must be text, a number, true or false or a date, not a serialized object (type Object)";
        };
    }

    private static boolean hidden(Input input, Map<String, Object> context,
            BiFunction<String, Map<String, Object>, Object> feel) {
        if (input.hide() == null || input.hide().isBlank()) {
            return false;
        }
        String expression = input.hide().strip();
        if (!expression.startsWith("=")) {
            return Boolean.parseBoolean(expression);
        }
        try {
            return Boolean.TRUE.equals(feel.apply(expression.substring(1), context));
        } catch (RuntimeException e) {
            return false; // as form-js: a condition that does not evaluate to true hides nothing
        }
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof Collection<?> c && c.isEmpty();
    }

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    private static String numberProblem(Input input, Object value) {
        BigDecimal number;
        boolean text = value instanceof String;
        try {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite()) || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
                throw new NumberFormatException();
            }
            // Text in plain digits only, as the models read it (Long.valueOf, new BigDecimal): "2e1" or " 5" would
            // pass a BigDecimal here and fail in the model's step, a 500 instead of this 400.
            if (!(value instanceof Number) && !(text && PLAIN_NUMBER.matcher(value.toString()).matches())) {
                throw new NumberFormatException();
            }
            number = new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return input.key() + " must be a number, was " + value;
        }
        Integer digits = input.decimalDigits();
        if (digits != null && digits == 0 && (number.stripTrailingZeros().scale() > 0 || text && number.scale() > 0)) {
            return input.key() + " must be a whole number, was " + value;
        }
        if (digits != null && number.stripTrailingZeros().scale() > digits) {
            return input.key() + " may have at most " + digits + " decimals, was " + value;
        }
        if (input.min() != null && number.compareTo(input.min()) < 0) {
            // the field's least step as its minimum (an amount's 0.001, for currencies of three decimals) is "above 0":
            // a currency of two or none refuses that amount as too precise, so it is no minimum to name
            boolean aboveZero = digits != null && digits > 0
                    && input.min().compareTo(BigDecimal.ONE.movePointLeft(digits)) == 0;
            return input.key() + (aboveZero ? " must be above 0" : " must be at least " + input.min().toPlainString())
                    + ", was " + value;
        }
        if (input.max() != null && number.compareTo(input.max()) > 0) {
            return input.key() + " must be at most " + input.max().toPlainString() + ", was " + value;
        }
        return null;
    }

    private static String textProblem(Input input, Object value) {
        if (!(value instanceof String s)) {
            return input.key() + " must be text, was " + value;
        }
        // In UTF-16 units, as form-js counts (JavaScript's length) and H2 stores: an emoji or a CJK Extension B
        // character counts two. PostgreSQL counts characters, never more: a text within the limit fits the
        // columns the forms' notes go to (varchar of the form's maxLength) on both databases; counted in
        // characters, 1 200 such characters passed and failed the update on H2 (a 500 that quoted the SQL).
        int length = s.length();
        if (input.maxLength() != null && length > input.maxLength()) {
            return input.key() + " may be at most " + input.maxLength() + " characters long, was " + length;
        }
        if (input.minLength() != null && length < input.minLength()) {
            return input.key() + " must be at least " + input.minLength() + " characters long, was " + length;
        }
        return null;
    }

    private static String choiceProblem(Input input, Object value, Map<String, Object> context,
            BiFunction<String, Map<String, Object>, Object> feel) {
        List<String> allowed = allowedValues(input, context, feel);
        if (allowed == null) {
            return null;
        }
        Collection<?> chosen = value instanceof Collection<?> many ? many : List.of(value);
        for (Object one : chosen) {
            if (!allowed.contains(Objects.toString(one))) {
                return input.key() + " must be one of " + allowed + ", was " + value;
            }
        }
        return null;
    }

    /**
     * The static values, or every value the values expression names. Not the expression's result: a
     * choice its filter (a {@code can…} fact) leaves out is refused for people only, after the model's own
     * listener, which refuses a choice that cannot work with its reason ("escalated already", "no offer" to
     * accept): {@link #notOffered}. Only an expression that names no literal value is evaluated here.
     */
    private static List<String> allowedValues(Input input, Map<String, Object> context,
            BiFunction<String, Map<String, Object>, Object> feel) {
        if (input.values() != null) {
            return input.values();
        }
        if (input.valuesExpression() == null) {
            return null;
        }
        String expression = input.valuesExpression().strip();
        List<String> literal = new ArrayList<>();
        Matcher m = LITERAL_VALUE.matcher(expression);
        while (m.find()) {
            literal.add(m.group(1));
        }
        if (!literal.isEmpty()) {
            return literal;
        }
        return offeredValues(input, context, feel);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.decimalValue();
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.intValue();
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }
}
