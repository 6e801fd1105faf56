package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.aftersales.TaskFormFacts;
import io.dropflow.claim.internal.ClaimTaskForm;
import io.dropflow.groupbuy.internal.GroupBuyTaskForm;
import io.dropflow.onboarding.internal.OnboardingTaskForm;
import io.dropflow.order.internal.OrderTaskFacts;
import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.returns.internal.ReturnTaskForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variable a form reads ({{templates}}, table data sources, conditions, option lists) is one
 * its task's fact builder sets, one the process holds, or one of the form's own inputs: an analyst's
 * typo in Modeler fails the build instead of showing an empty fact.
 */
class FormVariablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(?:#loop\\s+|#if\\s+)?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern LOOP_BODY = Pattern.compile("\\{\\{#loop\\s+[A-Za-z_][A-Za-z0-9_]*\\s*}}(.*?)\\{\\{/loop}}",
            Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*+)(?!\\s*:)");
    private static final Set<String> FEEL = Set.of("not", "null", "and", "or", "true", "false", "count", "item", "if",
            "then", "else");

    /** What each form may read besides its own inputs: its builder's variables and the process's. */
    private static final Map<String, Set<String>> PRODUCED = Map.ofEntries(
            Map.entry("review_order", union(OrderTaskFacts.ORDER, Set.of("validationProblems"))),
            Map.entry("out_of_stock", OrderTaskFacts.ORDER),
            Map.entry("delivery_problem", OrderTaskFacts.ORDER),
            Map.entry("ship_by_breach", union(OrderTaskFacts.ORDER, OrderTaskFacts.MISSED_DEADLINE)),
            Map.entry("review_claim", union(TaskFormFacts.CASE, ClaimTaskForm.CLAIM)),
            Map.entry("negotiate_claim", union(TaskFormFacts.CASE, ClaimTaskForm.CLAIM, ClaimTaskForm.NEGOTIATION)),
            Map.entry("mediate_return", union(TaskFormFacts.CASE, ReturnTaskForm.RETURN)),
            Map.entry("disputed_return", union(TaskFormFacts.CASE, ReturnTaskForm.RETURN)),
            Map.entry("batch_ship_by_breach", GroupBuyTaskForm.FACTS),
            Map.entry("confirm_receipt", GroupBuyTaskForm.FACTS),
            Map.entry("missing_lines", GroupBuyTaskForm.FACTS),
            Map.entry("missing_parcel", GroupBuyTaskForm.FACTS),
            Map.entry("uncollected_items", GroupBuyTaskForm.FACTS),
            Map.entry("audit_documents", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.PAPERS)),
            Map.entry("chase_document_renewal", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.PAPERS)),
            Map.entry("decide_lapsed_supplier", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.PAPERS)),
            Map.entry("check_sample_quality", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.SAMPLE)),
            Map.entry("review_agreement", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.SAMPLE,
                    OnboardingTaskForm.AGREEMENT)),
            Map.entry("review_supplier_performance", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.PERFORMANCE)),
            Map.entry("partner_attention", PartnerAttentionProcess.FORM_FACTS));

    static Stream<Path> forms() throws IOException {
        return FormQualityTest.forms();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyVariableAFormReadsIsSet(Path form) throws IOException {
        JsonNode schema = JSON.readTree(form.toFile());
        String id = schema.path("id").asText();
        assertThat(PRODUCED).as(form + " has its fact builder listed here").containsKey(id);
        Set<String> known = new HashSet<>(PRODUCED.get(id));
        schema.path("components").forEach(c -> {
            if (c.has("key")) {
                known.add(c.path("key").asText());
            }
        });

        assertThat(read(schema)).as(form + " reads only variables that are set").isSubsetOf(known);
    }

    /**
     * A task-local fact named like an input would take the operator's answer on completion (the
     * engine sets a variable where it exists), and the process would never see it.
     */
    @ParameterizedTest
    @MethodSource("forms")
    void noFactIsNamedLikeAnInput(Path form) throws IOException {
        JsonNode schema = JSON.readTree(form.toFile());
        Set<String> inputs = new TreeSet<>();
        for (Path any : forms().toList()) {
            JSON.readTree(any.toFile()).path("components").forEach(c -> {
                if (c.has("key")) {
                    inputs.add(c.path("key").asText());
                }
            });
        }
        assertThat(PRODUCED.get(schema.path("id").asText())).as(form + "'s facts").doesNotContainAnyElementsOf(inputs);
    }

    @Test
    void aTypoInAFormIsFound() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"components": [{"type": "text", "text": "{{orderNumbr}} {{#loop history}}{{at}}{{/loop}}"},
                 {"type": "table", "dataSource": "=orderLine"},
                 {"type": "radio", "key": "d", "valuesExpression": "=[{label: \\"A\\", value: \\"a\\"}][item.value != \\"a\\" or canRerout]"},
                 {"type": "text", "text": "x", "conditional": {"hide": "=count(backup) = 0"}}]}""");

        assertThat(read(schema)).containsExactlyInAnyOrder("orderNumbr", "history", "orderLine", "canRerout", "backup");
    }

    /** The variables a form's components read; a loop's body reads its rows' columns, not variables. */
    static Set<String> read(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("components").forEach(c -> {
            Matcher template = TEMPLATE.matcher(LOOP_BODY.matcher(c.path("text").asText())
                    .replaceAll(m -> Matcher.quoteReplacement(m.group().substring(0, m.group().indexOf("}}") + 2))));
            while (template.find()) {
                names.add(template.group(1));
            }
            Stream.of(c.path("dataSource"), c.path("valuesExpression"), c.path("conditional").path("hide"))
                    .map(JsonNode::asText).filter(feel -> feel.startsWith("=")).forEach(feel -> {
                        Matcher name = NAME.matcher(feel.substring(1).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
                        while (name.find()) {
                            if (!FEEL.contains(name.group(1))) {
                                names.add(name.group(1));
                            }
                        }
                    });
        });
        return names;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
