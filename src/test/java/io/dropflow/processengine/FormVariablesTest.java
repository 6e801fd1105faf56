package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.aftersales.TaskFormFacts;
import io.dropflow.claim.internal.ClaimTaskForm;
import io.dropflow.groupbuy.internal.GroupBuyTaskForm;
import io.dropflow.onboarding.internal.OnboardingTaskForm;
import io.dropflow.order.internal.OrderTaskFacts;
import io.dropflow.partners.internal.DeliveryTaskFacts;
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
 * Every variable a form reads ({{templates}}, table data sources, conditions, option lists) is a
 * fact its task's fact builder sets (read as {@code facts.<name>}), one the process holds, or one of
 * the form's own inputs: an analyst's typo in Modeler fails the build instead of showing an empty
 * fact.
 */
class FormVariablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "[A-Za-z_][A-Za-z0-9_]*+(?:\\.[A-Za-z_][A-Za-z0-9_]*+)?";
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(?:#loop\\s+|#if\\s+)?(" + PATH + ")");
    private static final Pattern LOOP_BODY = Pattern.compile("\\{\\{#loop\\s+" + PATH + "\\s*}}(.*?)\\{\\{/loop}}",
            Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("(?<![.\\w])(" + PATH + ")(?!\\s*:)");
    private static final Set<String> FEEL = Set.of("not", "null", "and", "or", "true", "false", "count", "item", "if",
            "then", "else");

    /** The facts each form's builder sets, which the form reads as {@code facts.<name>}. */
    private static final Map<String, Set<String>> PRODUCED = Map.ofEntries(
            Map.entry("review_order", OrderTaskFacts.ORDER),
            Map.entry("out_of_stock", union(OrderTaskFacts.ORDER, OrderTaskFacts.OUT_OF_STOCK)),
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
            Map.entry("chase_document_renewal", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.PAPERS,
                    OnboardingTaskForm.RENEWAL)),
            Map.entry("decide_lapsed_supplier", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.PAPERS)),
            Map.entry("check_sample_quality", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.SAMPLE)),
            Map.entry("review_agreement", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.SAMPLE,
                    OnboardingTaskForm.AGREEMENT)),
            Map.entry("review_supplier_performance", union(OnboardingTaskForm.APPLICANT, OnboardingTaskForm.PERFORMANCE)),
            Map.entry("partner_attention", union(DeliveryTaskFacts.FACTS, DeliveryTaskFacts.DESCRIBED)));
    /** Process variables a form reads by name (besides its own inputs). */
    private static final Map<String, Set<String>> PROCESS = Map.of("review_order", Set.of("validationProblems"));

    static Stream<Path> forms() throws IOException {
        return FormQualityTest.forms();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyVariableAFormReadsIsSet(Path form) throws IOException {
        JsonNode schema = JSON.readTree(form.toFile());
        String id = schema.path("id").asText();
        assertThat(PRODUCED).as(form + " has its fact builder listed here").containsKey(id);
        Set<String> known = new HashSet<>(PROCESS.getOrDefault(id, Set.of()));
        PRODUCED.get(id).forEach(fact -> known.add(FormFacts.VARIABLE + "." + fact));
        known.add(FormFacts.VARIABLE); // the facts as a whole: whether they are there yet (facts = null, ADR 22)
        components(schema).filter(c -> c.has("key")).forEach(c -> known.add(c.path("key").asText()));

        assertThat(read(schema)).as(form + " reads only variables that are set").isSubsetOf(known);
    }

    /**
     * An input keyed like the task-local facts variable, or inside it ({@code facts.note}: form-js
     * submits a key's path as nested objects), would overwrite the facts on completion (the engine
     * sets a variable where it exists), and the process would never see the answer.
     */
    @ParameterizedTest
    @MethodSource("forms")
    void noInputIsNamedLikeTheFacts(Path form) throws IOException {
        Set<String> inputs = new TreeSet<>();
        components(JSON.readTree(form.toFile())).filter(c -> c.has("key")).forEach(c -> inputs.add(c.path("key").asText()));
        assertThat(inputs).as(form + "'s inputs").isNotEmpty()
                .noneMatch(key -> key.equals(FormFacts.VARIABLE) || key.startsWith(FormFacts.VARIABLE + "."));
    }

    @Test
    void aTypoInAFormIsFound() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"components": [{"type": "text", "text": "{{facts.orderNumbr}} {{#loop facts.history}}{{at}}{{/loop}} {{orderNumber}}"},
                 {"type": "table", "dataSource": "=facts.orderLine"},
                 {"type": "radio", "key": "d", "valuesExpression": "=[{label: \\"A\\", value: \\"a\\"}][item.value != \\"a\\" or facts.canRerout]"},
                 {"type": "text", "text": "x", "conditional": {"hide": "=count(fact.backups) = 0"}}]}""");

        assertThat(read(JSON.readTree("""
                {"components": [{"type": "group", "components": [{"type": "text", "text": "{{facts.lateSuplier}}"}]}]}""")))
                .as("inside a group").containsExactly("facts.lateSuplier");
        assertThat(read(schema)).as("misspelt facts, and a fact read without its variable")
                .containsExactlyInAnyOrder("facts.orderNumbr", "facts.history", "orderNumber", "facts.orderLine",
                        "facts.canRerout", "fact.backups");
    }

    /** A form's components, also those inside a group or a dynamic list, in the order they appear. */
    static Stream<JsonNode> components(JsonNode parent) {
        return java.util.stream.StreamSupport.stream(parent.path("components").spliterator(), false)
                .flatMap(c -> Stream.concat(Stream.of(c), components(c)));
    }

    /** The variables a form's components read; a loop's body reads its rows' columns, not variables. */
    static Set<String> read(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        components(schema).forEach(c -> {
            Matcher template = TEMPLATE.matcher(LOOP_BODY.matcher(c.path("text").asText())
                    .replaceAll(m -> Matcher.quoteReplacement(m.group().substring(0, m.group().indexOf("}}") + 2))));
            while (template.find()) {
                names.add(template.group(1));
            }
            Stream.of(c.path("dataSource"), c.path("valuesExpression"), c.path("conditional").path("hide"))
                    .map(JsonNode::asText).filter(feel -> feel.startsWith("=")).forEach(feel -> {
                        Matcher name = NAME.matcher(feel.substring(1).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
                        while (name.find()) {
                            if (!FEEL.contains(name.group(1).split("\\.")[0])) {
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
