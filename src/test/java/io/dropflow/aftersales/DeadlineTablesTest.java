package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.claim.process.DefectClaimProcess;
import io.dropflow.processengine.TableRules;
import io.dropflow.processengine.TableRules.Row;
import io.dropflow.returns.process.ReturnNegotiationProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row of every after-sales deadline table adds up: a case whose partners and operators each
 * use the time a row gives them is still inside the row's overall target. The supplier scorecard's
 * and the platform fees' rows are complete, with shares that are shares. The rules are
 * {@link TableRules}, which also refuses an analyst's deployment that breaks one (docs/modeling.md,
 * "Deadline tables"); here the build holds the tables in {@code bpmn/} to them, and each rule is
 * shown to catch a row that breaks it (TableRulesTest). And a claim's and a return's table give what analysts wrote
 * (the priority of escalated tasks, the platform's time).
 */
class DeadlineTablesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** The decision of each table, as its process evaluates it. */
    private static final Map<String, String> DECISIONS = Map.of(
            "claim-deadlines.dmn", DefectClaimProcess.DEADLINES_DECISION,
            "return-deadlines.dmn", ReturnNegotiationProcess.DEADLINES_DECISION);

    static Stream<Arguments> rows() {
        return Stream.of("claim-deadlines.dmn", "return-deadlines.dmn", "supplier-scorecard.dmn", "platform-fees.dmn")
                .flatMap(file -> rows(file).stream()).map(Arguments::of);
    }

    /**
     * A claim's review is due respondWithinHours after filing; then each round gives the supplier
     * supplierAnswerHours and the operator negotiateWithinHours, all within resolveWithinHours. A return's operator
     * decides within the supplier's answer time. An escalated task moves above every task's own priority (81-100).
     * The scorecard's weights are shares adding up to 1; a platform fee is a share below 1.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowKeepsTheRulesOfItsTable(Row row) {
        assertThat(TableRules.rowProblems(row)).as(row.toString()).isEmpty();
    }

    /**
     * And the whole file keeps every rule of TableRules. Its shape (outputs, inputs, types) is compared with the
     * release's, which the build copies from these very files, so that half cannot fail here: TableRulesTest holds
     * each table to what the Java reads from it.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"claim-deadlines.dmn", "return-deadlines.dmn", "supplier-scorecard.dmn", "platform-fees.dmn"})
    void everyTableKeepsWhatTheApplicationReads(String file) {
        assertThat(TableRules.problems(file, bytes(file))).isEmpty();
    }

    /** As order-deadlines.dmn: a claim's or a return's tasks, escalated, move to 95 on marketplaces, 90 elsewhere. */
    @ParameterizedTest(name = "{0} {2} {3}: escalated at {4}")
    @CsvSource({
            "claim-deadlines.dmn,  claimType,    MARKETPLACE, DAMAGED,      95",
            "claim-deadlines.dmn,  claimType,    MARKETPLACE, MISSING_ITEM, 95",
            "claim-deadlines.dmn,  claimType,    WEBSHOP,     DAMAGED,      90",
            "claim-deadlines.dmn,  claimType,    WEBSHOP,     MISSING_ITEM, 90",
            "claim-deadlines.dmn,  claimType,    WEBSHOP,     QUALITY,      90",
            "return-deadlines.dmn, returnReason, MARKETPLACE, DOES_NOT_FIT, 95",
            "return-deadlines.dmn, returnReason, MARKETPLACE, DEFECTIVE,    95",
            "return-deadlines.dmn, returnReason, WEBSHOP,     DOES_NOT_FIT, 90",
            "return-deadlines.dmn, returnReason, WEBSHOP,     DEFECTIVE,    90",
            "return-deadlines.dmn, returnReason, WEBSHOP,     CHANGED_MIND, 90"})
    void givesTheEscalatedPriorityOfAChannel(String file, String caseInput, String channel, String kind, long priority) {
        assertThat(whole(first(file, Map.of("channel", channel, caseInput, kind)), "escalationPriority"))
                .isEqualTo(priority);
    }

    /**
     * Explore s16, defect 9: a claim's "Platform silent" waited the supplier's answer time, a number no table named. It
     * has its own, platformAnswerHours, which starts equal to the supplier's round so that nothing changes for running
     * claims.
     */
    @ParameterizedTest(name = "{0} {1}: the platform decides within {2} h")
    @CsvSource({
            "MARKETPLACE, DAMAGED,      24",
            "MARKETPLACE, MISSING_ITEM, 24",
            "WEBSHOP,     MISSING_ITEM, 16",
            "WEBSHOP,     QUALITY,      16"})
    void givesAClaimsPlatformItsOwnTimeEqualToTheSuppliersRound(String channel, String claimType, long hours) {
        DmnDecisionResultEntries row = first("claim-deadlines.dmn", Map.of("channel", channel, "claimType", claimType));
        assertThat(whole(row, "platformAnswerHours")).isEqualTo(hours).isEqualTo(whole(row, "supplierAnswerHours"));
    }

    /** The first row of the table's decision that matches the inputs. */
    private static DmnDecisionResultEntries first(String file, Map<String, Object> inputs) {
        return DMN.evaluateDecision(DMN.parseDecision(DECISIONS.get(file), new ByteArrayInputStream(bytes(file))),
                inputs).getFirstResult();
    }

    /** The row's output, which must be a number. */
    private static long whole(DmnDecisionResultEntries row, String output) {
        Object value = row.getEntry(output);
        assertThat(value).as(output).isInstanceOf(Number.class);
        return ((Number) value).longValue();
    }

    static List<Row> rows(String file) {
        List<Row> rows = TableRules.rows(file, bytes(file));
        assertThat(rows).as(file + " has rows").isNotEmpty();
        return rows;
    }

    private static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(Path.of("bpmn", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
