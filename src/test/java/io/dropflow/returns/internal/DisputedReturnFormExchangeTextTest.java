package io.dropflow.returns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;

/**
 * Which of disputed-return.form's texts about the exchange an operator reads, by the facts {@link ReturnTaskForm}
 * sets, each text's hide condition evaluated as FEEL: "sent already" only for an exchange its supplier accepted or
 * shipped (review M3 of session 10: a declined one read "sent already", per policy "no refund is paid").
 */
class DisputedReturnFormExchangeTextTest {

    private static final FeelEngineApi FEEL = FeelEngineBuilder.create().build();

    /** The facts of an exchange return as the form reads them. */
    private static Map<String, Object> facts(boolean sent, boolean awaited, boolean failed, String purchaseOrder,
            String status) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("exchangeSku", "DEMO-MUG-BLUE");
        facts.put("exchangeSent", sent);
        facts.put("exchangeAwaited", awaited);
        facts.put("exchangeFailed", failed);
        facts.put("exchangePurchaseOrder", purchaseOrder);
        facts.put("exchangeStatus", status);
        return facts;
    }

    /** The texts about the exchange shown for these facts: their first line, with the facts filled in. */
    private static List<String> exchangeTextsShown(Map<String, Object> facts) throws IOException {
        JsonNode form = new ObjectMapper().readTree(Path.of("forms", "disputed-return.form").toFile());
        List<String> shown = new ArrayList<>();
        for (JsonNode component : form.path("components")) {
            if (!component.path("id").asText().startsWith("text_exchange_") || component.path("id").asText().equals(
                    "text_exchange_sku")) {
                continue;
            }
            String hide = component.path("conditional").path("hide").asText();
            EvaluationResult hidden = FEEL.evaluateExpression(hide.substring(1), Map.of("facts", facts));
            assertThat(hidden.isSuccess()).as(hide + ": " + hidden.failure()).isTrue();
            if (!Boolean.TRUE.equals(hidden.result())) {
                String text = component.path("text").asText();
                for (Map.Entry<String, Object> fact : facts.entrySet()) {
                    text = text.replace("{{facts." + fact.getKey() + "}}", String.valueOf(fact.getValue()));
                }
                shown.add(text);
            }
        }
        return shown;
    }

    @Test
    void aDeclinedExchangeReadsFailedAndPerPolicyRefunds() throws IOException {
        List<String> shown = exchangeTextsShown(facts(false, false, true, "DF-1-RT2-EXCHANGE", "Declined"));

        assertThat(shown).hasSize(1);
        assertThat(shown.get(0)).startsWith("#### The exchange failed: purchase order DF-1-RT2-EXCHANGE (Declined)")
                .contains("the consumer is refunded per policy instead of the exchange")
                .doesNotContain("sent already", "no refund is paid");
    }

    @Test
    void aShippedOrAcceptedExchangeReadsSentAlready() throws IOException {
        for (String status : List.of("Shipped", "Accepted")) {
            List<String> shown = exchangeTextsShown(facts(true, false, false, "DF-1-RT2-EXCHANGE", status));

            assertThat(shown).hasSize(1);
            assertThat(shown.get(0)).startsWith("#### The exchange was sent already: purchase order DF-1-RT2-EXCHANGE ("
                    + status + ")").contains("no refund is paid");
        }
    }

    @Test
    void anExchangeNotYetAnsweredReadsOrderedWithTheRefundShouldItFail() throws IOException {
        List<String> shown = exchangeTextsShown(facts(false, true, false, "DF-1-RT2-EXCHANGE", "Forwarded"));

        assertThat(shown).hasSize(1);
        assertThat(shown.get(0)).startsWith("#### The exchange was ordered: purchase order DF-1-RT2-EXCHANGE (Forwarded);"
                + " the supplier has not confirmed it yet").contains("the consumer is refunded per policy instead")
                .doesNotContain("sent already");
    }

    @Test
    void anExchangeNotOrderedReadsNotOrderedYet() throws IOException {
        List<String> shown = exchangeTextsShown(facts(false, false, false, null, null));

        assertThat(shown).hasSize(1);
        assertThat(shown.get(0)).startsWith("#### The exchange has not been ordered yet");
    }
}
