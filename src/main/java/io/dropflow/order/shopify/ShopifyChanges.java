package io.dropflow.order.shopify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropflow.partners.PartnerDeliveries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The refunds and edits of a Shopify order Dropflow has not taken yet, kept with its order key
 * ({@link ShopifyOrderDeliveries#orderKey}, {@link PartnerDeliveries#mark(String, String, String, Instant, String)}),
 * and whether an orders/paid (or paid orders/create) of the same second carries them. Shopify's times are whole
 * seconds: a payload whose {@code updated_at} is the second of the latest change cannot be ordered by time, so it is
 * read for the change itself (review-s17 F5). The payload is Shopify's REST order
 * (https://shopify.dev/docs/api/admin-rest/2026-07/resources/order, as the webhooks send it): a refund is carried when
 * the order's {@code refunds[].id} has it, each refund being named by its id. An edit is never carried: an edit is
 * not named in the order, and counting its pieces ({@code quantity} less {@code current_quantity}) cannot tell this
 * edit from an earlier one of the same line whose orders/edited has not come yet (Shopify does not order its
 * deliveries and retries them for hours) or that a node of the previous release marked without its words: such an
 * order would be forwarded with pieces the buyer had removed (review s18 F2). A second with a change marked without
 * its words (by the previous release, {@code RecordedDeliveries#mark} keeps a line for it) is not carried either. So
 * the order goes to an operator as before whenever the payload cannot prove it carries every change of its second.
 */
final class ShopifyChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopifyChanges() {
    }

    /** A refund (the refunds/create payload) in the words kept with the order key. */
    static String refund(JsonNode refund) {
        ObjectNode kept = JSON.createObjectNode();
        kept.put("refund", refund.path("id").asText(""));
        return kept.toString();
    }

    /** An edit (the orders/edited payload's {@code order_edit}) in the words kept with the order key. */
    static String edit(JsonNode orderEdit) {
        ObjectNode kept = JSON.createObjectNode();
        kept.put("edit", orderEdit.path("id").asText(""));
        return kept.toString();
    }

    /**
     * Whether {@code order}, Shopify's order as it was at {@code asOf} (its {@code updated_at}), carries every change
     * kept at that second; false when none was kept at it, or the payload cannot tell.
     */
    static boolean carried(JsonNode order, Instant asOf, List<PartnerDeliveries.Change> changes) {
        List<String> refunds = new ArrayList<>();
        for (PartnerDeliveries.Change change : changes) {
            if (!change.at().equals(asOf)) {
                continue;
            }
            Optional<JsonNode> read = read(change.what());
            if (read.isEmpty() || !read.get().has("refund")) {
                return false;
            }
            refunds.add(read.get().path("refund").asText());
        }
        if (refunds.isEmpty() || !order.path("refunds").isArray()) {
            return false;
        }
        return refunds.stream().allMatch(refund -> hasRefund(order, refund));
    }

    private static boolean hasRefund(JsonNode order, String refund) {
        for (JsonNode r : order.path("refunds")) {
            if (!refund.isEmpty() && refund.equals(r.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<JsonNode> read(String what) {
        try {
            JsonNode node = JSON.readTree(what);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException notOurs) {
            return Optional.empty();
        }
    }
}
