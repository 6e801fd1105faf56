package io.dropflow.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The label each form input's key has in the forms Dropflow ships ({@code forms/*.form}): a refusal
 * names a field by its key ("reviewDecision is required"), an operator knows it by its label
 * ("Decision"). A key that two forms label differently has no label here: its refusal keeps the key.
 */
final class FormFieldLabels {

    private static final Map<String, String> LABELS = read();

    private FormFieldLabels() {
    }

    /** The English label of the input with this key, if every form that has it labels it the same. */
    static Optional<String> labelOf(String key) {
        return Optional.ofNullable(LABELS.get(key));
    }

    private static Map<String, String> read() {
        Map<String, String> labels = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver(FormFieldLabels.class.getClassLoader())
                    .getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    collect(json.readTree(in).path("components"), labels, ambiguous);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the forms' labels", e);
        }
        ambiguous.forEach(labels::remove);
        return Map.copyOf(labels);
    }

    private static void collect(JsonNode components, Map<String, String> labels, Set<String> ambiguous) {
        for (JsonNode component : components) {
            JsonNode key = component.get("key");
            JsonNode label = component.get("label");
            if (key != null && key.isTextual() && label != null && label.isTextual() && !label.asText().startsWith("=")
                    && !component.path("type").asText().equals("table")) {
                String earlier = labels.putIfAbsent(key.asText(), label.asText());
                if (earlier != null && !earlier.equals(label.asText())) {
                    ambiguous.add(key.asText());
                }
            }
            collect(component.path("components"), labels, ambiguous);
        }
    }
}
