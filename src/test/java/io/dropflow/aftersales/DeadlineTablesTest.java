package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of every after-sales deadline table adds up: a case whose partners and operators each
 * use the time a row gives them is still inside the row's overall target. An analyst's edit that
 * breaks this fails the build (docs/modeling.md, "Deadline tables").
 */
class DeadlineTablesTest {

    /** One row, its outputs by name as the analyst typed them. */
    record Row(String table, String rule, String description, Map<String, String> outputs) {

        long hours(String output) {
            String text = outputs.get(output);
            assertThat(text).as("%s %s (%s): %s is filled in", table, rule, description, output).isNotBlank();
            long value = Long.parseLong(text.trim());
            assertThat(value).as("%s %s (%s): %s", table, rule, description, output).isPositive();
            return value;
        }

        @Override
        public String toString() {
            return table + " " + rule + " (" + description + ")";
        }
    }

    static Stream<Arguments> claimRows() {
        return rows("bpmn/claim-deadlines.dmn").stream().map(Arguments::of);
    }

    /**
     * The review is due respondWithinHours after filing; then each round gives the supplier
     * supplierAnswerHours and the operator negotiateWithinHours. All rounds used to the full must
     * still end within resolveWithinHours, or the resolution deadline fires on every claim whose
     * supplier simply takes its time.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("claimRows")
    void everyClaimRowFitsItsRoundsIntoTheResolveTarget(Row row) {
        long respond = row.hours("respondWithinHours");
        long resolve = row.hours("resolveWithinHours");
        long supplier = row.hours("supplierAnswerHours");
        long negotiate = row.hours("negotiateWithinHours");
        long rounds = row.hours("negotiationRounds");
        assertThat(respond + rounds * (supplier + negotiate))
                .as("%s: respond %d h + %d round(s) × (supplier %d h + operator %d h) within resolve %d h", row,
                        respond, rounds, supplier, negotiate, resolve)
                .isLessThanOrEqualTo(resolve);
        assertThat(row.hours("evidenceWaitHours")).as("%s: the consumer's evidence wait", row).isPositive();
        assertThat(row.hours("replacementShipByHours")).as("%s: the replacement's ship-by", row).isPositive();
    }

    static Stream<Arguments> returnRows() {
        return rows("bpmn/return-deadlines.dmn").stream().map(Arguments::of);
    }

    /**
     * Every wait is filled in with whole positive hours, and an operator's task is due before the
     * supplier's next answer could be: an escalated return reaches supervisors while the supplier
     * is still within its time, never after.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("returnRows")
    void everyReturnRowIsCompleteAndOperatorsDecideWithinASuppliersAnswerTime(Row row) {
        long supplier = row.hours("supplierAnswerHours");
        long decide = row.hours("decideWithinHours");
        row.hours("negotiationRounds");
        row.hours("consumerAnswerHours");
        row.hours("inspectionHours");
        row.hours("exchangeShipByHours");
        assertThat(decide).as("%s: operator %d h within supplier %d h", row, decide, supplier).isLessThan(supplier);
    }

    static List<Row> rows(String file) {
        DmnModelInstance model = Dmn.readModelFromFile(new File(file));
        List<Row> rows = new ArrayList<>();
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            List<Output> outputs = new ArrayList<>(table.getOutputs());
            for (Rule rule : table.getRules()) {
                Map<String, String> values = new LinkedHashMap<>();
                List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
                for (int i = 0; i < outputs.size(); i++) {
                    values.put(outputs.get(i).getName(), i < entries.size() ? entries.get(i).getText().getTextContent() : null);
                }
                rows.add(new Row(file, rule.getId(), rule.getDescription() == null ? "" : rule.getDescription().getTextContent(),
                        values));
            }
        }
        assertThat(rows).as(file + " has rows").isNotEmpty();
        return rows;
    }
}
