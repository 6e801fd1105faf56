package io.dropflow.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a Camunda Form (form-js schema) that an operator reads: each component's label,
 * description and Markdown text, date and time labels, prefix and suffix (e.g. a unit), its
 * options' labels and its table columns' labels, in nested components too. FEEL expressions ({@code =…}) are computed by form-js and stay as they are,
 * but for a text written as one FEEL string literal ({@code ="Your decision"}), which is that text, and the option
 * labels written as string literals in a {@code valuesExpression}
 * ({@code =[{label: "Reroute…", value: "reroute"}][…]}, how a form hides options that cannot apply) and the column
 * labels written so in a table's {@code columnsExpression} ({@code =[{key: "quantity", label: "Quantity"}]}).
 */
final class FormSchemas {

    private static final List<String> WORDS = List.of("label", "description", "placeholder", "dateLabel", "timeLabel");
    private static final List<String> ADORNERS = List.of("prefixAdorner", "suffixAdorner");
    private static final List<String> MARKDOWN = List.of("text", "content");
    private static final List<String> LABELLED_LISTS = List.of("values", "columns");
    /** A FEEL expression that is one string literal: {@code ="Your decision"}. */
    private static final Pattern STRING_LITERAL = Pattern.compile("=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");
    /**
     * The FEEL expressions that give a component its options ({@code valuesExpression}) or a table its columns
     * ({@code columnsExpression}, explore s18, H7): a list of contexts whose labels operators read.
     */
    private static final List<String> LABELLED_EXPRESSIONS = List.of("valuesExpression", "columnsExpression");
    /**
     * An option's or column's label as a FEEL string literal inside such an expression, its key written as a name or as a
     * string ({@code label: "Refund"}, {@code "label": "Refund"}): group 1 the key and colon, group 2 the text.
     */
    private static final Pattern LITERAL_LABEL = Pattern.compile(
            "((?<![\\w\"])label\\s*:\\s*|\"label\"\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A letter: a string literal with one is words. */
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** Any FEEL string literal (found from the expression's start, so each is one literal). */
    private static final Pattern ANY_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * A text of a form written as a FEEL expression with words in it other than one string literal
     * ({@code ="Your " + "decision"}, {@code =if urgent then "Now" else "Later"}): form-js shows what it computes, which
     * no entry translates. {@code where}: the field and the component ("label of reviewDecision"); {@code joined}: the
     * text an expression of string literals alone joins to, else null.
     */
    record Computed(String expression, String where, String joined) {
    }

    private FormSchemas() {
    }

    /**
     * The texts of this form written as FEEL expressions with words in them, other than one string literal (which
     * {@link #texts} takes as its text): never translated. An expression without words of its own ({@code =facts.name},
     * a value the form's variables bring, translated as they are) is not one of them.
     */
    static List<Computed> computed(JsonNode form) {
        List<Computed> computed = new ArrayList<>();
        computed(form, computed);
        return computed;
    }

    private static void computed(JsonNode parent, List<Computed> computed) {
        for (JsonNode component : parent.path("components")) {
            String name = component.path("key").asText(component.path("id").asText("a component"));
            WORDS.forEach(field -> computed(component.get(field), field + " of " + name, computed));
            // review s18 F5: form-js computes a text view's "=…" as FEEL too
            MARKDOWN.forEach(field -> computed(component.get(field), field + " of " + name, computed));
            ADORNERS.forEach(field -> computed(component.path("appearance").get(field), field + " of " + name, computed));
            for (String list : LABELLED_LISTS) {
                for (JsonNode item : component.path(list)) {
                    computed(item.get("label"), "label of " + ("values".equals(list) ? "an option" : "a column") + " of "
                            + name, computed);
                }
            }
            computed(component, computed);
        }
    }

    private static void computed(JsonNode value, String where, List<Computed> computed) {
        if (value == null || !value.isTextual() || !value.asText().startsWith("=")
                || STRING_LITERAL.matcher(value.asText()).matches() || ANY_LITERAL.matcher(value.asText()).results()
                        .noneMatch(literal -> LETTER.matcher(literal.group(1)).find())) {
            return;
        }
        String expression = value.asText();
        String joined = null;
        if (ANY_LITERAL.matcher(expression.substring(1)).replaceAll("").replace("+", "").isBlank()) {
            StringBuilder text = new StringBuilder();
            ANY_LITERAL.matcher(expression).results().forEach(literal -> text.append(literal.group(1)
                    .replace("\\\"", "\"").replace("\\\\", "\\")));
            joined = text.toString();
        }
        computed.add(new Computed(expression, where, joined));
    }

    /** The translatable units of this form, in order. */
    static List<String> texts(JsonNode form) {
        List<String> texts = new ArrayList<>();
        translate(form, text -> {
            texts.add(text);
            return text;
        });
        return texts;
    }

    /** Replaces every operator text of this form, in place, by what {@code translation} makes of it. */
    static void translate(JsonNode form, UnaryOperator<String> translation) {
        for (JsonNode component : form.path("components")) {
            if (component instanceof ObjectNode fields) {
                WORDS.forEach(field -> replace(fields, field, words(translation)));
                if (fields.path("appearance") instanceof ObjectNode appearance) {
                    ADORNERS.forEach(field -> replace(appearance, field, words(translation)));
                }
                MARKDOWN.forEach(field -> replace(fields, field, text -> TextUnits.translate(text, translation)));
                for (String list : LABELLED_LISTS) {
                    for (JsonNode item : fields.path(list)) {
                        if (item instanceof ObjectNode labelled) {
                            replace(labelled, "label", words(translation));
                        }
                    }
                }
                replaceLiteralLabels(fields, words(translation));
                translate(fields, translation);
            }
        }
    }

    private static void replaceLiteralLabels(ObjectNode component, UnaryOperator<String> translation) {
        for (String field : LABELLED_EXPRESSIONS) {
            JsonNode expression = component.get(field);
            if (expression == null || !expression.isTextual()) {
                continue;
            }
            Matcher label = LITERAL_LABEL.matcher(expression.asText());
            StringBuilder translated = new StringBuilder();
            while (label.find()) {
                String text = label.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
                String replacement = translation.apply(text).replace("\\", "\\\\").replace("\"", "\\\"");
                label.appendReplacement(translated, Matcher.quoteReplacement(label.group(1) + "\"" + replacement + "\""));
            }
            label.appendTail(translated);
            component.set(field, TextNode.valueOf(translated.toString()));
        }
    }

    private static UnaryOperator<String> words(UnaryOperator<String> translation) {
        return text -> TextUnits.needsTranslation(text) ? translation.apply(text) : text;
    }

    private static void replace(ObjectNode node, String field, UnaryOperator<String> translation) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            return;
        }
        if (!value.asText().startsWith("=")) {
            node.set(field, TextNode.valueOf(translation.apply(value.asText())));
            return;
        }
        // a FEEL string literal (="Your decision"), which form-js shows as its text: a text like any (explore s17, D7)
        Matcher literal = STRING_LITERAL.matcher(value.asText());
        if (literal.matches()) {
            String text = literal.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            node.set(field, TextNode.valueOf("=\"" + translation.apply(text).replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\""));
        }
    }
}
