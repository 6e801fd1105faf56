package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * What the application reads from a table an analyst broke in Modeler (an output renamed, of another type, an
 * expression FEEL cannot evaluate): a {@link DecisionTableBroken} naming the table and the output, never a
 * NullPointerException about {@code TypedValue.getValue()} or a ClassCastException.
 */
class DecisionRowTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final Map<String, Object> TIER_1_DOMESTIC = Map.of("supplierTier", 1, "destinationRegion",
            "domestic", "productCategory", "kitchen", "agreedHours", 48);

    private static String shippingSla() throws IOException {
        return Files.readString(Path.of("bpmn", "shipping-sla.dmn"));
    }

    private static DecisionRow tier1Domestic(String table) {
        DmnDecision decision = DMN.parseDecision("shipping_sla",
                new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
        return DecisionRow.decide("shipping-sla.dmn", "tier 1, domestic, kitchen",
                () -> DMN.evaluateDecision(decision, TIER_1_DOMESTIC)).orElseThrow();
    }

    @Test
    void theDeployedTableGivesItsOutputs() throws IOException {
        DecisionRow row = tier1Domestic(shippingSla());

        assertThat(row.wholeNotNegative("shipByHours")).isEqualTo(24);
        assertThat(row.text("why")).startsWith("Top-tier supplier");
    }

    @Test
    void aRenamedOutputIsNamedWithTheTable() throws IOException {
        DecisionRow row = tier1Domestic(shippingSla().replace("name=\"shipByHours\"", "name=\"shipByHrs\""));

        assertThatThrownBy(() -> row.wholeNotNegative("shipByHours")).isInstanceOf(DecisionTableBroken.class)
                .hasMessage("shipping-sla.dmn gave no shipByHours for tier 1, domestic, kitchen (it gave shipByHrs, why)");
        assertThatThrownBy(() -> row.decimal("shipByHours")).hasMessageStartingWith("shipping-sla.dmn gave no shipByHours");
    }

    @Test
    void anOutputOfAnotherKindIsNamedWithItsValue() throws IOException {
        DecisionRow row = tier1Domestic(shippingSla().replace("name=\"shipByHours\" typeRef=\"integer\"",
                "name=\"shipByHours\" typeRef=\"string\"").replace("min([24, agreedHours])", "\"ten hours\""));

        assertThatThrownBy(() -> row.whole("shipByHours")).isInstanceOf(DecisionTableBroken.class)
                .hasMessage("shipping-sla.dmn's shipByHours is \"ten hours\", not a number (for tier 1, domestic, kitchen)");
        assertThatThrownBy(() -> row.duration("why")).hasMessageStartingWith("shipping-sla.dmn's why is \"Top-tier")
                .hasMessageContaining(", not a duration (ISO 8601: PT12H, P3D)");
        assertThatThrownBy(() -> row.yesOrNo("why")).hasMessageContaining(", not true or false");
        assertThatThrownBy(() -> row.oneOf("why", java.time.DayOfWeek.class))
                .hasMessageContaining(", not one of [MONDAY, TUESDAY");
    }

    @Test
    void aValueTheEngineCannotMakeOfItsTypeOrFeelThatDoesNotParseNamesTheTable() throws IOException {
        String notAnInteger = shippingSla().replace("min([24, agreedHours])", "\"ten hours\"");
        String unbalanced = shippingSla().replace("min([24, agreedHours])", "min([10, agreedHours]");

        for (String table : new String[] {notAnInteger, unbalanced}) {
            assertThatThrownBy(() -> tier1Domestic(table)).isInstanceOf(DecisionTableBroken.class)
                    .hasMessageStartingWith("shipping-sla.dmn cannot decide for tier 1, domestic, kitchen: ");
        }
    }

    @Test
    void aBrokenTableIsA503ProblemNamingIt() throws IOException {
        DecisionRow row = tier1Domestic(shippingSla().replace("name=\"shipByHours\"", "name=\"shipByHrs\""));

        DecisionTableBroken broken = org.junit.jupiter.api.Assertions.assertThrows(DecisionTableBroken.class,
                () -> row.whole("shipByHours"));

        assertThat(broken.getStatusCode().value()).isEqualTo(503);
        assertThat(broken.getBody().getType().toString()).isEqualTo("https://dropflow.io/problems/decision-table-broken");
        assertThat(broken.getBody().getProperties()).containsEntry("table", "shipping-sla.dmn");
    }

    /**
     * Explore s16, defect 2: a UNIQUE table whose default row and another match stopped the step with the engine's
     * "Exception while evaluating decision with key …" only (its decision service wraps the DMN engine's hit policy
     * error in a ProcessEngineException, which passed unnamed). Evaluated by a real engine, as the steps do.
     */
    @Test
    void aHitPolicyThatAllowsOneRuleWhereTwoMatchIsSaidInTheTablesWords() throws IOException {
        org.camunda.bpm.engine.ProcessEngine engine = org.camunda.bpm.engine.ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:decision-row-" + System.nanoTime())
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addString("shipping-sla.dmn",
                    shippingSla().replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"")).deploy();

            assertThatThrownBy(() -> DecisionRow.evaluate(engine.getDecisionService(), "shipping_sla", "shipping-sla.dmn",
                    TIER_1_DOMESTIC, "tier 1, domestic, kitchen")).isInstanceOf(DecisionTableBroken.class)
                    .hasMessage("shipping-sla.dmn matched rules rule_3, rule_4 for tier 1, domestic, kitchen, and its hit"
                            + " policy UNIQUE allows only one: set hit policy FIRST (the first matching rule) in Modeler"
                            + " and deploy the table again");
        } finally {
            engine.close();
        }
    }

    /**
     * Explore s16, defect 11: an expression that gives nothing (a FEEL name typed wrong) was said as "gave no
     * shipByHours … (it gave why, shipByHours)", which contradicts itself.
     */
    @Test
    void anOutputWhoseExpressionGaveNothingSaysSo() throws IOException {
        DecisionRow row = tier1Domestic(shippingSla().replace("min([24, agreedHours])", "min([24, agreedHourz])"));

        assertThatThrownBy(() -> row.whole("shipByHours")).isInstanceOf(DecisionTableBroken.class)
                .hasMessage("shipping-sla.dmn gave no shipByHours for tier 1, domestic, kitchen (its shipByHours was"
                        + " empty: check the rule's expression)");
    }
}
