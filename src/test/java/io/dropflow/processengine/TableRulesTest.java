package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule of {@link TableRules} catches the edit it is there for, in the words an analyst reads, and the tables in
 * {@code bpmn/} keep them all. The released tables' shapes are those in the jar ({@code models/}).
 */
class TableRulesTest {

    private static String table(String file) {
        try {
            return Files.readString(Path.of("bpmn", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> problems(String file, String content) {
        return TableRules.problems(file, content.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"after-sales-windows.dmn", "claim-cost-bearer.dmn", "claim-deadlines.dmn", "group-buy-cutoff.dmn",
            "onboarding-requirements.dmn", "order-deadlines.dmn", "platform-fees.dmn", "return-deadlines.dmn",
            "return-policy.dmn", "return-refund-basis.dmn", "shipping-sla.dmn", "supplier-scorecard.dmn",
            "supplier-selection.dmn"})
    void everyShippedTableKeepsEveryRule(String file) {
        assertThat(problems(file, table(file))).isEmpty();
    }

    /** Each edit, and the words that name it (after the file and the table). */
    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', value = {
            "claim-deadlines.dmn | <outputEntry id=\"rule_3_rounds\"><text>2< | <outputEntry id=\"rule_3_rounds\"><text>10<"
                    + " | = 264 h is beyond resolve 72 h",
            "claim-deadlines.dmn | <outputEntry id=\"rule_3_escalation_priority\"><text>90< | <outputEntry id=\"rule_3_escalation_priority\"><text>80<"
                    + " | escalationPriority is 80; it must be above 80",
            "claim-deadlines.dmn | <outputEntry id=\"rule_3_evidence\"><text>72< | <outputEntry id=\"rule_3_evidence\"><text>0<"
                    + " | evidenceWaitHours is 0; it must be a whole number above 0",
            "return-deadlines.dmn | <outputEntry id=\"rule_3_decide\"><text>8< | <outputEntry id=\"rule_3_decide\"><text>48<"
                    + " | the operator decides within 48 h, not within the supplier's 48 h",
            "supplier-scorecard.dmn | <outputEntry id=\"rule_default_w_in_stock\"><text>0.1< | <outputEntry id=\"rule_default_w_in_stock\"><text>1.1<"
                    + " | inStockWeight is 1.1; it must be a share from 0 to 1",
            "supplier-scorecard.dmn | <outputEntry id=\"rule_default_w_in_stock\"><text>0.1< | <outputEntry id=\"rule_default_w_in_stock\"><text>0.2<"
                    + " | add up to 1.1 (0.4 + 0.3 + 0.2 + 0.2), not 1",
            "supplier-scorecard.dmn | <outputEntry id=\"rule_default_sample\"><text>5< | <outputEntry id=\"rule_default_sample\"><text><"
                    + " | minimumSample is not filled in; it must be a whole number above 0",
            "platform-fees.dmn | <text>0.03< | <text>1.5< | feeRate is 1.5; it must be a share from 0 to 1",
            "order-deadlines.dmn | <outputEntry id=\"rule_default_reminder\"><text>0.75< | <outputEntry id=\"rule_default_reminder\"><text>1<"
                    + " | reminderAtShare is 1.0; the supplier is reminded before the deadline",
            "after-sales-windows.dmn | <outputEntry id=\"rule_default_settle\"><text>30< | <outputEntry id=\"rule_default_settle\"><text>20<"
                    + " | the margin is final after 20 days, before the return (14 days) or claim (30 days) window closes",
            "shipping-sla.dmn | name=\"shipByHours\" | name=\"shipByHrs\" | output shipByHours (integer) is missing",
            "shipping-sla.dmn | name=\"shipByHours\" typeRef=\"integer\" | name=\"shipByHours\" typeRef=\"double\""
                    + " | output shipByHours is of type double; the application reads it as integer",
            "order-deadlines.dmn | <text>channel</text> | <text>salesChannel</text>"
                    + " | an input reads salesChannel, which the application does not give this table (it gives channel)",
            "order-deadlines.dmn | <inputExpression id=\"input_channel_expr\" typeRef=\"string\">"
                    + " | <inputExpression id=\"input_channel_expr\" typeRef=\"integer\">"
                    + " | input channel is of type integer; the application gives it as string",
            "group-buy-cutoff.dmn | <text>&quot;PT2M&quot;</text> | <text>&quot;3 minutes&quot;</text>"
                    + " | cutoffEvery is \"3 minutes\", not an ISO-8601 duration",
            "group-buy-cutoff.dmn | <outputEntry id=\"rule_demo_point_days\"><text>0< | <outputEntry id=\"rule_demo_point_days\"><text>&quot;none&quot;<"
                    + " | deliveryDays is the text \"none\"; it is a number (integer)"})
    void eachRuleCatchesItsEdit(String file, String shipped, String edited, String said) {
        String content = table(file);
        assertThat(content).as("the shipped text to edit").contains(shipped);
        List<String> problems = problems(file, content.replace(shipped, edited));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(file + ", table ").contains(said);
    }

    /** What analysts change (numbers in a row, a new output) passes; a table the release does not have is not judged. */
    @Test
    void numbersAndNewOutputsPassAndOtherTablesAreNotJudged() {
        String sla = table("shipping-sla.dmn");
        String changed = sla.replace("min([24, agreedHours])", "min([10, agreedHours])")
                .replace("name=\"why\" typeRef=\"string\" />", "name=\"why\" typeRef=\"string\" />"
                        + "<output id=\"output_note\" name=\"note\" typeRef=\"string\"/>");
        assertThat(changed).contains("min([10, agreedHours])").contains("output_note");
        assertThat(problems("shipping-sla.dmn", changed)).isEmpty();
        assertThat(problems("platform-fees.dmn", table("platform-fees.dmn").replace("id=\"platform_fees\"",
                "id=\"platform_fees_copy\"").replace("<text>0.03<", "<text>7<"))).isEmpty();
    }
}
