package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * s14 judge, defect 6: a well-formed DMN file that breaks the DMN schema was "not well-formed XML" to what-if and a
 * 500 without a reason to the engine's deployment; a BPMN file sent as DMN was "not well-formed XML" too.
 */
class DmnFileReadingTest {

    private static String shippingSla() throws IOException {
        return Files.readString(Path.of("bpmn", "shipping-sla.dmn"));
    }

    @Test
    void anAttributeTheSchemaDoesNotAllowIsNamedWithItsLine() throws IOException {
        String colour = shippingSla().replace("<decisionTable id=\"table_shipping_sla\"",
                "<decisionTable id=\"table_shipping_sla\" colour=\"red\"");

        assertThat(DmnFileReading.refusal(colour.getBytes())).hasValue("line 5 breaks the DMN schema: Attribute 'colour'"
                + " is not allowed to appear in element 'decisionTable' (the engine reads only what the schema allows, as"
                + " Camunda Modeler saves it)");
    }

    @Test
    void aHitPolicyTheSchemaDoesNotHaveIsNamedWithTheOnesItHas() throws IOException {
        String sometimes = shippingSla().replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\"");

        assertThat(DmnFileReading.refusal(sometimes.getBytes()).orElseThrow()).startsWith("line 5 breaks the DMN schema")
                .contains("'SOMETIMES'").contains("UNIQUE, FIRST, PRIORITY").doesNotContain("well-formed");
    }

    @Test
    void aBpmnFileIsCalledOneNotBrokenXml() throws IOException {
        assertThat(DmnFileReading.refusal(Files.readAllBytes(Path.of("bpmn", "order-fulfillment.bpmn"))).orElseThrow())
                .startsWith("it is a BPMN process model (a .bpmn file), not a DMN decision table");
    }

    @Test
    void aFileThatIsNotXmlIsStillNotWellFormedAndAGoodOneIsRead() throws IOException {
        assertThat(DmnFileReading.refusal(shippingSla().substring(0, 300).getBytes()).orElseThrow())
                .isEqualTo("it is not well-formed XML (line 2)");
        assertThat(DmnFileReading.refusal(shippingSla().getBytes())).isEmpty();
    }
}
