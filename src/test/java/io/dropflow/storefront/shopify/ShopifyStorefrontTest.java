package io.dropflow.storefront.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropflow.partners.PartnerTokens;
import io.dropflow.partners.internal.PartnerSettings;
import io.dropflow.partners.internal.ResilientPartnerCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Shopify's GraphQL Admin API as documented, against a real HTTP server. Each stub names the page it
 * follows; the documents themselves are checked against Shopify's published schema by
 * ShopifyGraphqlContractTest.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShopifyStorefrontTest {

    private static final String GRAPHQL = "/admin/api/2026-07/graphql.json";
    private static final String ORDER = "gid://shopify/Order/450789469";

    private final WireMockServer shopify = new WireMockServer(options().dynamicPort());
    private ShopifyStorefront storefront;
    private final Tokens tokens = new Tokens();

    @BeforeEach
    void start() {
        shopify.start();
        storefront = storefront(Map.of("DHL", "DHL Express"), Map.of("DHL", "https://www.dhl.com/track?n={number}"));
        // Client credentials grant: https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant
        shopify.stubFor(post("/admin/oauth/access_token").willReturn(okJson(
                "{\"access_token\":\"shpat_from_credentials\",\"scope\":\"write_orders\",\"expires_in\":86399}")));
    }

    private ShopifyStorefront storefront(Map<String, String> carriers, Map<String, String> urls) {
        return storefront(null, carriers, urls, Clock.systemUTC());
    }

    private ShopifyStorefront storefront(String apiVersion, Map<String, String> carriers, Map<String, String> urls,
            Clock clock) {
        return new ShopifyStorefront(new ShopifySettings("demo.myshopify.com", "client-id", "client-secret", null,
                apiVersion, shopify.baseUrl(), Duration.ofSeconds(5), Duration.ofSeconds(3), carriers, urls, null, null),
                ResilientPartnerCalls.local(new PartnerSettings(null, null, null), new SimpleMeterRegistry(),
                        Clock.systemUTC()), tokens, clock);
    }

    @AfterEach
    void stop() {
        shopify.stop();
    }

    private static MappingBuilder graphql(String operation) {
        return post(GRAPHQL).withRequestBody(matchingJsonPath("$.query", containing(operation)));
    }

    private static String data(String json) {
        return "{\"data\":" + json + "}";
    }

    @Test
    void trackingGoesBackAsOneFulfillmentPerLocationWithShopifysCarrierNameAndATrackingUrl() {
        // Order.fulfillmentOrders and supportedActions: https://shopify.dev/docs/api/admin-graphql/2026-07/objects/FulfillmentOrder
        shopify.stubFor(graphql("query OrderFulfillments").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"fulfillments\":[],\"fulfillmentOrders\":{\"nodes\":["
                + "{\"id\":\"gid://shopify/FulfillmentOrder/1\",\"status\":\"OPEN\",\"assignedLocation\":{\"location\":{\"id\":\"gid://shopify/Location/A\"}},\"supportedActions\":[{\"action\":\"CREATE_FULFILLMENT\"}]},"
                + "{\"id\":\"gid://shopify/FulfillmentOrder/2\",\"status\":\"OPEN\",\"assignedLocation\":{\"location\":{\"id\":\"gid://shopify/Location/B\"}},\"supportedActions\":[{\"action\":\"CREATE_FULFILLMENT\"}]},"
                + "{\"id\":\"gid://shopify/FulfillmentOrder/3\",\"status\":\"CLOSED\",\"assignedLocation\":{\"location\":{\"id\":\"gid://shopify/Location/A\"}},\"supportedActions\":[]}]}}}"))));
        // fulfillmentCreate: https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/fulfillmentCreate
        shopify.stubFor(graphql("mutation FulfillmentCreate").willReturn(okJson(data(
                "{\"fulfillmentCreate\":{\"fulfillment\":{\"id\":\"gid://shopify/Fulfillment/9\",\"status\":\"SUCCESS\"},\"userErrors\":[]}}"))));

        storefront.syncTracking("450789469", "DHL", "00340434161094042557", "DF-7-tracking-1");

        shopify.verify(2, postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation FulfillmentCreate"))));
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_from_credentials"))
                .withRequestBody(matchingJsonPath("$.variables.fulfillment.lineItemsByFulfillmentOrder[0].fulfillmentOrderId",
                        equalTo("gid://shopify/FulfillmentOrder/2")))
                .withRequestBody(matchingJsonPath("$.variables.fulfillment.trackingInfo.company", equalTo("DHL Express")))
                .withRequestBody(matchingJsonPath("$.variables.fulfillment.trackingInfo.url",
                        equalTo("https://www.dhl.com/track?n=00340434161094042557")))
                .withRequestBody(matchingJsonPath("$.variables.fulfillment.notifyCustomer", equalTo("true"))));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.fulfillment.lineItemsByFulfillmentOrder[0].fulfillmentOrderId",
                        equalTo("gid://shopify/FulfillmentOrder/3"))));
    }

    @Test
    void aParcelAlreadyOnAFulfillmentIsNotSentAgain() {
        // query OrderFulfillments (Order.fulfillments with trackingInfo, Order.fulfillmentOrders):
        // https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order
        shopify.stubFor(graphql("query OrderFulfillments").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"fulfillments\":[{\"id\":\"gid://shopify/Fulfillment/9\",\"createdAt\":\"2026-11-27T10:00:00Z\","
                + "\"trackingInfo\":[{\"company\":\"DHL Express\",\"number\":\"0034\",\"url\":null}]}],"
                + "\"fulfillmentOrders\":{\"nodes\":[]}}}"))));

        storefront.syncTracking("450789469", "DHL", "0034", "DF-7-tracking-1");

        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation"))));
    }

    @Test
    void aReshipAddsItsTrackingToTheBuyersFulfillment() {
        // query OrderFulfillments (Order.fulfillments, Order.fulfillmentOrders):
        // https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order
        shopify.stubFor(graphql("query OrderFulfillments").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"fulfillments\":[{\"id\":\"gid://shopify/Fulfillment/9\",\"createdAt\":\"2026-11-27T10:00:00Z\","
                + "\"trackingInfo\":[{\"company\":\"DHL Express\",\"number\":\"FIRST-1\",\"url\":\"https://x/1\"}]}],"
                + "\"fulfillmentOrders\":{\"nodes\":[{\"id\":\"gid://shopify/FulfillmentOrder/1\",\"status\":\"CLOSED\","
                + "\"assignedLocation\":{\"location\":{\"id\":\"L\"}},\"supportedActions\":[]}]}}}"))));
        // fulfillmentTrackingInfoUpdate: https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/fulfillmentTrackingInfoUpdate
        shopify.stubFor(graphql("mutation FulfillmentTrackingInfoUpdate").willReturn(okJson(data(
                "{\"fulfillmentTrackingInfoUpdate\":{\"fulfillment\":{\"id\":\"gid://shopify/Fulfillment/9\"},\"userErrors\":[]}}"))));

        storefront.syncTracking("450789469", "DHL", "RESHIP-2", "DF-7-tracking-2");

        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.fulfillmentId", equalTo("gid://shopify/Fulfillment/9")))
                .withRequestBody(matchingJsonPath("$.variables.trackingInfoInput.numbers[0]", equalTo("FIRST-1")))
                .withRequestBody(matchingJsonPath("$.variables.trackingInfoInput.numbers[1]", equalTo("RESHIP-2"))));
    }

    @Test
    void aRelabelledParcelsNewNumberTakesTheOldOnesPlaceOnTheFulfillment() {
        // query OrderFulfillments (Order.fulfillments with two tracking numbers):
        // https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order
        shopify.stubFor(graphql("query OrderFulfillments").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"fulfillments\":[{\"id\":\"gid://shopify/Fulfillment/9\",\"createdAt\":\"2026-11-27T10:00:00Z\","
                + "\"trackingInfo\":[{\"company\":\"DHL Express\",\"number\":\"OTHER-1\",\"url\":\"https://x/1\"},"
                + "{\"company\":\"DHL Express\",\"number\":\"OLD-2\",\"url\":\"https://x/2\"}]}],"
                + "\"fulfillmentOrders\":{\"nodes\":[]}}}"))));
        // fulfillmentTrackingInfoUpdate:
        // https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/fulfillmentTrackingInfoUpdate
        shopify.stubFor(graphql("mutation FulfillmentTrackingInfoUpdate").willReturn(okJson(data(
                "{\"fulfillmentTrackingInfoUpdate\":{\"fulfillment\":{\"id\":\"gid://shopify/Fulfillment/9\"},\"userErrors\":[]}}"))));

        storefront.changeTracking("450789469", "DHL", "OLD-2", "DHL", "NEW-3", "DF-7-tracking-4");

        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.fulfillmentId", equalTo("gid://shopify/Fulfillment/9")))
                .withRequestBody(matchingJsonPath("$.variables.notifyCustomer", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.variables.trackingInfoInput.numbers[0]", equalTo("OTHER-1")))
                .withRequestBody(matchingJsonPath("$.variables.trackingInfoInput.numbers[1]", equalTo("NEW-3")))
                .withRequestBody(matchingJsonPath("$.variables.trackingInfoInput.urls[0]", equalTo("https://x/1"))));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(containing("OLD-2")));

        // Retried (the step's answer was lost): the fulfillment shows the new number, nothing is sent again
        // query OrderFulfillments: https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order
        shopify.stubFor(graphql("query OrderFulfillments").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"fulfillments\":[{\"id\":\"gid://shopify/Fulfillment/9\",\"createdAt\":\"2026-11-27T10:00:00Z\","
                + "\"trackingInfo\":[{\"company\":\"DHL Express\",\"number\":\"OTHER-1\",\"url\":\"https://x/1\"},"
                + "{\"company\":\"DHL Express\",\"number\":\"NEW-3\",\"url\":null}]}],"
                + "\"fulfillmentOrders\":{\"nodes\":[]}}}"))));
        storefront.changeTracking("450789469", "DHL", "OLD-2", "DHL", "NEW-3", "DF-7-tracking-4");
        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation"))));
    }

    @Test
    void anOrderWithNoOpenFulfillmentOrderAndNoFulfillmentIsNotSilentlyMarkedSynced() {
        // query OrderFulfillments (a fulfillment order ON_HOLD, no fulfillment):
        // https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order
        shopify.stubFor(graphql("query OrderFulfillments").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"fulfillments\":[],\"fulfillmentOrders\":{\"nodes\":[{\"id\":\"F1\",\"status\":\"ON_HOLD\","
                + "\"assignedLocation\":{\"location\":{\"id\":\"L\"}},\"supportedActions\":[]}]}}}"))));

        assertThatThrownBy(() -> storefront.syncTracking("450789469", "DHL", "0034", "k"))
                .hasMessageContaining("neither an open fulfillment order nor a fulfillment");
    }

    @Test
    void aRefundIsCalculatedThenCreatedWithAnIdempotencyKeyAcrossTheOrdersTransactions() {
        // Order.suggestedRefund: https://shopify.dev/docs/api/admin-graphql/2026-07/objects/SuggestedRefund
        shopify.stubFor(graphql("query SuggestedRefund").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"suggestedRefund\":{\"amountSet\":{\"shopMoney\":{\"amount\":\"15.00\",\"currencyCode\":\"EUR\"},\"presentmentMoney\":{\"amount\":\"15.00\",\"currencyCode\":\"EUR\"}},"
                + "\"suggestedTransactions\":["
                + "{\"gateway\":\"gift_card\",\"kind\":\"SUGGESTED_REFUND\",\"parentTransaction\":{\"id\":\"gid://shopify/OrderTransaction/1\"},\"maximumRefundableSet\":{\"shopMoney\":{\"amount\":\"3.00\",\"currencyCode\":\"EUR\"},\"presentmentMoney\":{\"amount\":\"3.00\",\"currencyCode\":\"EUR\"}}},"
                + "{\"gateway\":\"shopify_payments\",\"kind\":\"SUGGESTED_REFUND\",\"parentTransaction\":{\"id\":\"gid://shopify/OrderTransaction/2\"},\"maximumRefundableSet\":{\"shopMoney\":{\"amount\":\"12.00\",\"currencyCode\":\"EUR\"},\"presentmentMoney\":{\"amount\":\"12.00\",\"currencyCode\":\"EUR\"}}}]}}}"))));
        // refundCreate with @idempotent(key:): https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/refundCreate
        shopify.stubFor(graphql("mutation RefundCreate").willReturn(okJson(data(
                "{\"refundCreate\":{\"refund\":{\"id\":\"gid://shopify/Refund/5\"},\"userErrors\":[]}}"))));

        storefront.refund("450789469", new BigDecimal("5.00"), "EUR", "defect claim DF-CL3", "DF-CL3-refund");

        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("@idempotent(key: $idempotencyKey)")))
                .withRequestBody(matchingJsonPath("$.variables.idempotencyKey", equalTo("DF-CL3-refund")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].parentId",
                        equalTo("gid://shopify/OrderTransaction/1")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].amount", equalTo("3.00")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[1].parentId",
                        equalTo("gid://shopify/OrderTransaction/2")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[1].amount", equalTo("2.00")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[1].kind", equalTo("REFUND"))));
    }

    @Test
    void aWholeOrderIsRefundedWithItsTaxesAndShippingNotOnlyTheSaleNetOfTax() {
        // Order.suggestedRefund(suggestFullRefund: true, refundShipping: true): every line, shipping and their taxes
        // https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order#field-Order.fields.suggestedRefund
        shopify.stubFor(graphql("query SuggestedRefund").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"suggestedRefund\":{\"amountSet\":{\"shopMoney\":{\"amount\":\"23.80\",\"currencyCode\":\"EUR\"},\"presentmentMoney\":{\"amount\":\"23.80\",\"currencyCode\":\"EUR\"}},"
                + "\"suggestedTransactions\":["
                + "{\"gateway\":\"shopify_payments\",\"kind\":\"SUGGESTED_REFUND\",\"parentTransaction\":{\"id\":\"gid://shopify/OrderTransaction/2\"},\"maximumRefundableSet\":{\"shopMoney\":{\"amount\":\"23.80\",\"currencyCode\":\"EUR\"},\"presentmentMoney\":{\"amount\":\"23.80\",\"currencyCode\":\"EUR\"}}}]}}}"))));
        // refundCreate: https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/refundCreate
        shopify.stubFor(graphql("mutation RefundCreate").willReturn(okJson(data(
                "{\"refundCreate\":{\"refund\":{\"id\":\"gid://shopify/Refund/6\"},\"userErrors\":[]}}"))));

        // The sale Dropflow booked is 20.00 net of 19 % VAT; the consumer paid 23.80 and gets 23.80 back.
        storefront.refundOrder("450789469", new BigDecimal("20.00"), "EUR", "cancelled by consumer", "DF-7-refund");

        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.idempotencyKey", equalTo("DF-7-refund")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].amount", equalTo("23.80"))));
    }

    @Test
    void anOrderRefundedInShopifyAlreadyIsNotRefundedAgain() {
        // Order.suggestedRefund with nothing left to refund:
        // https://shopify.dev/docs/api/admin-graphql/2026-07/objects/SuggestedRefund
        shopify.stubFor(graphql("query SuggestedRefund").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"suggestedRefund\":{\"suggestedTransactions\":[{\"gateway\":\"manual\",\"parentTransaction\":{\"id\":\"T\"},"
                + "\"maximumRefundableSet\":{\"shopMoney\":{\"amount\":\"0.00\",\"currencyCode\":\"EUR\"},\"presentmentMoney\":{\"amount\":\"0.00\",\"currencyCode\":\"EUR\"}}}]}}}"))));

        storefront.refund("450789469", new BigDecimal("15.00"), "EUR", "cancelled by consumer", "DF-7-refund");

        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation RefundCreate"))));
    }

    /**
     * An order paid in the buyer's currency (Shopify Markets: a USD shop, a buyer paying JPY), which Dropflow keeps in
     * JPY. Shopify refunds it only in that currency: RefundInput.currency "must be the presentment currency … required
     * for orders where the currency and presentment currency differ"
     * (https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/RefundInput), the transactions' amounts "in the
     * presentment currency of the order"
     * (https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/ReturnRefundOrderTransactionInput). The refund
     * goes in JPY with the JPY amounts, in whole yen, never the shop's USD amounts.
     */
    @Test
    void aRefundOfAnOrderPaidInTheBuyersCurrencyIsMadeInThatCurrencyWithItsAmounts() {
        // SuggestedRefund's MoneyBags in shop and presentment currencies; a Decimal is "serialized as a string"
        // (https://shopify.dev/docs/api/admin-graphql/2026-07/objects/MoneyBag, .../scalars/Decimal)
        shopify.stubFor(graphql("query SuggestedRefund").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"suggestedRefund\":{\"amountSet\":{\"shopMoney\":{\"amount\":\"20.0\",\"currencyCode\":\"USD\"},"
                + "\"presentmentMoney\":{\"amount\":\"3000.0\",\"currencyCode\":\"JPY\"}},"
                + "\"suggestedTransactions\":["
                + "{\"gateway\":\"shopify_payments\",\"kind\":\"SUGGESTED_REFUND\",\"parentTransaction\":{\"id\":\"gid://shopify/OrderTransaction/7\"},"
                + "\"maximumRefundableSet\":{\"shopMoney\":{\"amount\":\"20.0\",\"currencyCode\":\"USD\"},"
                + "\"presentmentMoney\":{\"amount\":\"3000.0\",\"currencyCode\":\"JPY\"}}}]}}}"))));
        // refundCreate: https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/refundCreate
        shopify.stubFor(graphql("mutation RefundCreate").willReturn(okJson(data(
                "{\"refundCreate\":{\"refund\":{\"id\":\"gid://shopify/Refund/8\"},\"userErrors\":[]}}"))));

        storefront.refund("450789469", new BigDecimal("1200"), "JPY", "defect claim DF-CL9", "DF-CL9-refund");
        storefront.refundOrder("450789469", new BigDecimal("2700"), "JPY", "cancelled by consumer", "DF-9-refund");

        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.idempotencyKey", equalTo("DF-CL9-refund")))
                .withRequestBody(matchingJsonPath("$.variables.input.currency", equalTo("JPY")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].parentId",
                        equalTo("gid://shopify/OrderTransaction/7")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].amount", equalTo("1200"))));
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.idempotencyKey", equalTo("DF-9-refund")))
                .withRequestBody(matchingJsonPath("$.variables.input.currency", equalTo("JPY")))
                .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].amount", equalTo("3000"))));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.input.currency", notContaining("JPY"))));

        // asked in the shop's currency, the refund is not sent (Shopify would refuse it, or refund the wrong amount)
        assertThatThrownBy(() -> storefront.refund("450789469", new BigDecimal("8.00"), "USD", "r", "DF-CL9-usd"))
                .hasMessageContaining("refunded in the buyer's currency JPY only, not in USD");
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.idempotencyKey", equalTo("DF-CL9-usd"))));
    }

    @Test
    void aMessageToTheConsumerGoesByEmailOnceAndADelayOfAShippedParcelAsAFulfillmentEvent() {
        // Order.metafield marks a message sent: https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/metafieldsSet
        shopify.stubFor(graphql("query OrderMessageSent").inScenario("sent").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\",\"email\":\"erika@example.com\","
                        + "\"metafield\":null,\"fulfillments\":[]}}"))));
        // orderInvoiceSend: https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/orderInvoiceSend
        shopify.stubFor(graphql("mutation OrderInvoiceSend").willReturn(okJson(data(
                "{\"orderInvoiceSend\":{\"order\":{\"id\":\"" + ORDER + "\"},\"userErrors\":[]}}"))));
        // metafieldsSet marks the message sent:
        // https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/metafieldsSet
        shopify.stubFor(graphql("mutation MessageMarked").inScenario("sent").willReturn(okJson(data(
                "{\"metafieldsSet\":{\"metafields\":[{\"id\":\"gid://shopify/Metafield/1\"}],\"userErrors\":[]}}")))
                .willSetStateTo("marked"));
        // Order.metafield, now set:
        // https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order#field-Order.fields.metafield
        shopify.stubFor(graphql("query OrderMessageSent").inScenario("sent").whenScenarioStateIs("marked")
                .willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\",\"metafield\":{\"id\":\"M\"},\"fulfillments\":[]}}"))));

        storefront.messageConsumer("450789469", "Your claim DF-CL3 is settled.", "DF-CL3-outcome");
        storefront.messageConsumer("450789469", "Your claim DF-CL3 is settled.", "DF-CL3-outcome");

        shopify.verify(1, postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(matchingJsonPath("$.query",
                containing("mutation OrderInvoiceSend"))).withRequestBody(matchingJsonPath("$.variables.email.customMessage",
                equalTo("Your claim DF-CL3 is settled."))));

        // fulfillmentEventCreate DELAYED: https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/fulfillmentEventCreate
        shopify.stubFor(graphql("query OrderMessageSent").willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\","
                + "\"metafield\":null,\"fulfillments\":[{\"id\":\"gid://shopify/Fulfillment/9\",\"status\":\"SUCCESS\"}]}}"))));
        // fulfillmentEventCreate DELAYED:
        // https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/fulfillmentEventCreate
        shopify.stubFor(graphql("mutation FulfillmentEventCreate").willReturn(okJson(data(
                "{\"fulfillmentEventCreate\":{\"fulfillmentEvent\":{\"id\":\"E\"},\"userErrors\":[]}}"))));
        storefront.notifyDelay("450789469", "Your parcel is late.", "DF-7-delay");
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.fulfillmentEvent.status", equalTo("DELAYED")))
                .withRequestBody(matchingJsonPath("$.variables.fulfillmentEvent.fulfillmentId",
                        equalTo("gid://shopify/Fulfillment/9"))));
    }

    @Test
    void theAccessTokenComesFromTheClientCredentialsGrantAndIsRenewedWhenShopifyRefusesIt() {
        // 401 for a token Shopify no longer takes (https://shopify.dev/docs/api/usage/response-codes); a new one by
        // the client credentials grant:
        // https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant
        shopify.stubFor(graphql("query OrderNote").inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(unauthorized()).willSetStateTo("renewed"));
        // Order.note, where the dispute's key is kept:
        // https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order#field-Order.fields.note
        shopify.stubFor(graphql("query OrderNote").inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(okJson(data("{\"order\":{\"id\":\"" + ORDER + "\",\"note\":\"[DF-CL3-dispute]\"}}"))));

        storefront.openDispute("450789469", "DF-CL3", "broken mug", "DF-CL3-dispute");

        shopify.verify(2, postRequestedFor(urlEqualTo("/admin/oauth/access_token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=client-id")));
        assertThat(tokens.logins).isEqualTo(2);
    }

    @Test
    void startUpRefusesAVersionShopifyHasNotReleasedAndWarnsOfOneWhoseSupportEndsOrEnded(CapturedOutput output) {
        // Quarterly versions released at 17:00 UTC, each stable one supported for at least 12 months, the next
        // quarter's the release candidate; past its 12 months Shopify falls forward to the oldest version it
        // supports: https://shopify.dev/docs/api/usage/versioning
        Clock today = Clock.fixed(Instant.parse("2026-12-07T01:30:00Z"), java.time.ZoneOffset.UTC);
        assertThat(storefront("2027-04", Map.of(), Map.of(), today).unbound()).singleElement().asString()
                .contains("not 2027-04")
                .contains("2026-01, 2026-04, 2026-07, 2026-10 and the release candidate 2027-01")
                .contains("https://shopify.dev/docs/api/usage/versioning");
        assertThat(storefront("unstable", Map.of(), Map.of(), today).unbound()).singleElement().asString()
                .contains("not unstable");
        assertThat(storefront("2027-01", Map.of(), Map.of(), today).unbound()).isEmpty();
        assertThat(storefront("2026-07", Map.of(), Map.of(), today).unbound()).isEmpty();
        assertThat(output.getOut()).doesNotContain("API version 2026-07").doesNotContain("API version 2027-01");
        // a node on a version past its 12 months starts (the review: every restart on the default version failed
        // from 2027-07-01 17:00 UTC), and is told
        assertThat(storefront("2025-10", Map.of(), Map.of(), today).unbound()).isEmpty();
        assertThat(output.getOut()).contains("Shopify no longer supports API version 2025-10 on 2026-10-01")
                .contains("2026-01, 2026-04, 2026-07, 2026-10 and the release candidate 2027-01");
        // 90 days before its support ends
        Clock april = Clock.fixed(Instant.parse("2027-04-10T00:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(storefront("2026-07", Map.of(), Map.of(), april).unbound()).isEmpty();
        assertThat(output.getOut()).contains("Shopify stops supporting API version 2026-07 on 2027-07-01");
        // the day before its release, the release candidate after next is not a version yet
        Clock before = Clock.fixed(Instant.parse("2026-10-01T16:59:00Z"), java.time.ZoneOffset.UTC);
        assertThat(storefront("2027-01", Map.of(), Map.of(), before).unbound()).singleElement().asString()
                .contains("2025-10, 2026-01, 2026-04, 2026-07 and the release candidate 2026-10");
    }

    @Test
    void anAnswerInAnotherApiVersionThanConfiguredIsWarnedOnceAsShopifyFallingForward(CapturedOutput output) {
        // Shopify falls forward from a version it no longer serves and names the one used in X-Shopify-API-Version:
        // https://shopify.dev/docs/api/usage/versioning
        shopify.stubFor(graphql("query OrderNote").willReturn(okJson(data(
                "{\"order\":{\"id\":\"" + ORDER + "\",\"note\":\"[DF-CL3-dispute]\"}}"))
                .withHeader("X-Shopify-API-Version", "2026-07")));
        storefront.openDispute("450789469", "DF-CL3", "broken mug", "DF-CL3-dispute");
        assertThat(output.getOut()).doesNotContain("Shopify used API version");

        // the same answer in the configured version (X-Shopify-API-Version):
        // https://shopify.dev/docs/api/usage/versioning
        shopify.stubFor(graphql("query OrderNote").willReturn(okJson(data(
                "{\"order\":{\"id\":\"" + ORDER + "\",\"note\":\"[DF-CL3-dispute]\"}}"))
                .withHeader("X-Shopify-API-Version", "2026-10")));
        storefront.openDispute("450789469", "DF-CL3", "broken mug", "DF-CL3-dispute");
        storefront.openDispute("450789469", "DF-CL3", "broken mug", "DF-CL3-dispute");

        assertThat(output.getOut()).containsOnlyOnce("Shopify used API version 2026-10 for the Admin API, not the configured 2026-07")
                .contains("dropflow.storefronts.shopify.api-version");
    }

    @Test
    void aWebhookInAnotherApiVersionThanConfiguredIsFlagged(CapturedOutput output) {
        // webhooks "include the X-Shopify-Api-Version header to confirm which version was used":
        // https://shopify.dev/docs/api/usage/versioning
        ShopifyWebhooks webhooks = new ShopifyWebhooks(new ShopifySettings("demo.myshopify.com", "client-id",
                "client-secret", null, "2026-07", null, null, null, null, null, null, null));
        assertThat(webhooks.versionMismatch("orders/paid", "2026-07")).isFalse();
        assertThat(webhooks.versionMismatch("orders/paid", null)).isFalse();
        assertThat(webhooks.versionMismatch("orders/paid", "2026-10")).isTrue();
        assertThat(output.getOut()).contains("Shopify used API version 2026-10 for webhook orders/paid, not the configured 2026-07");
    }

    @Test
    void rateLimitsThrottlingServerErrorsTimeoutsAndRefusalsFailTheCallClearly() {
        // Shopify API limits: 429 with Retry-After, and the GraphQL THROTTLED error (https://shopify.dev/docs/api/usage/limits)
        shopify.stubFor(graphql("query SuggestedRefund").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        assertThatThrownBy(() -> storefront.refund("1", BigDecimal.ONE, "EUR", "r", "k")).hasMessageContaining("slow down")
                .hasMessageContaining("retried");

        storefront = storefront(Map.of(), Map.of());
        // a network fault (no answer within the read timeout), not a Shopify answer; it exercises the timeouts of
        // docs/partners/README.md
        shopify.stubFor(graphql("query SuggestedRefund").willReturn(okJson("{}").withFixedDelay(4500)));
        assertThatThrownBy(() -> storefront.refund("1", BigDecimal.ONE, "EUR", "r", "k")).hasMessageContaining("in time");

        // 403 for a missing access scope: https://shopify.dev/docs/api/usage/response-codes
        shopify.stubFor(graphql("query SuggestedRefund").willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":\"[API] This action requires merchant approval for write_orders scope.\"}")));
        assertThatThrownBy(() -> storefront.refund("1", BigDecimal.ONE, "EUR", "r", "k")).hasMessageContaining("403")
                .hasMessageContaining("scopes").hasMessageNotContaining("shpat_from_credentials");

        // a GraphQL error in the errors[] of an HTTP 200 answer: https://shopify.dev/docs/api/usage/response-codes
        shopify.stubFor(graphql("query SuggestedRefund").willReturn(okJson("{\"errors\":[{\"message\":\"Field 'x' doesn't exist\","
                + "\"extensions\":{\"code\":\"undefinedField\"}}]}")));
        assertThatThrownBy(() -> storefront.refund("1", BigDecimal.ONE, "EUR", "r", "k")).hasMessageContaining("undefinedField");
    }

    @Test
    void callsArePacedByTheShopsCostBucketAsEveryAnswerReportsIt() {
        // extensions.cost on every answer, THROTTLED when the bucket lacks the requested cost:
        // https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits
        shopify.stubFor(graphql("query OrderFulfillments").inScenario("bucket").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}],"
                        + "\"extensions\":{\"cost\":{\"requestedQueryCost\":12,\"actualQueryCost\":null,"
                        + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":8.0,\"restoreRate\":20.0}}}}"))
                .willSetStateTo("room again"));
        // the same query once the bucket has room: https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits
        shopify.stubFor(graphql("query OrderFulfillments").inScenario("bucket").whenScenarioStateIs("room again")
                .willReturn(okJson("{\"data\":{\"order\":{\"id\":\"" + ORDER + "\",\"fulfillments\":[],\"fulfillmentOrders\":"
                        + "{\"nodes\":[{\"id\":\"gid://shopify/FulfillmentOrder/1\",\"status\":\"OPEN\",\"assignedLocation\":"
                        + "{\"location\":{\"id\":\"gid://shopify/Location/A\"}},\"supportedActions\":[{\"action\":\"CREATE_FULFILLMENT\"}]}]}}},"
                        + "\"extensions\":{\"cost\":{\"requestedQueryCost\":12,\"actualQueryCost\":6,"
                        + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":0.0,\"restoreRate\":0.5}}}}")));
        // fulfillmentCreate: https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/fulfillmentCreate
        shopify.stubFor(graphql("mutation FulfillmentCreate").willReturn(okJson(data(
                "{\"fulfillmentCreate\":{\"fulfillment\":{\"id\":\"gid://shopify/Fulfillment/9\",\"status\":\"SUCCESS\"},\"userErrors\":[]}}"))));

        // Throttled once: sent again when the 4 missing points are back (200 ms at 20 points/s: the retry
        // waits for them, and the call's pacing would too), and answered; then the bucket is empty and restores 0.5 points/s: the mutation (not seen yet, so 50
        // points) is 100 s away, so it is not sent and the job will try again later.
        assertThatThrownBy(() -> storefront.syncTracking("450789469", "DHL", "0034", "DF-7-tracking-1"))
                .hasMessageContaining("FulfillmentCreate finds no room").hasMessageContaining("retried");
        List<LoggedRequest> lookUps = shopify.findAll(postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(containing("query OrderFulfillments")));
        assertThat(lookUps).hasSize(2);
        // Between the two look-ups' arrivals: the wait and one answer's and request's way, no client start-up
        // (audit s14 #8: the whole call within 900 ms was a bound a loaded machine could miss).
        Duration apart = Duration.ofMillis(lookUps.get(1).getLoggedDate().getTime() - lookUps.get(0).getLoggedDate().getTime());
        assertThat(apart).as("waited for the missing points, not a fixed second")
                .isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(1));
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL)).withRequestBody(containing("mutation FulfillmentCreate")));
    }

    /**
     * A shop that refuses the connection, at the token request and at a GraphQL call: the refund's incident read
     * "I/O error on POST request for "…/admin/oauth/access_token": null" (exploratory test s14 production, 7). Both
     * name what happened and the host, and are retried.
     */
    @Test
    void aRefusedConnectionIsToldWithTheShopsHostNotNull() {
        int closed = io.dropflow.support.ClosedPort.any();
        String host = "127.0.0.1:" + closed;
        ShopifyStorefront loggingIn = new ShopifyStorefront(new ShopifySettings("demo.myshopify.com", "client-id",
                "client-secret", null, null, "http://" + host, Duration.ofSeconds(5), Duration.ofSeconds(3), Map.of(),
                Map.of(), null, null), ResilientPartnerCalls.local(new PartnerSettings(null, null, null),
                        new SimpleMeterRegistry(), Clock.systemUTC()), new Tokens(), Clock.systemUTC());
        assertThatThrownBy(() -> loggingIn.refund("450789469", new BigDecimal("5.00"), "EUR", "late", "DF-7-refund-1"))
                .hasMessage("Shopify did not answer the access token request: connection refused by " + host
                        + " (retried while the step has tries left)");

        ShopifyStorefront withToken = new ShopifyStorefront(new ShopifySettings("demo.myshopify.com", null, null,
                "shpat_configured", null, "http://" + host, Duration.ofSeconds(5), Duration.ofSeconds(3), Map.of(),
                Map.of(), null, null), ResilientPartnerCalls.local(new PartnerSettings(null, null, null),
                        new SimpleMeterRegistry(), Clock.systemUTC()), new Tokens(), Clock.systemUTC());
        assertThatThrownBy(() -> withToken.refund("450789469", new BigDecimal("5.00"), "EUR", "late", "DF-7-refund-1"))
                .hasMessageStartingWith("Shopify did not answer ")
                .hasMessageEndingWith(": connection refused by " + host + " (retried while the step has tries left)")
                .hasMessageNotContaining("null");
    }

    /** One node's token store, without the database. */
    static final class Tokens implements PartnerTokens {

        private String token;
        private Instant expires;
        int logins;

        @Override
        public synchronized String accessToken(String partner, String account, Duration renewBefore, Source source) {
            if (token == null || expires.isBefore(Instant.now().plus(renewBefore))) {
                logins++;
                Token t = source.login();
                token = t.accessToken();
                expires = t.accessExpiresAt();
            }
            return token;
        }

        @Override
        public synchronized void expire(String partner, String account, String refusedToken) {
            expires = Instant.EPOCH;
        }
    }
}
