package io.dropflow.translation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Translates the engine API answers that the webapps show to operators, by the path asked for
 * (after {@code /camunda/api/engine/engine/{engine}}): a task's deployed Camunda Form, its form
 * variables' display words, and the names of tasks, processes and filters (with the filters'
 * descriptions) in lists and single answers. Anything else passes unchanged.
 */
final class EngineApiResponses {

    private static final Pattern ENGINE_PATH = Pattern.compile("^/camunda/api/engine/engine/[^/]+");
    private static final Pattern FORM = Pattern.compile("^/(task|process-definition)/.+/deployed-(start-)?form$");
    private static final Pattern FORM_VARIABLES = Pattern.compile("^/(task|process-definition)/.+/form-variables$");
    private static final Pattern NAMED = Pattern.compile("^/(task|filter|process-definition)(/.*)?$");

    private final ObjectMapper json;

    EngineApiResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Whether an answer to this request path may need translating. */
    static boolean translates(String requestPath) {
        String path = ENGINE_PATH.matcher(requestPath).replaceFirst("");
        return !path.equals(requestPath) && (FORM.matcher(path).matches() || FORM_VARIABLES.matcher(path).matches()
                || NAMED.matcher(path).matches());
    }

    /** The translated answer, or empty when there is nothing to translate or the body is no JSON. */
    Optional<byte[]> translate(String requestPath, byte[] body, OperatorTexts texts) {
        String path = ENGINE_PATH.matcher(requestPath).replaceFirst("");
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
     * Form variables: a string value that is a display word is translated when the bundle has it
     * exactly; JSON values (lists and objects, also when the engine sends them serialized) get the
     * same treatment for every string inside them. Keys and numbers stay.
     */
    private void variables(JsonNode answer, OperatorTexts texts) {
        for (JsonNode variable : answer) {
            if (!(variable instanceof ObjectNode typed)) {
                continue;
            }
            JsonNode value = typed.get("value");
            String type = typed.path("type").asText("");
            if (value == null) {
                continue;
            }
            if (value.isTextual() && "String".equals(type)) {
                typed.set("value", TextNode.valueOf(texts.translate(value.asText())));
            } else if (value.isTextual() && ("Json".equals(type) || "Object".equals(type))) {
                serialized(typed, value.asText(), texts);
            } else if (value.isContainerNode()) {
                typed.set("value", strings(value, texts));
            }
        }
    }

    private void serialized(ObjectNode variable, String value, OperatorTexts texts) {
        try {
            JsonNode parsed = json.readTree(value);
            if (parsed != null && parsed.isContainerNode()) {
                variable.set("value", TextNode.valueOf(json.writeValueAsString(strings(parsed, texts))));
            }
        } catch (JsonProcessingException notJson) {
            // a serialized Java object or another format: nothing an operator reads word by word
        }
    }

    private static JsonNode strings(JsonNode node, OperatorTexts texts) {
        if (node.isTextual()) {
            return TextNode.valueOf(texts.translate(node.asText()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, strings(array.get(i), texts));
            }
        } else if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(strings(field.getValue(), texts));
            }
        }
        return node;
    }

    /**
     * Tasks, processes and filters, alone, in a list or in a HAL answer's {@code _embedded}: their
     * {@code name}, a task's {@code description} (its model's documentation, which Tasklist shows),
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
                object.set("description", TextNode.valueOf(texts.translate(object.get("description").asText())));
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
