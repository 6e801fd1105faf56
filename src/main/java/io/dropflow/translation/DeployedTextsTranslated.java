package io.dropflow.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.processengine.UntranslatedTexts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Component;

/**
 * A deployed model's, form's or decision table's operator texts ({@link ModelTexts}, as the build checks {@code bpmn/}
 * and {@code forms/}) without a Chinese entry in {@code forms/i18n/operator-texts.zh.json}: the bundle ships with the
 * application, so an analyst's new or reworded task name, form label (exploratory test s16, defect 4) or return-policy
 * reason (checked by the build only until then) would reach Chinese operators in English. The deployment refuses them.
 * Models carry the English text, the bundle's key: one written in Chinese says so (review s16 part 2, F8), since
 * "without a Chinese entry" reads as nonsense to the analyst who wrote it in Chinese. A form's text written as a FEEL
 * expression with words other than one string literal ({@code =if urgent then "Now" else "Later"}) is listed too: form-js
 * shows what it computes, which is never translated.
 */
@Component
class DeployedTextsTranslated implements UntranslatedTexts {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A text with a Chinese character: written in Chinese where the model carries English. */
    private static final java.util.regex.Pattern CHINESE = java.util.regex.Pattern.compile("\\p{IsHan}");

    @Override
    public List<String> in(String file, byte[] content) {
        String lower = file.toLowerCase(Locale.ROOT);
        Map<String, String> texts = new LinkedHashMap<>();
        List<FormSchemas.Computed> computed = List.of();
        if (lower.endsWith(".form")) {
            JsonNode form;
            try {
                form = JSON.readTree(content);
            } catch (IOException | RuntimeException notJson) {
                return List.of();
            }
            ModelTexts.ofForm(form).forEach(text -> texts.putIfAbsent(text, file));
            computed = FormSchemas.computed(form);
        } else if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            BpmnModelInstance model;
            try {
                model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            } catch (RuntimeException notBpmn) {
                return List.of();
            }
            ModelTexts.names(model).forEach((text, where) -> texts.putIfAbsent(text, file + ", " + where));
            ModelTexts.descriptions(model).forEach((text, where) -> texts.putIfAbsent(text, file + ", " + where));
            ModelTexts.escalationReasons(model).forEach(text -> texts.putIfAbsent(text, file + ", "
                    + ModelTexts.ESCALATION_REASON));
        } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            DmnModelInstance model;
            try {
                model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
            } catch (RuntimeException notDmn) {
                return List.of();
            }
            ModelTexts.ofTables(model).forEach(text -> texts.putIfAbsent(text.text(), file + ", " + text.where()));
        }
        OperatorTexts chinese = OperatorTexts.of("zh");
        List<String> missing = new ArrayList<>();
        texts.forEach((text, where) -> {
            if (chinese.find(text).isEmpty()) {
                missing.add("\"" + text + "\" (" + where + (ModelTexts.isComputed(text) ? "; words around an expression:"
                        + " Tasklist's name is looked up as the value it takes (\"Review order 12\"), which no entry has,"
                        + " so it is never translated; name the task in words alone, or by an expression alone whose"
                        + " values have entries" : CHINESE.matcher(text).find() ? "; written in Chinese: the"
                        + " model carries the English text, whose Chinese comes from operator-texts.zh.json" : "") + ")");
            }
        });
        // a form's words inside a FEEL expression other than one string literal (note s17's leftovers): form-js shows
        // what the expression computes, which no entry has
        for (FormSchemas.Computed text : computed) {
            missing.add("\"" + text.expression() + "\" (" + file + ", " + text.where() + "; words inside a FEEL"
                    + " expression: form-js shows what it computes, which no entry translates, so Chinese operators would"
                    + " read it in English; " + (text.joined() != null ? "write it as one text: " + text.joined()
                    + " (or =\"" + text.joined() + "\")" : "write it in words alone (plain, or one FEEL string =\"…\"),"
                    + " and words that differ by case in text views of their own, each shown by its condition (Hide if)")
                    + ")");
        }
        return missing;
    }
}
