package io.dropflow.order.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.PartnerDeliveries.Change;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether an orders/paid of the same second as a refund or an edit of the order carries it (review-s17 F5), read from
 * Shopify's payloads: the REST order as the webhooks send it (https://shopify.dev/docs/api/admin-rest/2026-07/resources/order:
 * {@code refunds[].id}, {@code refunds[].refund_line_items[]}, {@code line_items[].current_quantity},
 * https://shopify.dev/changelog/addition-of-lineitem-current_quantity-on-admin-rest-api), the refunds/create payload
 * ({@code id}) and the orders/edited payload ({@code order_edit.line_items.additions/removals[]}: {@code id},
 * {@code delta}; https://shopify.dev/docs/api/webhooks/2026-07?reference=toml).
 */
class ShopifyChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-07T09:05:00Z");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** Shopify's order with one line of {@code quantity} pieces, {@code current} left, and these refunds. */
    private static JsonNode order(int quantity, int current, String refunds) throws Exception {
        return json("""
                {"id": 450789469, "updated_at": "2026-12-07T10:05:00+01:00", "financial_status": "paid",
                 "line_items": [{"id": 518995019, "sku": "DEMO-MUG", "quantity": %d, "current_quantity": %d,
                   "fulfillable_quantity": %d, "price": "15.00"}],
                 "refunds": [%s]}
                """.formatted(quantity, current, current, refunds));
    }

    private static String refund(long id) throws Exception {
        return ShopifyChanges.refund(json("{\"id\": " + id + ", \"order_id\": 450789469,"
                + " \"created_at\": \"2026-12-07T10:05:00+01:00\", \"transactions\": []}"));
    }

    private static String edit(long id, String additions, String removals) throws Exception {
        return ShopifyChanges.edit(json("""
                {"id": %d, "order_id": 450789469, "committed_at": "2026-12-07T10:05:00+01:00",
                 "line_items": {"additions": [%s], "removals": [%s]},
                 "discounts": {"line_item": {"additions": [], "removals": []}},
                 "shipping_lines": {"additions": [], "removals": []}}
                """.formatted(id, additions, removals)));
    }

    private static final String REMOVE_ONE = "{\"id\": 518995019, \"delta\": 1}";

    @Test
    void aRefundOfThatSecondIsCarriedWhenTheOrdersRefundsHaveIt() throws Exception {
        List<Change> kept = List.of(new Change(AT, refund(929361462)));

        assertThat(ShopifyChanges.carried(order(1, 1, "{\"id\": 929361462, \"refund_line_items\": []}"), AT, kept)).isTrue();
        assertThat(ShopifyChanges.carried(order(1, 1, "{\"id\": 929361999, \"refund_line_items\": []}"), AT, kept)).isFalse();
        assertThat(ShopifyChanges.carried(order(1, 1, ""), AT, kept)).isFalse();
        // a payload without its refunds (include_fields) cannot tell
        assertThat(ShopifyChanges.carried(json("{\"id\": 450789469, \"line_items\": []}"), AT, kept)).isFalse();
    }

    @Test
    void anEditRemovingPiecesIsCarriedWhenTheLineHasThemRemoved() throws Exception {
        List<Change> kept = List.of(new Change(AT, edit(781, "", REMOVE_ONE)));

        assertThat(ShopifyChanges.carried(order(2, 1, ""), AT, kept)).isTrue();
        assertThat(ShopifyChanges.carried(order(2, 2, ""), AT, kept)).isFalse();
    }

    /** An earlier edit of the same line is in the payload too: only pieces removed beyond it show this one. */
    @Test
    void piecesRemovedByAnEarlierEditOrARefundDoNotCountForThisEdit() throws Exception {
        List<Change> afterAnother = List.of(new Change(AT.minusSeconds(3600), edit(780, "", REMOVE_ONE)),
                new Change(AT, edit(781, "", REMOVE_ONE)));
        assertThat(ShopifyChanges.carried(order(3, 2, ""), AT, afterAnother)).isFalse();
        assertThat(ShopifyChanges.carried(order(3, 1, ""), AT, afterAnother)).isTrue();

        List<Change> kept = List.of(new Change(AT, edit(781, "", REMOVE_ONE)));
        String refundedOne = "{\"id\": 929361462, \"refund_line_items\": [{\"line_item_id\": 518995019, \"quantity\": 1}]}";
        assertThat(ShopifyChanges.carried(order(2, 1, refundedOne), AT, kept)).isFalse();
        assertThat(ShopifyChanges.carried(order(3, 1, refundedOne), AT, kept)).isTrue();
    }

    @Test
    void whatThePayloadCannotTellIsNotCarried() throws Exception {
        // pieces added: added and there before look alike
        assertThat(ShopifyChanges.carried(order(2, 2, ""), AT, List.of(new Change(AT, edit(782, REMOVE_ONE, ""))))).isFalse();
        // a shipping line removed too
        String withShipping = ShopifyChanges.edit(json("""
                {"id": 783, "line_items": {"additions": [], "removals": [{"id": 518995019, "delta": 1}]},
                 "shipping_lines": {"additions": [], "removals": [{"id": 271878346596884015}]}}"""));
        assertThat(ShopifyChanges.carried(order(2, 1, ""), AT, List.of(new Change(AT, withShipping)))).isFalse();
        // no current_quantity (an API version before 2024-01)
        JsonNode noCurrent = json("{\"id\": 1, \"refunds\": [], \"line_items\": [{\"id\": 518995019, \"quantity\": 2}]}");
        assertThat(ShopifyChanges.carried(noCurrent, AT, List.of(new Change(AT, edit(784, "", REMOVE_ONE))))).isFalse();
        // nothing kept at that second: the change was marked without its words (the previous release)
        assertThat(ShopifyChanges.carried(order(2, 1, ""), AT, List.of())).isFalse();
        assertThat(ShopifyChanges.carried(order(2, 1, ""), AT, List.of(new Change(AT.minusSeconds(1), edit(781, "", REMOVE_ONE)))))
                .isFalse();
    }

    /** Every change of that second must be carried: a refund carried and an edit not is not carried. */
    @Test
    void twoChangesOfOneSecondAreCarriedOnlyTogether() throws Exception {
        List<Change> kept = List.of(new Change(AT, refund(929361462)), new Change(AT, edit(781, "", REMOVE_ONE)));
        String refunded = "{\"id\": 929361462, \"refund_line_items\": []}";

        assertThat(ShopifyChanges.carried(order(2, 2, refunded), AT, kept)).isFalse();
        assertThat(ShopifyChanges.carried(order(2, 1, refunded), AT, kept)).isTrue();
    }
}
