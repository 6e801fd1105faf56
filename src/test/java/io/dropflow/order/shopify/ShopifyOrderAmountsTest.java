package io.dropflow.order.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.order.internal.PlaceOrder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Shopify order's amounts in our order lines, as Shopify's REST order payload (the webhooks') means them:
 * {@code price} is one piece's before discounts, each {@code discount_allocations[].amount} and
 * {@code tax_lines[].price} the whole line's; the currency's minor units (EUR 2, JPY 0, KWD 3) are never
 * exceeded, and the lines add up to exactly what Shopify charged.
 */
class ShopifyOrderAmountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PlaceOrder map(String currency, String lineItems, String shippingLines) throws Exception {
        return ShopifyOrderDeliveries.map(JSON.readTree("""
                {"id": 1, "currency": "%s", "financial_status": "paid", "line_items": [%s], "shipping_lines": [%s]}
                """.formatted(currency, lineItems, shippingLines)));
    }

    private static List<String> lines(PlaceOrder order) {
        return order.lines().stream().map(l -> l.sku() + " " + l.quantity() + " x " + l.salePrice().toPlainString())
                .toList();
    }

    private static BigDecimal total(PlaceOrder order) {
        return order.lines().stream().map(l -> l.salePrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aLineDiscountThatDoesNotDivideByTheQuantityKeepsTheLineTotalInCents() throws Exception {
        PlaceOrder order = map("EUR", """
                {"sku": "DEMO-MUG", "quantity": 3, "price": "10.00", "discount_allocations": [
                  {"amount": "0.60", "discount_application_index": 0}, {"amount": "0.40", "discount_application_index": 1}]}
                """, "");

        // 30.00 - 1.00 = 29.00 for three mugs: 9.67 + 9.67 + 9.66, never 9.6667
        assertThat(lines(order)).containsExactly("DEMO-MUG 2 x 9.67", "DEMO-MUG 1 x 9.66");
        assertThat(total(order)).isEqualByComparingTo("29.00");
    }

    @Test
    void aDiscountThatDividesEvenlyStaysOneLine() throws Exception {
        PlaceOrder order = map("EUR", """
                {"sku": "DEMO-MUG", "quantity": 3, "price": "10.00", "discount_allocations": [{"amount": "3.00"}]}
                """, "");

        assertThat(lines(order)).containsExactly("DEMO-MUG 3 x 9.00");
    }

    @Test
    void jpyShippingIsSpreadInWholeYenAddingUpToWhatShopifyCharged() throws Exception {
        String items = """
                {"sku": "A", "quantity": 1, "price": "1500"}, {"sku": "B", "quantity": 1, "price": "1500"},
                {"sku": "C", "quantity": 1, "price": "1500"}
                """;

        PlaceOrder thousand = map("JPY", items, "{\"price\": \"1000\"}");
        PlaceOrder nineNineNine = map("JPY", items, "{\"price\": \"999\"}");

        // 1000 over three equal lines: 334, 333, 333 (the yen left goes to the first)
        assertThat(lines(thousand)).containsExactly("A 1 x 1834", "B 1 x 1833", "C 1 x 1833");
        assertThat(total(thousand)).isEqualByComparingTo("5500");
        assertThat(thousand.lines()).allSatisfy(l -> assertThat(l.salePrice().scale()).isZero());
        assertThat(lines(nineNineNine)).containsExactly("A 1 x 1833", "B 1 x 1833", "C 1 x 1833");
    }

    @Test
    void jpyShippingOverPiecesSplitsALineInWholeYen() throws Exception {
        PlaceOrder order = map("JPY", "{\"sku\": \"A\", \"quantity\": 3, \"price\": \"1000\"}", "{\"price\": \"1000\"}");

        // 3000 + 1000 = 4000 for three pieces: 1334 + 1333 + 1333
        assertThat(lines(order)).containsExactly("A 1 x 1334", "A 2 x 1333");
        assertThat(total(order)).isEqualByComparingTo("4000");
    }

    @Test
    void kwdKeepsItsThreeDecimals() throws Exception {
        PlaceOrder order = map("KWD", """
                {"sku": "A", "quantity": 3, "price": "1.500", "discount_allocations": [{"amount": "0.100"}]},
                {"sku": "B", "quantity": 1, "price": "2.000"}
                """, "{\"price\": \"1.000\", \"discount_allocations\": [{\"amount\": \"0.001\"}]}");

        // goods A 4.400, B 2.000; shipping 0.999 by value 4.4 : 2 = 0.686875 : 0.312125 -> 0.687, 0.312
        // A: 5.087 over 3 = 1.696 + 1.696 + 1.695; B: 2.312
        assertThat(lines(order)).containsExactly("A 2 x 1.696", "A 1 x 1.695", "B 1 x 2.312");
        assertThat(total(order)).isEqualByComparingTo("7.399");
    }

    @Test
    void includedTaxesAndShippingAreTakenOutAndSpreadToTheCent() throws Exception {
        PlaceOrder order = ShopifyOrderDeliveries.map(JSON.readTree("""
                {"id": 1, "currency": "EUR", "financial_status": "paid", "taxes_included": true,
                 "line_items": [
                   {"sku": "A", "quantity": 2, "price": "10.00",
                    "discount_allocations": [{"amount": "2.00"}], "tax_lines": [{"price": "3.00"}]},
                   {"sku": "B", "quantity": 1, "price": "5.00", "discount_allocations": [], "tax_lines": [{"price": "1.00"}]}],
                 "shipping_lines": [{"price": "4.50", "discount_allocations": [{"amount": "0.50"}], "tax_lines": [{"price": "1.00"}]}]}
                """));

        // goods net: A 20 - 2 - 3 = 15, B 5 - 1 = 4; shipping net 4.50 - 0.50 - 1.00 = 3.00, spread 15:4 -> 2.37, 0.63
        assertThat(lines(order)).containsExactly("A 1 x 8.69", "A 1 x 8.68", "B 1 x 4.63");
        assertThat(total(order)).isEqualByComparingTo("22.00");
    }

    @Test
    void shippingOnFreeGoodsIsSpreadByQuantityNotDropped() throws Exception {
        PlaceOrder order = map("EUR", """
                {"sku": "A", "quantity": 2, "price": "5.00", "discount_allocations": [{"amount": "10.00"}]},
                {"sku": "B", "quantity": 1, "price": "0.00"}
                """, "{\"price\": \"1.00\"}");

        assertThat(lines(order)).containsExactly("A 1 x 0.34", "A 1 x 0.33", "B 1 x 0.33");
        assertThat(total(order)).isEqualByComparingTo("1.00");
    }

    /**
     * An order edited before it was paid, as Shopify's payload keeps it: the line's {@code quantity} is what was first
     * ordered, {@code current_quantity} what is left (https://shopify.dev/changelog/addition-of-lineitem-current_quantity-on-admin-rest-api),
     * and a removed shipping line stays with {@code is_removed: true}
     * (https://shopify.dev/changelog/add-and-remove-shipping-lines-with-new-mutations-on-the-order-editing-api).
     * The tester's order (explore-s13-contracts, defect 1): 3 mugs ordered, 1 left, 5.00 shipping, 12.00 express
     * removed; Shopify charged 20.00, which used to be taken as 3 mugs for 50.00.
     */
    @Test
    void removedPiecesAndRemovedShippingAreNotBought() throws Exception {
        PlaceOrder order = map("USD", """
                {"sku": "DEMO-MUG", "quantity": 3, "current_quantity": 1, "price": "15.00", "discount_allocations": [],
                 "tax_lines": []}
                """, """
                {"price": "5.00", "is_removed": false, "discount_allocations": []},
                {"price": "12.00", "is_removed": true, "discount_allocations": [{"amount": "2.00"}]}
                """);

        assertThat(lines(order)).containsExactly("DEMO-MUG 1 x 20.00");
    }

    /** The tester's other order: a teapot line with every piece removed ({@code current_quantity: 0}) is no line. */
    @Test
    void aLineWithEveryPieceRemovedIsLeftOut() throws Exception {
        PlaceOrder order = map("USD", """
                {"sku": "DEMO-MUG", "quantity": 1, "current_quantity": 1, "price": "15.00", "discount_allocations": []},
                {"sku": "DEMO-TEAPOT", "quantity": 1, "current_quantity": 0, "price": "20.00",
                 "discount_allocations": [{"amount": "4.00"}]},
                {"sku": "DEMO-MUG", "quantity": 2, "current_quantity": 2, "price": "10.00",
                 "discount_allocations": [{"amount": "1.00"}]}
                """, """
                {"price": "5.00", "is_removed": false}, {"price": "12.00", "is_removed": true}
                """);

        // goods 15.00 and 19.00, shipping 5.00 by value: 2.21 and 2.79
        assertThat(lines(order)).containsExactly("DEMO-MUG 1 x 17.21", "DEMO-MUG 1 x 10.90", "DEMO-MUG 1 x 10.89");
        assertThat(total(order)).isEqualByComparingTo("39.00");
    }

    /**
     * A line's {@code discount_allocations} (and its included {@code tax_lines}) are Shopify's for every piece first
     * ordered, removed ones included ("discounts allocated to refunded and removed quantities",
     * https://shopify.dev/docs/api/admin-graphql/2024-07/objects/lineitem), and which share a removed piece had is
     * not in the payload: such a line is not priced by guess.
     */
    @Test
    void aLineWithPiecesRemovedAndADiscountOrIncludedTaxIsNotPricedByGuess() throws Exception {
        assertThatThrownBy(() -> map("USD", """
                {"sku": "DEMO-MUG", "quantity": 3, "current_quantity": 2, "price": "10.00",
                 "discount_allocations": [{"amount": "1.00"}]}
                """, "")).isInstanceOf(ShopifyOrderDeliveries.NotPriceable.class)
                .hasMessageContaining("line DEMO-MUG: 1 of its 3 pieces were removed", "discounts and included taxes");
        assertThatThrownBy(() -> ShopifyOrderDeliveries.map(JSON.readTree("""
                {"id": 1, "currency": "EUR", "taxes_included": true, "line_items": [{"sku": "A", "quantity": 2,
                 "current_quantity": 1, "price": "12.00", "discount_allocations": [], "tax_lines": [{"price": "4.00"}]}]}
                """))).isInstanceOf(ShopifyOrderDeliveries.NotPriceable.class).hasMessageContaining("taxes");
        // taxes added on top (not included) are no part of our price: the piece left is priced exactly
        PlaceOrder taxOnTop = ShopifyOrderDeliveries.map(JSON.readTree("""
                {"id": 1, "currency": "EUR", "taxes_included": false, "line_items": [{"sku": "A", "quantity": 2,
                 "current_quantity": 1, "price": "12.00", "discount_allocations": [], "tax_lines": [{"price": "4.56"}]}]}
                """));
        assertThat(lines(taxOnTop)).containsExactly("A 1 x 12.00");
    }

    /**
     * An order paid in the buyer's currency (Shopify Markets): the shop's currency is USD, the buyer paid JPY
     * ({@code presentment_currency}). Each amount comes in both, {@code x_set.shop_money} and
     * {@code x_set.presentment_money} (https://shopify.dev/docs/api/admin-rest/2026-07/resources/order); the plain
     * {@code x} is the shop's. Dropflow takes the order in JPY with the JPY amounts, in whole yen, since Shopify
     * refunds it only in JPY (https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/RefundInput).
     */
    @Test
    void anOrderPaidInTheBuyersCurrencyIsTakenInItWithWhatTheBuyerPaid() throws Exception {
        PlaceOrder order = ShopifyOrderDeliveries.map(JSON.readTree("""
                {"id": 1, "currency": "USD", "presentment_currency": "JPY", "financial_status": "paid",
                 "taxes_included": true,
                 "line_items": [{"sku": "A", "quantity": 2, "price": "10.00",
                   "price_set": {"shop_money": {"amount": "10.00", "currency_code": "USD"},
                                 "presentment_money": {"amount": "1500", "currency_code": "JPY"}},
                   "discount_allocations": [{"amount": "1.00",
                     "amount_set": {"shop_money": {"amount": "1.00", "currency_code": "USD"},
                                    "presentment_money": {"amount": "151", "currency_code": "JPY"}}}],
                   "tax_lines": [{"price": "1.50",
                     "price_set": {"shop_money": {"amount": "1.50", "currency_code": "USD"},
                                   "presentment_money": {"amount": "230", "currency_code": "JPY"}}}]}],
                 "shipping_lines": [{"price": "5.00",
                   "price_set": {"shop_money": {"amount": "5.00", "currency_code": "USD"},
                                 "presentment_money": {"amount": "750", "currency_code": "JPY"}},
                   "discount_allocations": [], "tax_lines": []}]}
                """));

        // 2 x 1500 - 151 - 230 = 2619, + 750 shipping = 3369 for two pieces: 1685 + 1684 whole yen
        assertThat(order.currency()).isEqualTo("JPY");
        assertThat(lines(order)).containsExactly("A 1 x 1685", "A 1 x 1684");
        assertThat(order.lines()).allSatisfy(l -> assertThat(l.salePrice().scale()).isZero());
        assertThat(total(order)).isEqualByComparingTo("3369");
    }

    /** An amount of an order of two currencies without its presentment amount is refused: never taken in the wrong one. */
    @Test
    void anAmountWithoutWhatTheBuyerPaidInAnOrderOfTwoCurrenciesIsRefused() {
        assertThatThrownBy(() -> ShopifyOrderDeliveries.map(JSON.readTree("""
                {"id": 1, "currency": "USD", "presentment_currency": "CAD", "line_items": [
                  {"sku": "A", "quantity": 1, "price": "10.00"}]}
                """))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paid in CAD", "price_set.presentment_money", "USD");
        assertThatThrownBy(() -> ShopifyOrderDeliveries.map(JSON.readTree("""
                {"id": 1, "currency": "USD", "presentment_currency": "CAD", "line_items": [
                  {"sku": "A", "quantity": 1, "price": "10.00", "price_set": {
                    "presentment_money": {"amount": "10.00", "currency_code": "USD"}}}]}
                """))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the order's presentment_currency CAD");
    }

    @Test
    void anAmountFinerThanTheCurrencyIsRefusedNotRounded() {
        assertThatThrownBy(() -> map("JPY", "{\"sku\": \"A\", \"quantity\": 1, \"price\": \"1000.5\"}", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000.5 has more decimals than JPY has (0)");
        assertThatThrownBy(() -> map("EUR", "{\"sku\": \"A\", \"quantity\": 1, \"price\": \"10.00\","
                + " \"discount_allocations\": [{\"amount\": \"0.005\"}]}", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.005");
        // refused before any arithmetic would spell out its billion digits
        assertThatThrownBy(() -> map("EUR", "{\"sku\": \"A\", \"quantity\": 3, \"price\": \"1E+999999999\"}", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digits before the point");
    }

    @Test
    void anAmountWhoseExponentOverflowsAnIntIsRefusedNeverWrittenOut() {
        assertThatThrownBy(() -> map("EUR", "{\"sku\": \"A\", \"quantity\": 1, \"price\": \"1e2147483647\"}", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digits before the point");
        assertThatThrownBy(() -> map("EUR", "{\"sku\": \"A\", \"quantity\": 1, \"price\": \"1e-2147483647\"}", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is out of range");
    }

    @Test
    void theUnitSplitAloneAddsUpToTheLineTotal() {
        assertThat(ShopifyOrderDeliveries.pieces("A", 3, new BigDecimal("1.00"), "EUR"))
                .containsExactly(new PlaceOrder.Line("A", 1, new BigDecimal("0.34")),
                        new PlaceOrder.Line("A", 2, new BigDecimal("0.33")));
        assertThat(ShopifyOrderDeliveries.pieces("A", 3, new BigDecimal("9.00"), "EUR"))
                .containsExactly(new PlaceOrder.Line("A", 3, new BigDecimal("3.00")));
        assertThat(ShopifyOrderDeliveries.pieces("A", 3, new BigDecimal("1000"), "JPY"))
                .containsExactly(new PlaceOrder.Line("A", 1, new BigDecimal("334")),
                        new PlaceOrder.Line("A", 2, new BigDecimal("333")));
        assertThat(ShopifyOrderDeliveries.pieces("A", 7, new BigDecimal("1.000"), "KWD"))
                .containsExactly(new PlaceOrder.Line("A", 6, new BigDecimal("0.143")),
                        new PlaceOrder.Line("A", 1, new BigDecimal("0.142")));
    }
}
