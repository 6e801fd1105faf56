package io.dropflow.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.partners.DeliveryHandler;
import io.dropflow.processengine.SellerTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The partner-attention form's facts: the delivery, the receipt in the seller's time, the start of the payload. */
class DeliveryTaskFactsTest {

    private final RecordedDeliveries deliveries = mock(RecordedDeliveries.class);
    private final DeliveryTaskFacts facts = new DeliveryTaskFacts(deliveries, SellerTime.in("Asia/Shanghai"));

    @Test
    void theDeliveryIsShownFactByFact() {
        Map<String, Object> row = new HashMap<>(Map.of("partner", "cj", "account", "main", "topic", "ORDER",
                "delivery_id", "D-1", "attempts", 3, "received_at", Timestamp.from(Instant.parse("2026-12-02T07:04:00Z")),
                "last_error", "has no purchase order DF-9-PO1"));
        when(deliveries.record(5L)).thenReturn(row);
        when(deliveries.delivery(5L)).thenReturn(new DeliveryHandler.Delivery(5L, "cj", "main", "ORDER", "D-1", "{}", 3));

        assertThat(facts.of(5L).values()).containsEntry("partner", "CJ Dropshipping").containsEntry("topic", "ORDER")
                .containsEntry("deliveryNumber", "D-1")
                .containsEntry("receivedAt", "2026-12-02 15:04 (Asia/Shanghai)").containsEntry("attempts", 3)
                .containsEntry("lastError", "has no purchase order DF-9-PO1").containsEntry("deliveryPayload", "{}");
    }

    @Test
    void aLongPayloadIsShownInPart() {
        when(deliveries.record(6L)).thenReturn(new HashMap<>(Map.of("partner", "shopify")));
        String payload = "{\"line_items\":\"" + "x".repeat(10_000) + "\"}";
        when(deliveries.delivery(6L)).thenReturn(new DeliveryHandler.Delivery(6L, "shopify", "main", "orders/create", "D-2",
                payload, 1));

        assertThat((String) facts.of(6L).values().get("deliveryPayload"))
                .hasSize(DeliveryTaskFacts.SHOWN + 1).startsWith("{\"line_items\"").endsWith("…");
    }

    @Test
    void aTaskAboutOneFactListsItsDeliveriesTheLatestFirst() {
        when(deliveries.record(7L)).thenReturn(new HashMap<>(Map.of("partner", "carrier", "delivery_id", "E-1")));
        when(deliveries.delivery(7L)).thenReturn(new DeliveryHandler.Delivery(7L, "carrier", "SANDBOX-POST",
                "tracking/IN_TRANSIT", "E-1", "{}", 2));
        when(deliveries.ofTheSameTask(7L)).thenReturn(java.util.List.of(
                Map.of("topic", "tracking/OUT_FOR_DELIVERY", "delivery_id", "E-2", "status", "ATTENTION",
                        "received_at", Timestamp.from(Instant.parse("2026-12-03T01:00:00Z"))),
                Map.of("topic", "tracking/IN_TRANSIT", "delivery_id", "E-1", "status", "ATTENTION",
                        "received_at", Timestamp.from(Instant.parse("2026-12-02T07:04:00Z")))));

        Map<String, Object> shown = facts.of(7L).values();

        assertThat(shown).containsEntry("deliveryCount", 2);
        assertThat(shown.get("deliveries")).asList().containsExactly(
                Map.of("receivedAt", "2026-12-03 09:00 (Asia/Shanghai)", "topic", "Carrier scan: Out for delivery",
                        "deliveryNumber", "E-2"),
                Map.of("receivedAt", "2026-12-02 15:04 (Asia/Shanghai)", "topic", "Carrier scan: In transit",
                        "deliveryNumber", "E-1"));
    }

    @Test
    void aTaskPartlyTakenByItsTryAgainListsAndCountsOnlyTheDeliveriesStillOpen() {
        when(deliveries.record(8L)).thenReturn(new HashMap<>(Map.of("partner", "carrier", "delivery_id", "E-1")));
        when(deliveries.delivery(8L)).thenReturn(new DeliveryHandler.Delivery(8L, "carrier", "SANDBOX-POST",
                "tracking/IN_TRANSIT", "E-1", "{\"e\":1}", 2));
        when(deliveries.delivery(10L)).thenReturn(new DeliveryHandler.Delivery(10L, "carrier", "SANDBOX-POST",
                "tracking/DELIVERY_FAILED", "E-3", "{\"e\":3}", 1));
        when(deliveries.delivery(11L)).thenReturn(new DeliveryHandler.Delivery(11L, "carrier", "SANDBOX-POST",
                "tracking/DELIVERED", "E-4", "{\"e\":4}", 1));
        when(deliveries.ofTheSameTask(8L)).thenReturn(java.util.List.of(
                Map.of("id", 11L, "topic", "tracking/DELIVERED", "delivery_id", "E-4", "status", "TAKEN",
                        "received_at", Timestamp.from(Instant.parse("2026-12-03T03:00:00Z"))),
                Map.of("id", 10L, "topic", "tracking/DELIVERY_FAILED", "delivery_id", "E-3", "status", "ATTENTION",
                        "received_at", Timestamp.from(Instant.parse("2026-12-03T02:00:00Z"))),
                Map.of("id", 9L, "topic", "tracking/OUT_FOR_DELIVERY", "delivery_id", "E-2", "status", "CLOSED",
                        "received_at", Timestamp.from(Instant.parse("2026-12-03T01:00:00Z"))),
                Map.of("id", 8L, "topic", "tracking/IN_TRANSIT", "delivery_id", "E-1", "status", "ATTENTION",
                        "received_at", Timestamp.from(Instant.parse("2026-12-02T07:04:00Z")))));

        Map<String, Object> shown = facts.of(8L).values();

        assertThat(shown).as("the taken and the closed one are no longer the operator's").containsEntry("deliveryCount", 2)
                .containsEntry("latestPayload", "{\"e\":3}");
        assertThat(shown.get("deliveries")).asList().containsExactly(
                Map.of("receivedAt", "2026-12-03 10:00 (Asia/Shanghai)", "topic", "Carrier scan: Delivery failed",
                        "deliveryNumber", "E-3"),
                Map.of("receivedAt", "2026-12-02 15:04 (Asia/Shanghai)", "topic", "Carrier scan: In transit",
                        "deliveryNumber", "E-1"));
    }

    /**
     * Exploratory test s12 (tasklist 3): the form showed Dropflow's own keys, "From supplier (SLOWPOKE)", "Topic:
     * not-applied/SHIPPED/CANCELLED", "after-delivery/RETURNED", in both languages. They read as words.
     */
    @Test
    void whoSentItAndDropflowsOwnTopicsReadAsWords() {
        when(deliveries.record(12L)).thenReturn(new HashMap<>(Map.of("partner", "supplier", "account", "SLOWPOKE",
                "topic", "not-applied/SHIPPED/CANCELLED", "delivery_id", "S-1")));
        when(deliveries.delivery(12L)).thenReturn(new DeliveryHandler.Delivery(12L, "supplier", "SLOWPOKE",
                "not-applied/SHIPPED/CANCELLED", "S-1", "{}", 1));

        assertThat(facts.of(12L).values()).containsEntry("partner", "Supplier").containsEntry("account", "SLOWPOKE")
                .containsEntry("topic", "Shipped from the supplier, not applied (purchase order: Cancelled)");
        assertThat(DeliveryTaskFacts.topicWords("not-applied/ACCEPTED/ACCEPTED/missing-lines"))
                .isEqualTo("Accepted with lines missing from the supplier, not applied (purchase order: Accepted)");
        assertThat(DeliveryTaskFacts.topicWords("not-applied/CANCELLATION_ACCEPTED/ACCEPTED/lines"))
                .isEqualTo("Cancellation accepted of some lines from the supplier, not applied (purchase order: Accepted)");
        // the change's review (s12): the cancellation fix's topic, accepted after a refusal
        assertThat(DeliveryTaskFacts.topicWords("not-applied/CANCELLATION_ACCEPTED/ACCEPTED/after-refusal"))
                .isEqualTo("Cancellation accepted after refusing it from the supplier, not applied (purchase order: Accepted)");
        assertThat(DeliveryTaskFacts.topicWords("after-delivery/RETURNED")).isEqualTo("Carrier scan after the delivery: Returned");
        assertThat(DeliveryTaskFacts.partnerWords("carrier-after-delivery")).isEqualTo("Carrier (after the delivery)");
        assertThat(DeliveryTaskFacts.topicWords("orders/paid")).as("a partner's own topic").isEqualTo("orders/paid");
    }

    /** s14 tasklist #1: a take-back answer's task read "From supplier-take-back" and "Topic: ALTERNATIVE", also in Chinese. */
    @Test
    void aTakeBackAnswerReadsAsWordsInBothLanguages() {
        io.dropflow.translation.OperatorTexts chinese = io.dropflow.translation.OperatorTexts.of("zh");
        String partner = DeliveryTaskFacts.partnerWords("supplier-take-back");
        assertThat(partner).isEqualTo("Supplier, about uncollected goods");
        assertThat(chinese.translate(partner)).isEqualTo("供应商（关于未取的商品）");
        for (String answer : new String[] {"ACCEPTED", "ALTERNATIVE", "REJECTED"}) {
            String topic = DeliveryTaskFacts.topicWords("take-back/" + answer);
            assertThat(topic).startsWith("Take-back of uncollected goods: the supplier ");
            assertThat(chinese.translate(topic)).as(topic).startsWith("收回未取的商品：供应商");
        }
    }
}
