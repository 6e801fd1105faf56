package io.dropflow.models.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.models.process.DecisionReplay;
import io.dropflow.models.process.RecordedDecisions;
import io.dropflow.models.process.RecordedDecisions.Recorded;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The what-if use case on decisions recorded by a (mocked) engine history, replayed for real. */
class WhatIfTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final RecordedDecisions recorded = mock(RecordedDecisions.class);
    private final WhatIf whatIf = new WhatIf(new DecisionReplay(), recorded, Clock.fixed(NOW, ZoneOffset.UTC));

    private static String shippingSla() throws IOException {
        return Files.readString(Path.of("bpmn", "shipping-sla.dmn"));
    }

    /** A decision the deployed table made: tier 1, domestic, kitchen, agreed 48 h → rule 3, 24 h. */
    private static Recorded domesticKitchen(String businessKey, int tier) {
        return new Recorded("d-" + businessKey, NOW.minusSeconds(3600), businessKey,
                Map.of("supplierTier", tier, "destinationRegion", "domestic", "productCategory", "kitchen",
                        "agreedHours", 48),
                Map.of("input_supplier_tier", tier, "input_destination_region", "domestic"),
                List.of(tier == 1 ? "rule_3" : "rule_4"),
                List.of(Map.of("shipByHours", new BigDecimal(tier == 1 ? "24" : "48"), "why",
                        tier == 1 ? "Top-tier supplier shipping domestically: next-day dispatch"
                                : "Default: ship within 48 hours, the bar from the sources")));
    }

    @Test
    void aStricterTableReportsExactlyTheDecisionsItChangesWithTheirRulesAndCases() throws IOException {
        when(recorded.isDeployed("shipping_sla")).thenReturn(true);
        when(recorded.since(eq("shipping_sla"), any(), anyInt())).thenReturn(List.of(domesticKitchen("order-1", 1),
                domesticKitchen("order-2", 2), domesticKitchen("order-3", 1)));
        String stricter = shippingSla().replace("min([24, agreedHours])", "min([12, agreedHours])");

        WhatIfReport report = whatIf.check(stricter.getBytes(StandardCharsets.UTF_8), 30, 5);

        WhatIfReport.DecisionReport sla = report.decisions().get(0);
        assertThat(sla.recorded()).isEqualTo(3);
        assertThat(sla.replayed()).isEqualTo(3);
        assertThat(sla.changed()).isEqualTo(2);
        assertThat(sla.summary()).isEqualTo("2 of 3 decisions in the last 30 days would change");
        assertThat(sla.ruleChanges()).containsExactly(new WhatIfReport.RuleChange(
                "rule 3: Top-tier supplier shipping domestically: next-day dispatch",
                "rule 3: Top-tier supplier shipping domestically: next-day dispatch", 2));
        assertThat(sla.examples()).extracting(WhatIfReport.Example::businessKey).containsExactly("order-1", "order-3");
        assertThat(sla.examples().get(0).after().get(0)).containsEntry("shipByHours", new BigDecimal("12"));
        assertThat(sla.examples().get(0).inputs()).containsEntry("Destination region", "domestic");
        assertThat(report.since()).isEqualTo(NOW.minusSeconds(30 * 86_400));
    }

    /** 10 hours is written 10, as the unchanged 24 is, not 1E+1 (BigDecimal's own toString after stripping zeros). */
    @Test
    void wholeNumbersAreWrittenInPlainDigits() throws IOException {
        when(recorded.isDeployed("shipping_sla")).thenReturn(true);
        when(recorded.since(eq("shipping_sla"), any(), anyInt())).thenReturn(List.of(domesticKitchen("order-1", 1)));
        String stricter = shippingSla().replace("min([24, agreedHours])", "min([10, agreedHours])");

        WhatIfReport report = whatIf.check(stricter.getBytes(StandardCharsets.UTF_8), 30, 5);

        String json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .writeValueAsString(report);
        assertThat(json).containsPattern("\"shipByHours\":10[,}]").containsPattern("\"shipByHours\":24[,}]")
                .doesNotContain("E+");
    }

    @Test
    void theDeployedTableUnchangedSaysNothingWouldChange() throws IOException {
        when(recorded.isDeployed("shipping_sla")).thenReturn(true);
        when(recorded.since(eq("shipping_sla"), any(), anyInt())).thenReturn(List.of(domesticKitchen("order-1", 1),
                domesticKitchen("order-2", 2)));

        WhatIfReport.DecisionReport sla = whatIf.check(shippingSla().getBytes(StandardCharsets.UTF_8), 7, 5)
                .decisions().get(0);

        assertThat(sla.changed()).isZero();
        assertThat(sla.summary()).isEqualTo("No recorded decision would change: all 2 decisions in the last 7 days"
                + " come out the same");
    }

    @Test
    void aDecisionTheChangedTableCannotEvaluateIsCountedNotHidden() throws IOException {
        when(recorded.isDeployed("shipping_sla")).thenReturn(true);
        Recorded old = new Recorded("d-9", NOW, "order-9", Map.of("supplierTier", 1), Map.of(), List.of("rule_3"),
                List.of(Map.of("shipByHours", new BigDecimal("24"))));
        when(recorded.since(eq("shipping_sla"), any(), anyInt())).thenReturn(List.of(old));

        WhatIfReport.DecisionReport sla = whatIf.check(shippingSla().getBytes(StandardCharsets.UTF_8), 30, 5)
                .decisions().get(0);

        assertThat(sla.replayed()).isZero();
        assertThat(sla.notReplayed()).singleElement().asString().startsWith("1 decision(s): ");
        // Not an all-clear: what could not be replayed comes first, with why
        assertThat(sla.summary()).startsWith("1 of 1 decisions in the last 30 days could not be replayed (see"
                + " notReplayed: the table reads ").doesNotContain("No recorded decision would change");
    }

    @Test
    void someDecisionsNotReplayedAreSaidBeforeTheOnesThatCameOutTheSame() throws IOException {
        when(recorded.isDeployed("shipping_sla")).thenReturn(true);
        Recorded old = new Recorded("d-9", NOW, "order-9", Map.of("supplierTier", 1), Map.of(), List.of("rule_3"),
                List.of(Map.of("shipByHours", new BigDecimal("24"))));
        when(recorded.since(eq("shipping_sla"), any(), anyInt())).thenReturn(List.of(old, domesticKitchen("order-1", 1)));

        WhatIfReport.DecisionReport sla = whatIf.check(shippingSla().getBytes(StandardCharsets.UTF_8), 30, 5)
                .decisions().get(0);

        assertThat(sla.summary()).startsWith("1 of 2 decisions in the last 30 days could not be replayed")
                .endsWith("; of the other 1, none would change");
    }

    @Test
    void aTableThatIsNotInUseOrAFileThatIsNoDmnIsAProblem() throws IOException {
        String renamed = shippingSla().replace("id=\"shipping_sla\"", "id=\"shiping_sla\"");

        assertThatThrownBy(() -> whatIf.check(renamed.getBytes(StandardCharsets.UTF_8), 30, 5))
                .isInstanceOf(WhatIfProblem.class).hasMessageContaining("no decision shiping_sla is deployed");
        // Not XML at all: our words with where it went wrong, not the XML parser's ("Content is not allowed in prolog")
        assertThatThrownBy(() -> whatIf.check("not xml".getBytes(StandardCharsets.UTF_8), 30, 5))
                .isInstanceOf(WhatIfProblem.class).hasMessage("the file is not a DMN decision table the engine can read:"
                        + " it is not well-formed XML (line 1)");
    }

    /**
     * Explore s16, defect 10: a refusal named "the file" where the answer promises the file; a table without a history
     * time to live passed the check and the deployment then refused it (ENGINE-12018). Defect 6: PRIORITY was "not a
     * DMN decision table the engine can read: DMN-02007 … DmnDecisionTableImpl{…}".
     */
    @Test
    void aRefusalNamesTheFileAndSaysWhatTheDeploymentWouldRefuse() throws IOException {
        when(recorded.isDeployed("shipping_sla")).thenReturn(true);
        String collect = shippingSla().replace("hitPolicy=\"FIRST\"", "hitPolicy=\"COLLECT\"");
        assertThatThrownBy(() -> whatIf.check(collect.getBytes(StandardCharsets.UTF_8), 30, 5))
                .isInstanceOf(WhatIfProblem.class).hasMessageContaining("deploying it would be refused: shipping-sla.dmn,"
                        + " table shipping_sla: hit policy COLLECT");

        String noTimeToLive = shippingSla().replace("camunda:historyTimeToLive=\"P180D\"", "");
        assertThat(noTimeToLive).doesNotContain("historyTimeToLive");
        assertThatThrownBy(() -> whatIf.check(noTimeToLive.getBytes(StandardCharsets.UTF_8), 30, 5))
                .isInstanceOf(WhatIfProblem.class).hasMessageContaining("shipping-sla.dmn, table shipping_sla: it has no"
                        + " History Time To Live").hasMessageContaining("ENGINE-12018");

        String priority = shippingSla().replace("hitPolicy=\"FIRST\"", "hitPolicy=\"PRIORITY\"");
        assertThatThrownBy(() -> whatIf.check(priority.getBytes(StandardCharsets.UTF_8), 30, 5))
                .isInstanceOf(WhatIfProblem.class).hasMessage("deploying it would be refused: shipping-sla.dmn, table"
                        + " shipping_sla: Camunda 7 does not support hit policy PRIORITY; use FIRST (the first matching"
                        + " rule, in the table's order)");
    }

    /**
     * Review s16 part 2, F6: "Xizang" in group-buy-cutoff.dmn's remote-regions row never matches a point, which stores
     * "Tibet"; the check says so before the deployment would (groupbuy's rule of its table, through TableRules).
     */
    @Test
    void aCutoffTableNamingARegionAsNoPointStoresItIsRefusedNamingTheSpellingToWrite() throws IOException {
        String xizang = Files.readString(Path.of("bpmn", "group-buy-cutoff.dmn"))
                .replace("&quot;Tibet&quot;,&quot;Qinghai&quot;", "&quot;Xizang&quot;,&quot;Qinghai&quot;");
        assertThat(xizang).contains("Xizang");

        assertThatThrownBy(() -> whatIf.check("group-buy-cutoff.dmn", xizang.getBytes(StandardCharsets.UTF_8), 30, 5))
                .isInstanceOf(WhatIfProblem.class).hasMessageContaining("deploying it would be refused:"
                        + " group-buy-cutoff.dmn, table group_buy_cutoff, rule rule_remote_region (Remote regions: the"
                        + " trucks leave earlier and take two days): region \"Xizang\"")
                .hasMessageContaining("write \"Tibet\"");
    }

    /** Explore s18, H6: a shipped table named .dmn11.xml (the engine deploys it as DMN) is checked as the shipped one. */
    @Test
    void aShippedTableNamedWithTheEnginesOtherDmnEndingIsCheckedAsTheShippedOne() throws IOException {
        String renamed = Files.readString(Path.of("bpmn", "platform-fees.dmn"))
                .replace("<decision id=\"platform_fees\"", "<decision id=\"platform_fee\"");
        assertThat(renamed).contains("<decision id=\"platform_fee\"");

        assertThatThrownBy(() -> whatIf.check("platform-fees.dmn11.xml", renamed.getBytes(StandardCharsets.UTF_8), 30, 5))
                .isInstanceOf(WhatIfProblem.class).hasMessageContaining("deploying it would be refused:"
                        + " platform-fees.dmn11.xml holds decision platform_fee; Dropflow reads platform_fees");
    }
}
