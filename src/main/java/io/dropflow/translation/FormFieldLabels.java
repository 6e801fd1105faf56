package io.dropflow.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The label each form input's key has in the forms Dropflow ships ({@code forms/*.form}): a refusal
 * names a field by its key ("reviewDecision is required"), an operator knows it by its label
 * ("Decision"). A key that two forms label differently has no label here: its refusal keeps the key.
 * Likewise the options of a choice: a refusal lists their values ("[wait_for_restock, substitute]"),
 * the form shows their labels ("Wait for restock").
 */
final class FormFieldLabels {

    /** An option written as FEEL literals in a {@code valuesExpression}: {@code {label: "…", value: "…"}}. */
    private static final Pattern LITERAL_OPTION = Pattern.compile(
            "label:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*value:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Map<String, String> LABELS = new HashMap<>();
    /** Each choice's options by its key, value to label, one map per form input. */
    private static final Map<String, List<Map<String, String>>> OPTIONS = new HashMap<>();

    static {
        read();
    }

    private FormFieldLabels() {
    }

    /** The English label of the input with this key, if every form that has it labels it the same. */
    static Optional<String> labelOf(String key) {
        return Optional.ofNullable(LABELS.get(key));
    }

    /**
     * The English labels of these options of the input with this key, in their order, as the forms
     * show them: from the input whose options include them all; empty when no input has them all,
     * or two such inputs label one of them differently.
     */
    static Optional<List<String>> optionLabels(String key, List<String> values) {
        List<String> found = null;
        for (Map<String, String> options : OPTIONS.getOrDefault(key, List.of())) {
            if (!options.keySet().containsAll(values)) {
                continue;
            }
            List<String> labels = values.stream().map(options::get).toList();
            if (found != null && !found.equals(labels)) {
                return Optional.empty();
            }
            found = labels;
        }
        return Optional.ofNullable(found);
    }

    private static void read() {
        Set<String> ambiguous = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver(FormFieldLabels.class.getClassLoader())
                    .getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    collect(json.readTree(in).path("components"), ambiguous);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the forms' labels", e);
        }
        ambiguous.forEach(LABELS::remove);
    }

    private static void collect(JsonNode components, Set<String> ambiguous) {
        for (JsonNode component : components) {
            JsonNode key = component.get("key");
            JsonNode label = component.get("label");
            if (key != null && key.isTextual() && label != null && label.isTextual() && !label.asText().startsWith("=")
                    && !component.path("type").asText().equals("table")) {
                String earlier = LABELS.putIfAbsent(key.asText(), label.asText());
                if (earlier != null && !earlier.equals(label.asText())) {
                    ambiguous.add(key.asText());
                }
            }
            if (key != null && key.isTextual()) {
                Map<String, String> options = options(component);
                if (!options.isEmpty()) {
                    OPTIONS.computeIfAbsent(key.asText(), k -> new ArrayList<>()).add(options);
                }
            }
            collect(component.path("components"), ambiguous);
        }
    }

    /** A choice's options, value to label: its static values, or the literals of its values expression. */
    private static Map<String, String> options(JsonNode component) {
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode option : component.path("values")) {
            if (option.path("value").isTextual() && option.path("label").isTextual()) {
                options.put(option.get("value").asText(), option.get("label").asText());
            }
        }
        JsonNode expression = component.get("valuesExpression");
        if (expression != null && expression.isTextual()) {
            Matcher option = LITERAL_OPTION.matcher(expression.asText());
            while (option.find()) {
                options.putIfAbsent(unquoted(option.group(2)), unquoted(option.group(1)));
            }
        }
        return options;
    }

    private static String unquoted(String literal) {
        return literal.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
