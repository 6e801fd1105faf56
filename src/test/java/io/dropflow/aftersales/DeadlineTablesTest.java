package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * use the time a row gives them is still inside the row's overall target. The supplier scorecard's
 * and the platform fees' rows are complete, with shares that are shares. An analyst's edit that
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

        double share(String output) {
            String text = outputs.get(output);
            assertThat(text).as("%s %s (%s): %s is filled in", table, rule, description, output).isNotBlank();
            double value = Double.parseDouble(text.trim());
            assertThat(value).as("%s %s (%s): %s", table, rule, description, output).isBetween(0.0, 1.0);
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

    /** A task handed to supervisors moves above every task's own priority (the models give at most 80). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("afterSalesRows")
    void everyAfterSalesRowEscalatesAboveEveryTasksOwnPriority(Row row) {
        assertThat(row.hours("escalationPriority")).as("%s: escalationPriority", row).isGreaterThan(80)
                .isLessThanOrEqualTo(100);
    }

    static Stream<Arguments> afterSalesRows() {
        return Stream.concat(rows("bpmn/claim-deadlines.dmn").stream(), rows("bpmn/return-deadlines.dmn").stream())
                .map(Arguments::of);
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
        row.hours("trackingStallHours");
        assertThat(decide).as("%s: operator %d h within supplier %d h", row, decide, supplier).isLessThan(supplier);
    }

    static Stream<Arguments> scorecardRows() {
        return rows("bpmn/supplier-scorecard.dmn").stream().map(Arguments::of);
    }

    /**
     * Every scorecard row is complete: a window, a "ships within" time and a sample of whole positive
     * numbers, a bar that is a share, and weights that are shares adding up to 1, so a score stays 0-100.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scorecardRows")
    void everyScorecardRowIsCompleteAndItsWeightsAddUpToOne(Row row) {
        row.hours("windowDays");
        row.hours("shipWithinHours");
        row.hours("minimumSample");
        assertThat(row.share("shipRateBar")).as("%s: shipRateBar", row).isBetween(0.0, 1.0);
        double weights = row.share("shipWithinWeight") + row.share("onTimeWeight") + row.share("acceptanceWeight")
                + row.share("inStockWeight");
        assertThat(weights).as("%s: the four weights add up to 1", row).isCloseTo(1.0, within(1e-9));
    }

    static Stream<Arguments> feeRows() {
        return rows("bpmn/platform-fees.dmn").stream().map(Arguments::of);
    }

    /** A fee is a share of the sale below 1: a sale whose fees take it all is an analyst's typo. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("feeRows")
    void everyPlatformFeeIsAShareBelowOne(Row row) {
        assertThat(row.share("feeRate")).as("%s: feeRate", row).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
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
