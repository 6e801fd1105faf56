package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.claim.process.DefectClaimProcess;
import io.dropflow.groupbuy.process.GroupBuyBatchProcess;
import io.dropflow.groupbuy.process.GroupBuyPurchaseProcess;
import io.dropflow.onboarding.process.SupplierOnboardingProcess;
import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.returns.process.ReturnNegotiationProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator decision is a typed choice in its process's backing class ({@link ProcessVariable#choice} of a
 * {@link FormChoice} enum), and that enum has exactly the values its form offers, in the form's spelling: a value
 * added to a form in Modeler, or a constant renamed in Java, fails here instead of as an incident when an
 * operator picks it. What the engine stores stays the form's text.
 */
class FormChoicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VALUE = Pattern.compile("value:\\s*\"([^\"]+)\"");

    static Stream<Arguments> decisions() {
        return Stream.of(
                choice("review-order", OrderFulfillmentProcess.REVIEW_DECISION),
                choice("out-of-stock", OrderFulfillmentProcess.OUT_OF_STOCK_DECISION),
                choice("ship-by-breach", OrderFulfillmentProcess.SLA_DECISION),
                choice("delivery-problem", OrderFulfillmentProcess.DELIVERY_PROBLEM_DECISION),
                choice("review-claim", DefectClaimProcess.REVIEW_DECISION),
                choice("negotiate-claim", DefectClaimProcess.NEGOTIATION_DECISION),
                choice("mediate-return", ReturnNegotiationProcess.MEDIATION_DECISION),
                choice("disputed-return", ReturnNegotiationProcess.DISPUTE_DECISION),
                choice("audit-documents", SupplierOnboardingProcess.AUDIT_DECISION),
                choice("check-sample-quality", SupplierOnboardingProcess.QUALITY_RESULT),
                choice("review-agreement", SupplierOnboardingProcess.AGREEMENT_DECISION),
                choice("decide-lapsed-supplier", SupplierOnboardingProcess.LAPSE_DECISION),
                choice("review-supplier-performance", SupplierOnboardingProcess.PERFORMANCE_DECISION),
                choice("uncollected-items", GroupBuyBatchProcess.UNCOLLECTED_DECISION),
                choice("batch-ship-by-breach", GroupBuyPurchaseProcess.SLA_DECISION),
                choice("confirm-receipt", GroupBuyPurchaseProcess.RECEIPT),
                choice("missing-parcel", GroupBuyPurchaseProcess.PARCEL_DECISION),
                choice("missing-lines", GroupBuyPurchaseProcess.MISSING_LINES_DECISION),
                choice("partner-attention", PartnerAttentionProcess.ATTENTION_DECISION));
    }

    private static Arguments choice(String form, ProcessVariable<? extends FormChoice> variable) {
        return Arguments.of(form, variable);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("decisions")
    void eachDecisionReadsAndStoresExactlyTheValuesItsFormOffers(String form, ProcessVariable<? extends FormChoice> variable)
            throws IOException {
        List<String> offered = offered(form, variable.name());
        assertThat(offered).as("the form %s has a choice %s", form, variable.name()).isNotEmpty();

        List<String> read = new ArrayList<>();
        for (String value : offered) {
            FormChoice choice = variable.optionalFrom(Map.of(variable.name(), value)).orElseThrow();
            read.add(choice.formValue());
            assertThat(stored(variable, choice)).as("stored as the form sends it").isEqualTo(value);
        }
        assertThat(read).isEqualTo(offered);
        FormChoice any = variable.optionalFrom(Map.of(variable.name(), offered.get(0))).orElseThrow();
        assertThat(Arrays.stream(any.getClass().getEnumConstants()).map(c -> ((FormChoice) c).formValue()).toList())
                .as("the constants of %s, as the form spells them", any.getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(offered);
    }

    @Test
    void aValueTheFormDoesNotOfferIsNotReadAsAChoice() {
        assertThatThrownBy(() -> OrderFulfillmentProcess.OUT_OF_STOCK_DECISION
                .optionalFrom(Map.of("outOfStockDecision", "WAIT_FOR_RESTOCK")))
                .hasMessageContaining("outOfStockDecision")
                .hasMessageContaining("[wait_for_restock, substitute, cancel_and_refund]");
    }

    @SuppressWarnings("unchecked")
    private static <E extends FormChoice> Object stored(ProcessVariable<E> variable, FormChoice choice) {
        return variable.stored((E) choice);
    }

    /** The values of the form's radio {@code key}: its own list, or the one its values expression filters. */
    private static List<String> offered(String form, String key) throws IOException {
        JsonNode field = find(JSON.readTree(Path.of("forms", form + ".form").toFile()), key);
        assertThat(field).as("%s in form %s", key, form).isNotNull();
        List<String> values = new ArrayList<>();
        field.path("values").forEach(v -> values.add(v.path("value").asText()));
        if (values.isEmpty() && field.hasNonNull("valuesExpression")) {
            Matcher m = VALUE.matcher(field.get("valuesExpression").asText());
            while (m.find()) {
                values.add(m.group(1));
            }
        }
        return values;
    }

    private static JsonNode find(JsonNode node, String key) {
        for (JsonNode component : node.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
            JsonNode inner = find(component, key);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
