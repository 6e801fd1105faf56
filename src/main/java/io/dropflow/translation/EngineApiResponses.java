package io.dropflow.translation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates the engine API answers that the webapps show to operators, by the path asked for
 * (after {@code /camunda/api/engine/engine/{engine}}): a task's deployed Camunda Form, its form
 * variables' display words and messages, and the names of tasks, processes and filters (with the
 * filters' descriptions) in lists and single answers, the names of groups (a task's candidate groups, which
 * Tasklist shows in its header, and lists of groups); and on every path, the message of an error
 * answer (a refused task completion: Tasklist shows it under the form). Anything else passes unchanged.
 */
final class EngineApiResponses {

    private static final Pattern ENGINE_PATH = Pattern.compile("^/camunda/api/engine/engine/[^/]+");
    private static final Pattern FORM = Pattern.compile("^/(task|process-definition)/.+/deployed-(start-)?form$");
    private static final Pattern FORM_VARIABLES = Pattern.compile("^/(task|process-definition)/.+/form-variables$");
    private static final Pattern NAMED = Pattern.compile("^/(task|filter|process-definition)(/.*)?$");
    /**
     * Lists of groups: {@code /group} (a query, e.g. {@code ?member=mary}) and {@code /identity/groups?userId=…}.
     * Not one group ({@code /group/{id}}): Camunda Admin's group page edits its name and would save the translation.
     */
    private static final Pattern GROUPS = Pattern.compile("^/(group|identity/groups)/?$");

    /** Camunda's own error, which has no translation ("ENGINE-03051 …"). */
    private static final Pattern ENGINE_ERROR = Pattern.compile("^ENGINE-\\d+");
    /** What an operator reads before an engine's error that has no translation; the pattern ends in {original}. */
    static final String ENGINE_WORDS = "The engine's own words, untranslated: ";
    /** What an operator reads before a partner delivery's error that has no translation. */
    static final String PARTNER_WORDS = "As the partner or the system wrote it, untranslated: ";

    private final ObjectMapper json;

    EngineApiResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Whether an answer to this request path may need translating: any of the engine API's, for its errors. */
    static boolean translates(String requestPath) {
        return ENGINE_PATH.matcher(requestPath).find();
    }

    /**
     * An error answer with its message translated (the engine's {@code message}, also an RFC 7807
     * {@code title} and {@code detail}), or empty when it has none that the bundle translates.
     */
    Optional<byte[]> translateError(byte[] body, OperatorTexts texts) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
        if (!(answer instanceof ObjectNode error)) {
            return Optional.empty();
        }
        boolean translated = false;
        for (String field : List.of("message", "title", "detail")) {
            JsonNode text = error.get(field);
            if (text != null && text.isTextual()) {
                Optional<String> message = errorText(text.asText(), texts);
                if (message.isPresent()) {
                    error.set(field, TextNode.valueOf(message.get()));
                    translated = true;
                }
            }
        }
        try {
            return translated ? Optional.of(json.writeValueAsBytes(error)) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** An error's text translated; Camunda's own error without one after a lead-in that says so; else empty. */
    private static Optional<String> errorText(String text, OperatorTexts texts) {
        Optional<String> ours = texts.findMessage(text);
        return ours.isPresent() || !ENGINE_ERROR.matcher(text).find() ? ours
                : Optional.of(texts.translateMessageOr(ENGINE_WORDS, text));
    }

    /** The translated answer, or empty when there is nothing to translate or the body is no JSON. */
    Optional<byte[]> translate(String requestPath, byte[] body, OperatorTexts texts) {
        String path = ENGINE_PATH.matcher(requestPath).replaceFirst("");
        if (path.equals(requestPath) || !(FORM.matcher(path).matches() || FORM_VARIABLES.matcher(path).matches()
                || NAMED.matcher(path).matches() || GROUPS.matcher(path).matches())) {
            return Optional.empty();
        }
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
        if (answer == null || !answer.isContainerNode()) {
            return Optional.empty();
        }
        if (FORM.matcher(path).matches()) {
            FormSchemas.translate(answer, texts::translate);
        } else if (FORM_VARIABLES.matcher(path).matches()) {
            variables(answer, texts);
        } else if (NAMED.matcher(path).matches()) {
            names(answer, texts);
        } else if (GROUPS.matcher(path).matches()) {
            names(answer.has("groups") ? answer.get("groups") : answer, texts);
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(json.writeValueAsBytes(answer));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * The variables and facts that hold messages Dropflow wrote with values in them: an order's
     * validation problems, a line of a history table, an application's paper problems, a return's
     * policy, a supplier's scorecard verdict. Only these are matched against message patterns; any
     * other text (a consumer's description, a note, a name) is translated only when it is exactly
     * an entry, so a person's sentence that happens to fit a pattern ("Parcel never arrived") stays
     * as it was written.
     */
    static final Set<String> MESSAGES = Set.of("validationProblems", "what", "paperProblems", "policyRule",
            "scorecardFlag", "scorecardWhy", "lastError", "whatHappened", "missingRates",
            "notTried", "topic", "retriedInVain", "lateSupplierUnavailable");

    /**
     * How the name of a fact ends whose value is a count with its noun, as Dropflow writes it for a form
     * ({@code deadlineExtensionsInWords}: "1 time", "3 times"; {@code OperatorWords.count}): a message too, read by
     * its pattern ("{howMany} times": "{howMany} 次"). A form that showed "{{facts.n}} times" read "1 times" (s18).
     */
    static final String IN_WORDS = "InWords";

    /**
     * Of {@link #MESSAGES}, those that may be another's words as well as ours: a partner delivery's
     * error may be the partner's or the runtime's text. Untranslated, it reads after a lead-in that says so.
     */
    static final Set<String> OTHERS_WORDS = Set.of("lastError");

    /**
     * Form variables: a string value that is a display word is translated when the bundle has it
     * exactly, a message Dropflow wrote ({@link #MESSAGES}) when it matches a message pattern; JSON
     * values (lists and objects, also when the engine sends them serialized) get the same treatment
     * for every string inside them, by the name of the field that holds it. Keys and numbers stay.
     */
    private void variables(JsonNode answer, OperatorTexts texts) {
        for (Iterator<Map.Entry<String, JsonNode>> variables = answer.fields(); variables.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = variables.next();
            if (!(variable.getValue() instanceof ObjectNode typed)) {
                continue;
            }
            JsonNode value = typed.get("value");
            String type = typed.path("type").asText("");
            if (value == null) {
                continue;
            }
            if (value.isTextual() && "String".equals(type)) {
                typed.set("value", TextNode.valueOf(text(variable.getKey(), value.asText(), texts)));
            } else if (value.isTextual() && ("Json".equals(type) || "Object".equals(type))) {
                serialized(typed, variable.getKey(), value.asText(), texts);
            } else if (value.isContainerNode()) {
                typed.set("value", strings(variable.getKey(), value, texts));
            }
        }
    }

    private static String text(String name, String value, OperatorTexts texts) {
        if (OTHERS_WORDS.contains(name)) {
            return texts.translateMessageOr(PARTNER_WORDS, value);
        }
        return MESSAGES.contains(name) || name.endsWith(IN_WORDS) ? texts.translateMessage(value) : texts.translate(value);
    }

    private void serialized(ObjectNode variable, String name, String value, OperatorTexts texts) {
        try {
            JsonNode parsed = json.readTree(value);
            if (parsed != null && parsed.isContainerNode()) {
                variable.set("value", TextNode.valueOf(json.writeValueAsString(strings(name, parsed, texts))));
            }
        } catch (JsonProcessingException notJson) {
            // a serialized Java object or another format: nothing an operator reads word by word
        }
    }

    /** Every string in {@code node}, translated by the name of the field that holds it (a list's items by the list's). */
    private static JsonNode strings(String name, JsonNode node, OperatorTexts texts) {
        if (node.isTextual()) {
            return TextNode.valueOf(text(name, node.asText(), texts));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, strings(name, array.get(i), texts));
            }
        } else if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(strings(field.getKey(), field.getValue(), texts));
            }
        }
        return node;
    }

    /**
     * Tasks, processes and filters, alone, in a list or in a HAL answer's {@code _embedded} (also a task's
     * identity links' groups, whose names Tasklist shows as the task's groups), and groups in a list: their
     * {@code name}, a task's {@code description} (its model's documentation, which Tasklist shows, or a message
     * Dropflow wrote with values, translated by its pattern),
     * and a filter's {@code properties.description}.
     */
    private static void names(JsonNode node, OperatorTexts texts) {
        if (node instanceof ArrayNode list) {
            list.forEach(item -> names(item, texts));
        } else if (node instanceof ObjectNode object) {
            if (object.get("name") != null && object.get("name").isTextual()) {
                object.set("name", TextNode.valueOf(texts.translate(object.get("name").asText())));
            }
            if (object.get("description") != null && object.get("description").isTextual()) {
                // a model's documentation, or what Dropflow wrote happened (a partner-attention task about an order):
                // a message with values, translated by its pattern
                object.set("description", TextNode.valueOf(texts.translateMessage(object.get("description").asText())));
            }
            if (object.path("properties") instanceof ObjectNode properties && properties.path("description").isTextual()) {
                properties.set("description", TextNode.valueOf(texts.translate(properties.get("description").asText())));
            }
            if (object.path("_embedded") instanceof ObjectNode embedded) {
                embedded.forEach(list -> names(list, texts));
            }
        }
    }
}
