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
}
