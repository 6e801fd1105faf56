package io.dropflow.order.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of bpmn/shipping-sla.dmn, with the hours a supplier agreed for an offer. */
class ShippingSlaTableTest {

    private static DmnEngine dmn;
    private static DmnDecision sla;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/shipping-sla.dmn")) {
            sla = dmn.parseDecision(OrderFulfillmentProcess.SHIPPING_SLA_DECISION, in);
        }
    }

    @ParameterizedTest(name = "tier {0}, {1}, {2}, agreed {3} h -> {4} h")
    @CsvSource({
            // tier, region,        category,  agreed, hours
            "1,      domestic,      homeware,  48,     24",   // the table is stricter than the agreement
            "2,      domestic,      homeware,  72,     48",
            "2,      domestic,      homeware,  24,     24",   // the supplier promised sooner: its promise holds
            "3,      international, lighting,  96,     72",
            "3,      international, lighting,  36,     36",
            "1,      domestic,      furniture, 120,    96",
            "1,      EU,            furniture, 72,     72"})
    void takesTheSoonerOfItsRuleAndTheAgreedHours(int tier, String region, String category, int agreed, int hours) {
        Object shipByHours = dmn.evaluateDecision(sla, Map.of("supplierTier", tier, "destinationRegion", region,
                "productCategory", category, "agreedHours", agreed)).getSingleResult().getEntry("shipByHours");

        assertThat(((Number) shipByHours).intValue()).isEqualTo(hours);
    }

    /**
     * ShippingSlaTable, which forwards every purchase order, on a table whose output an analyst renamed in Modeler:
     * the job's message names the table and the output, not "Cannot invoke TypedValue.getValue() ... is null".
     */
    @org.junit.jupiter.api.Test
    void aRenamedOutputFailsNamingTheTableAndTheOutput() throws IOException {
        String renamed = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "shipping-sla.dmn"))
                .replace("name=\"shipByHours\"", "name=\"shipByHrs\"");
        DmnDecision broken = dmn.parseDecision(OrderFulfillmentProcess.SHIPPING_SLA_DECISION,
                new java.io.ByteArrayInputStream(renamed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        org.camunda.bpm.engine.DecisionService decisions = org.mockito.Mockito.mock(
                org.camunda.bpm.engine.DecisionService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
        org.mockito.Mockito.when(decisions.evaluateDecisionByKey(OrderFulfillmentProcess.SHIPPING_SLA_DECISION)
                .variables(org.mockito.ArgumentMatchers.anyMap()).evaluate()).thenAnswer(call -> dmn.evaluateDecision(
                        broken, Map.of("supplierTier", 1, "destinationRegion", "domestic", "productCategory", "mugs",
                                "agreedHours", 48)));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ShippingSlaTable(decisions).shipByHours(1, "domestic", "mugs", 48))
                .isInstanceOf(io.dropflow.processengine.DecisionTableBroken.class)
                .hasMessage("shipping-sla.dmn gave no shipByHours for tier 1, domestic, mugs (it gave shipByHrs, why)");
    }
}
