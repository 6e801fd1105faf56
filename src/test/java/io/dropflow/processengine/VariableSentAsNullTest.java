package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.dto.PatchVariablesDto;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.junit.jupiter.api.Test;

/**
 * The engine REST API's mapper reads a variable sent as JSON null as one without a value, as {@code {"value": null}}:
 * Camunda's own left it null, and the API failed on it with a NullPointerException (a 500 naming Camunda's classes).
 */
class VariableSentAsNullTest {

    private final ObjectMapper api = new JsonVariablesShown().getContext(CompleteTaskDto.class);

    @Test
    void aVariableSentAsNullIsOneWithoutValue() throws Exception {
        Map<String, VariableValueDto> completion = api.readValue("{\"variables\":{\"reviewDecision\":null}}",
                CompleteTaskDto.class).getVariables();
        assertThat(completion.get("reviewDecision")).isNotNull();
        assertThat(completion.get("reviewDecision").getValue()).isNull();
        assertThat(completion.get("reviewDecision").getType()).isNull();

        Map<String, VariableValueDto> modifications = api.readValue("{\"modifications\":{\"x\":null}}",
                PatchVariablesDto.class).getModifications();
        assertThat(modifications.get("x")).isNotNull();
        assertThat(api.readValue("null", VariableValueDto.class)).as("PUT …/variables/x with null").isNotNull();

        VariableValueDto sent = api.readValue("{\"value\":\"proceed\",\"type\":\"String\"}", VariableValueDto.class);
        assertThat(sent.getValue()).as("a variable with a value reads as Camunda reads it").isEqualTo("proceed");
        assertThat(sent.getType()).isEqualTo("String");
    }

    @Test
    void eachNullIsItsOwn() throws Exception {
        Map<String, VariableValueDto> two = api.readValue("{\"variables\":{\"a\":null,\"b\":null}}", CompleteTaskDto.class)
                .getVariables();
        two.get("a").setValue("changed");
        assertThat(two.get("b").getValue()).isNull();
    }
}
