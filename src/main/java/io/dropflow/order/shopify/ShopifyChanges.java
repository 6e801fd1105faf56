package io.dropflow.order.shopify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropflow.partners.PartnerDeliveries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The refunds and edits of a Shopify order Dropflow has not taken yet, kept with its order key
 * ({@link ShopifyOrderDeliveries#orderKey}, {@link PartnerDeliveries#mark(String, String, String, Instant, String)}),
 * and whether an orders/paid (or paid orders/create) of the same second carries them. Shopify's times are whole
 * seconds: a payload whose {@code updated_at} is the second of the latest change cannot be ordered by time, so it is
 * read for the change itself (review-s17 F5). The payload is Shopify's REST order
 * (https://shopify.dev/docs/api/admin-rest/2026-07/resources/order, as the webhooks send it):
 * <ul>
 * <li>a refund is carried when the order's {@code refunds[].id} has it, not when the list lacks it;
 * <li>an edit that only removes pieces ({@code order_edit.line_items.removals[]}, each a line item id and a
 *     {@code delta}: the orders/edited payload, https://shopify.dev/docs/api/webhooks/2026-07?reference=toml) is carried
 *     when each of its lines has at least as many pieces removed in edits as the edits kept for that line remove
 *     together: {@code quantity} less {@code current_quantity} (the pieces left after removals and refunds,
 *     https://shopify.dev/changelog/addition-of-lineitem-current_quantity-on-admin-rest-api) less the line's pieces in
 *     the order's own {@code refunds[].refund_line_items}.
 * </ul>
 * Anything else cannot be told from the payload and is not carried, so the order goes to an operator as before: an
 * edit that adds pieces (a line's pieces added and pieces there before look alike), one that changes discounts or
 * shipping, a payload without {@code refunds} or a line's {@code current_quantity}, and a second whose change was
 * marked without its words (by the previous release). {@code fulfillable_quantity} is not read: it also falls with
 * fulfilments. An edit of the same line made earlier whose orders/edited has not come yet is not known here; it would
 * count as this one's removal.
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
        kept.set("removals", JSON.valueToTree(deltas(orderEdit.path("line_items").path("removals"))));
        kept.set("additions", JSON.valueToTree(deltas(orderEdit.path("line_items").path("additions"))));
        boolean other = false;
        for (Map.Entry<String, JsonNode> field : orderEdit.properties()) {
            other |= !"line_items".equals(field.getKey()) && hasElements(field.getValue());
        }
        kept.put("other", other);
        return kept.toString();
    }

    /**
     * Whether {@code order}, Shopify's order as it was at {@code asOf} (its {@code updated_at}), carries every change
     * kept at that second; false when none was kept at it, or the payload cannot tell.
     */
    static boolean carried(JsonNode order, Instant asOf, List<PartnerDeliveries.Change> changes) {
        List<JsonNode> all = new ArrayList<>();
        List<JsonNode> thatSecond = new ArrayList<>();
        for (PartnerDeliveries.Change change : changes) {
            Optional<JsonNode> read = read(change.what());
            if (read.isEmpty()) {
                if (change.at().equals(asOf)) {
                    return false;
                }
                continue;
            }
            all.add(read.get());
            if (change.at().equals(asOf)) {
                thatSecond.add(read.get());
            }
        }
        if (thatSecond.isEmpty() || !order.path("refunds").isArray()) {
            return false;
        }
        for (JsonNode change : thatSecond) {
            boolean carried = change.has("refund") ? hasRefund(order, change.path("refund").asText())
                    : change.has("edit") && editCarried(order, change, all);
            if (!carried) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasRefund(JsonNode order, String refund) {
        for (JsonNode r : order.path("refunds")) {
            if (!refund.isEmpty() && refund.equals(r.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean editCarried(JsonNode order, JsonNode edit, List<JsonNode> all) {
        if (edit.path("other").asBoolean(true) || !edit.path("additions").isEmpty() || edit.path("removals").isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> removal : edit.path("removals").properties()) {
            String line = removal.getKey();
            JsonNode item = lineItem(order, line);
            if (item == null || !item.path("quantity").canConvertToInt() || !item.path("current_quantity").canConvertToInt()) {
                return false;
            }
            int removedInEdits = item.path("quantity").asInt() - item.path("current_quantity").asInt() - refunded(order, line);
            int keptEditsRemove = 0;
            for (JsonNode other : all) {
                keptEditsRemove += other.has("edit") ? other.path("removals").path(line).asInt(0) : 0;
            }
            if (removedInEdits < keptEditsRemove) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode lineItem(JsonNode order, String id) {
        for (JsonNode item : order.path("line_items")) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        return null;
    }

    /** The pieces of a line in the order's own refunds. */
    private static int refunded(JsonNode order, String line) {
        int pieces = 0;
        for (JsonNode refund : order.path("refunds")) {
            for (JsonNode item : refund.path("refund_line_items")) {
                pieces += line.equals(item.path("line_item_id").asText()) ? item.path("quantity").asInt(0) : 0;
            }
        }
        return pieces;
    }

    /** An edit's additions or removals, line item id to pieces. */
    private static Map<String, Integer> deltas(JsonNode changes) {
        Map<String, Integer> deltas = new TreeMap<>();
        for (JsonNode change : changes) {
            deltas.merge(change.path("id").asText(""), change.path("delta").asInt(0), Integer::sum);
        }
        return deltas;
    }

    /** Whether a JSON value holds an array with anything in it, at any depth. */
    private static boolean hasElements(JsonNode value) {
        if (value.isArray()) {
            return !value.isEmpty();
        }
        for (JsonNode child : value) {
            if (hasElements(child)) {
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
