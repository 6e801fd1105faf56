package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every Camunda Form in forms/ and every decision table in bpmn/ must be: forms for Camunda
 * 7.24 that show facts as text and ask only for validated decisions; decisions that parse and
 * carry a history time to live.
 */
class FormQualityTest {

    /** An operator's optional note (docs/modeling.md): the only input a form may leave empty. */
    private static final String OPERATOR_NOTE = "operatorNote";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Form-js components that only display (facts, headings, layout). */
    private static final Set<String> DISPLAY = Set.of("text", "html", "image", "spacer", "separator", "group", "iframe", "table");

    static Stream<Path> forms() throws IOException {
        return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form"));
    }

    static Stream<Path> decisions() throws IOException {
        return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".dmn"));
    }

    /**
     * A task's deadline comes from the model (a deadlines table): a form that says what happens to an undecided task
     * names no fixed time. Exploratory test s12 (tasklist 4): "Decide on missing lines" said "refunded after four
     * hours" while its model refunds after order-deadlines.dmn's decision time (2 minutes in the demo).
     */
    @ParameterizedTest
    @MethodSource("forms")
    void whatHappensToAnUndecidedTaskNamesNoFixedTime(Path form) throws IOException {
        java.util.regex.Pattern fixed = java.util.regex.Pattern.compile("(?i)(undecided|not decided)[^.]*?\\b(\\d+|one|two|"
                + "three|four|five|six|twelve|twenty-four|forty-eight)[ -](minute|hour|day|week)s?\\b");
        JSON.readTree(form.toFile()).findValues("text").forEach(text -> assertThat(fixed.matcher(text.asText()).find())
                .as(form.getFileName() + ": " + text.asText()).isFalse());
    }

    @ParameterizedTest
    @MethodSource("forms")
    void formsAreForThisEngineAndAskOnlyForValidatedDecisions(Path form) throws IOException {
        JsonNode schema = JSON.readTree(form.toFile());
        assertThat(schema.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(schema.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        assertThat(ModelDeployment.formFileName(schema.path("id").asText())).as("id matches the file name")
                .isEqualTo(form.getFileName().toString());

        List<JsonNode> inputs = new ArrayList<>();
        schema.path("components").forEach(c -> {
            if (!DISPLAY.contains(c.path("type").asText())) {
                inputs.add(c);
            }
        });
        assertThat(inputs).as(form + " asks for a decision").isNotEmpty();
        for (JsonNode input : inputs) {
            String name = form.getFileName() + " field " + input.path("key").asText();
            assertThat(input.path("key").asText()).as(name + " key").isNotBlank();
            if (OPERATOR_NOTE.equals(input.path("key").asText())) {
                // The one optional input: a free note for the order's history, bounded.
                assertThat(input.path("validate").path("maxLength").asInt()).as(name + " is bounded").isPositive();
                continue;
            }
            assertThat(input.path("validate").path("required").asBoolean()).as(name + " is required").isTrue();
            if (Set.of("radio", "select", "checklist").contains(input.path("type").asText())) {
                // Static values, or (to hide options that cannot apply) a FEEL list of literal options filtered by facts.
                int options = input.has("valuesExpression")
                        ? input.path("valuesExpression").asText().split("value: \"", -1).length - 1
                        : input.path("values").size();
                assertThat(options).as(name + " has allowed values").isGreaterThan(1);
            }
            assertThat(input.path("readonly").asBoolean(false)).as(name + " is an input, facts are text").isFalse();
            if (input.path("decimalDigits").asInt(0) > 0) {
                // An amount, in the case's currency: KWD's three decimals must be possible (the listener checks the currency's)
                assertThat(input.path("decimalDigits").asInt()).as(name + " takes any currency's decimals")
                        .isEqualTo(io.dropflow.settlement.Currencies.mostMinorUnits());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void decisionTablesParseAndHaveAHistoryTimeToLive(Path model) {
        DmnModelInstance dmn = Dmn.readModelFromFile(model.toFile());
        Dmn.validateModel(dmn);
        for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
            assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId() + " historyTimeToLive").isNotBlank();
        }
    }
}
