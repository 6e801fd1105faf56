package io.dropflow.storefront.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shopify's Admin REST API as documented, against a real HTTP server: tracking, refunds, notes, failures. */
class ShopifyStorefrontTest {

    private static final String API = "/admin/api/2024-10";
    private final WireMockServer shopify = new WireMockServer(options().dynamicPort());
    private ShopifyStorefront storefront;

    @BeforeEach
    void start() {
        shopify.start();
        storefront = new ShopifyStorefront(new ShopifySettings("demo.myshopify.com", "shpat_test", "secret", null,
                shopify.baseUrl(), Duration.ofSeconds(1), Duration.ofMillis(800)));
    }

    @AfterEach
    void stop() {
        shopify.stop();
    }

    @Test
    void trackingGoesBackAsAFulfillmentOfTheOpenFulfillmentOrdersOnce() {
        shopify.stubFor(get(API + "/orders/450789469/fulfillments.json").willReturn(okJson("{\"fulfillments\":[]}")));
        shopify.stubFor(get(API + "/orders/450789469/fulfillment_orders.json").willReturn(okJson(
                "{\"fulfillment_orders\":[{\"id\":1046000778,\"status\":\"open\"},{\"id\":1046000779,\"status\":\"closed\"}]}")));
        shopify.stubFor(post(API + "/fulfillments.json").willReturn(created().withBody("{\"fulfillment\":{\"id\":1}}")));

        storefront.syncTracking("450789469", "DHL", "00340434161094042557", "DF-7-tracking");

        shopify.verify(postRequestedFor(urlEqualTo(API + "/fulfillments.json"))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_test"))
                .withRequestBody(matchingJsonPath("$.fulfillment.line_items_by_fulfillment_order[0].fulfillment_order_id",
                        equalTo("1046000778")))
                .withRequestBody(matchingJsonPath("$.fulfillment.line_items_by_fulfillment_order.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.fulfillment.tracking_info.number", equalTo("00340434161094042557")))
                .withRequestBody(matchingJsonPath("$.fulfillment.tracking_info.company", equalTo("DHL"))));

        // Again (a retried job): the fulfillment with this number exists, nothing is posted
        shopify.stubFor(get(API + "/orders/450789469/fulfillments.json").willReturn(okJson(
                "{\"fulfillments\":[{\"id\":1,\"tracking_number\":\"00340434161094042557\"}]}")));
        storefront.syncTracking("450789469", "DHL", "00340434161094042557", "DF-7-tracking");
        shopify.verify(1, postRequestedFor(urlEqualTo(API + "/fulfillments.json")));
    }

    @Test
    void aRefundGoesAgainstTheSuccessfulSaleOnceByItsKey() {
        shopify.stubFor(get(API + "/orders/450789469/refunds.json").willReturn(okJson("{\"refunds\":[]}")));
        shopify.stubFor(get(API + "/orders/450789469/transactions.json").willReturn(okJson("{\"transactions\":["
                + "{\"id\":389404469,\"kind\":\"authorization\",\"status\":\"success\",\"gateway\":\"bogus\"},"
                + "{\"id\":389404470,\"kind\":\"capture\",\"status\":\"success\",\"gateway\":\"bogus\"}]}")));
        shopify.stubFor(post(API + "/orders/450789469/refunds.json").willReturn(created().withBody("{\"refund\":{\"id\":9}}")));

        storefront.refund("450789469", new BigDecimal("5.00"), "EUR", "defect claim DF-CL3", "DF-CL3-refund");

        shopify.verify(postRequestedFor(urlEqualTo(API + "/orders/450789469/refunds.json"))
                .withRequestBody(matchingJsonPath("$.refund.transactions[0].parent_id", equalTo("389404470")))
                .withRequestBody(matchingJsonPath("$.refund.transactions[0].amount", equalTo("5.00")))
                .withRequestBody(matchingJsonPath("$.refund.transactions[0].kind", equalTo("refund")))
                .withRequestBody(matchingJsonPath("$.refund.note", containing("[DF-CL3-refund]"))));

        shopify.stubFor(get(API + "/orders/450789469/refunds.json").willReturn(okJson(
                "{\"refunds\":[{\"id\":9,\"note\":\"defect claim DF-CL3 [DF-CL3-refund]\"}]}")));
        storefront.refund("450789469", new BigDecimal("5.00"), "EUR", "defect claim DF-CL3", "DF-CL3-refund");
        shopify.verify(1, postRequestedFor(urlEqualTo(API + "/orders/450789469/refunds.json")));
    }

    @Test
    void messagesToTheConsumerGoOnTheOrdersNoteOnce() {
        shopify.stubFor(get(urlPathEqualTo(API + "/orders/450789469.json")).willReturn(okJson(
                "{\"order\":{\"id\":450789469,\"note\":\"gift wrap\"}}")));
        shopify.stubFor(put(API + "/orders/450789469.json").willReturn(okJson("{\"order\":{\"id\":450789469}}")));

        storefront.messageConsumer("450789469", "Your claim DF-CL3 is settled.", "DF-CL3-outcome");

        shopify.verify(putRequestedFor(urlEqualTo(API + "/orders/450789469.json"))
                .withRequestBody(matchingJsonPath("$.order.note", equalTo("gift wrap\nYour claim DF-CL3 is settled. [DF-CL3-outcome]"))));

        shopify.stubFor(get(urlPathEqualTo(API + "/orders/450789469.json")).willReturn(okJson(
                "{\"order\":{\"id\":450789469,\"note\":\"gift wrap\\nYour claim DF-CL3 is settled. [DF-CL3-outcome]\"}}")));
        storefront.messageConsumer("450789469", "Your claim DF-CL3 is settled.", "DF-CL3-outcome");
        shopify.verify(1, putRequestedFor(urlEqualTo(API + "/orders/450789469.json")));
    }

    @Test
    void rateLimitsServerErrorsTimeoutsAndRefusalsFailTheCallClearly() {
        shopify.stubFor(get(API + "/orders/1/refunds.json").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        assertThatThrownBy(() -> storefront.refund("1", BigDecimal.ONE, "EUR", "r", "k")).hasMessageContaining("429")
                .hasMessageContaining("retried");

        shopify.stubFor(get(API + "/orders/1/refunds.json").willReturn(okJson("{}").withFixedDelay(1500)));
        assertThatThrownBy(() -> storefront.refund("1", BigDecimal.ONE, "EUR", "r", "k")).hasMessageContaining("in time");

        shopify.stubFor(get(API + "/orders/1/refunds.json").willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":\"[API] This action requires merchant approval for write_orders scope.\"}")));
        assertThatThrownBy(() -> storefront.refund("1", BigDecimal.ONE, "EUR", "r", "k")).hasMessageContaining("403")
                .hasMessageContaining("scopes").hasMessageNotContaining("shpat_test");

        shopify.stubFor(get(API + "/orders/1/refunds.json").willReturn(okJson("{\"refunds\":[]}")));
        shopify.stubFor(get(API + "/orders/1/transactions.json").willReturn(okJson("{\"transactions\":[]}")));
        assertThatThrownBy(() -> storefront.refund("1", BigDecimal.ONE, "EUR", "r", "k"))
                .hasMessageContaining("no successful sale");
    }
}
