package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.processengine.TableRules;
import io.dropflow.processengine.TableRules.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row of every after-sales deadline table adds up: a case whose partners and operators each
 * use the time a row gives them is still inside the row's overall target. The supplier scorecard's
 * and the platform fees' rows are complete, with shares that are shares. The rules are
 * {@link TableRules}, which also refuses an analyst's deployment that breaks one (docs/modeling.md,
 * "Deadline tables"); here the build holds the tables in {@code bpmn/} to them, and each rule is
 * shown to catch a row that breaks it (TableRulesTest).
 */
class DeadlineTablesTest {

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
