package io.dropflow.supplier.cj;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.partners.PartnerCall;
import io.dropflow.partners.PartnerCalls;
import io.dropflow.supplier.SupplierGateway;
import io.dropflow.supplier.SupplierRefusedException;
import io.dropflow.supplier.SupplierUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CJ Dropshipping client against a real HTTP server, in CJ's documented request and answer shapes. */
class CjDropshippingTest {

    static final String VID = "92511400-C758-4474-93CA-66D442F5F787";
    private static final String DETAIL = "/api2.0/v1/shopping/order/getOrderDetail";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private CjDropshipping cj;
    private final CjFixtures.RaisedToOperators operators = new CjFixtures.RaisedToOperators();

    static final SupplierGateway.PlacePurchaseOrder ORDER = new SupplierGateway.PlacePurchaseOrder("CJ",
            "DF-7-PO1", "DF-7-PO1", List.of(new SupplierGateway.Line(VID, 2)),
            new SupplierGateway.Address("Erika Mustermann", "Heidestrasse 17", null, "51147", "Köln", null, "DE", "+49 221"),
            new SupplierGateway.Sender("Dropflow Demo Store", "1 Seller Street, Berlin"));

    /**
     * CJ's answer envelope (code, result, message, data, requestId), as every page of its API 2.0 shows it, e.g.
     * https://developers.cjdropshipping.com/en/api/api2/api/shopping.html; codes from
     * https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html.
     */
    static String envelope(int code, boolean result, String message, String data) {
        return "{\"code\":" + code + ",\"result\":" + result + ",\"message\":\"" + message + "\",\"data\":" + data
                + ",\"requestId\":\"9eddf3f5-bd3d-4fae-a4f2-028cbb90db97\"}";
    }

    /** getOrderDetail's answer for an order CJ does not know: code 1603100 (CJ's error code table). */
    /** 1603100 "Order not found" (https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html). */
    static String notFound() {
        return envelope(1603100, false, "Order not found, Please check the CJ order id", "null");
    }

    @BeforeEach
    void start() {
        server.start();
        cj = CjFixtures.client(server.baseUrl() + "/api2.0/v1", null, "cj-token", operators);
        // Shopping page, getOrderDetail: an order CJ does not know is 1603100
        // (https://developers.cjdropshipping.com/en/api/api2/api/shopping.html,
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html)
        server.stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(notFound())));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /**
     * CJ's Access Frequency Restrictions: 1 request a second for Free accounts and sales levels 0-1,
     * per account, wherever the calls come from. An account that sets no limit of its own gets that.
     */
    @Test
    void anAccountWithoutALimitOfItsOwnCallsCjOnceASecondAcrossTheCluster() {
        CjSettings.Account account = new CjSettings.Account(server.baseUrl() + "/api2.0/v1", null, "cj-token", "12312",
                "CJPacket Ordinary", null, null, null, null, null, null, null, null);
        List<PartnerCall> calls = new ArrayList<>();
        CjDropshipping limited = CjFixtures.client(account, new PartnerCalls() {
            @Override
            public <T> T call(PartnerCall call, Function<PartnerCalls.Outcome, T> body) {
                calls.add(call);
                throw new SupplierUnavailableException("not called: the test looks at the limit only");
            }
        }, new CjFixtures.MemoryTokens(), operators);

        assertThatThrownBy(() -> limited.createOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class);

        assertThat(calls).isNotEmpty().allSatisfy(call ->
                assertThat(call.limit()).isEqualTo(new PartnerCall.Limit(1.0, true)));
    }

    /**
     * CJ's Access Frequency Restrictions (https://developers.cjdropshipping.cn/en/api/api2/standard/limit.html):
     * "No more than 10 requests/second per IP address", on top of each account's level. Two accounts of 50/s
     * each calling from one address still make at most 10 calls a second together.
     */
    @Test
    void accountsTogetherCallCjAtMostTenTimesASecondFromOneAddress() {
        CjSettings.Account fast = CjFixtures.account(server.baseUrl() + "/api2.0/v1", null, "cj-token");
        CjDropshipping twoAccounts = new CjDropshipping(new CjSettings(Map.of("CJ", fast, "CJ2", fast)),
                io.dropflow.partners.internal.ResilientPartnerCalls.local(
                        new io.dropflow.partners.internal.PartnerSettings(null, null, null),
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Clock.systemUTC()),
                new CjFixtures.MemoryTokens(), new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(io.dropflow.partners.PartnerDeliveries.class));

        long started = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            assertThat(twoAccounts.order(i % 2 == 0 ? "CJ" : "CJ2", "DF-7-PO" + i)).isEmpty();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        List<Long> sent = server.getAllServeEvents().stream().map(e -> e.getRequest().getLoggedDate().getTime()).sorted()
                .toList();
        assertThat(sent).hasSize(21);
        // paced 100 ms apart, 11 calls span a second; seen at the server, a call may come up to a few dozen ms
        // early or late on a loaded machine (926 ms in a CI rehearsal). Unpaced, two 50/s accounts send 11 in 100 ms
        for (int i = 0; i + 10 < sent.size(); i++) {
            assertThat(sent.get(i + 10) - sent.get(i)).as("11 calls from %d", i).isGreaterThanOrEqualTo(800);
        }
    }

    @Test
    void anOrderIsCreatedWithCreateOrderV2AfterLookingForAnEarlierOne() {
        // Shopping page, createOrderV2's answer: https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        server.stubFor(post("/api2.0/v1/shopping/order/createOrderV2").willReturn(okJson(envelope(200, true, "Success",
                "{\"orderId\":\"210711100018655344\",\"orderNumber\":\"DF-7-PO1\",\"orderStatus\":\"UNSHIPPED\"}"))));

        assertThat(cj.createOrder(ORDER)).isEqualTo("210711100018655344");

        server.verify(getRequestedFor(urlPathEqualTo(DETAIL)).withQueryParam("orderId", equalTo("DF-7-PO1"))
                .withHeader("CJ-Access-Token", equalTo("cj-token")));
        server.verify(postRequestedFor(urlEqualTo("/api2.0/v1/shopping/order/createOrderV2"))
                .withHeader("CJ-Access-Token", equalTo("cj-token"))
                .withRequestBody(matchingJsonPath("$.orderNumber", equalTo("DF-7-PO1")))
                .withRequestBody(matchingJsonPath("$.shippingCountryCode", equalTo("DE")))
                .withRequestBody(matchingJsonPath("$.shippingCountry", equalTo("Germany")))
                .withRequestBody(matchingJsonPath("$.shippingProvince", equalTo("Köln")))
                .withRequestBody(matchingJsonPath("$.shippingCity", equalTo("Köln")))
                .withRequestBody(matchingJsonPath("$.shippingAddress", equalTo("Heidestrasse 17")))
                .withRequestBody(matchingJsonPath("$.shippingZip", equalTo("51147")))
                .withRequestBody(matchingJsonPath("$.shippingCustomerName", equalTo("Erika Mustermann")))
                .withRequestBody(matchingJsonPath("$.logisticName", equalTo("CJPacket Ordinary")))
                // CJ's Orders Synchronization Processing, "utilizing CJ Logistics": shopLogisticsType 2, no storageId
                .withRequestBody(matchingJsonPath("$.shopLogisticsType", equalTo("2")))
                .withRequestBody(notMatching(".*\"storageId\".*"))
                .withRequestBody(matchingJsonPath("$.fromCountryCode", equalTo("CN")))
                .withRequestBody(matchingJsonPath("$.payType", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.products[0].vid", equalTo(VID)))
                .withRequestBody(matchingJsonPath("$.products[0].quantity", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.remark", containing("Dropflow Demo Store"))));
    }

    @Test
    void anOrderCjAlreadyHasIsNotCreatedAgain() {
        // Shopping page, getOrderDetail's answer: https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        server.stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(envelope(200, true, "Success",
                "{\"orderId\":\"210711100018655344\",\"orderNum\":\"DF-7-PO1\",\"orderStatus\":\"UNSHIPPED\"}"))));

        assertThat(cj.createOrder(ORDER)).isEqualTo("210711100018655344");

        server.verify(0, postRequestedFor(urlPathMatching(".*createOrderV2")));
    }

    @Test
    void cjsRefusalIsFinalAndNamesCjsCodeAndMessage() {
        // Global Error Codes (https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html): 1602000
        // "Variant not found" is a real refusal (1603001, used here before, is "Order confirm fail": retried).
        server.stubFor(post("/api2.0/v1/shopping/order/createOrderV2").willReturn(okJson(envelope(1602000, false,
                "variant is off sale", "null"))));

        assertThatThrownBy(() -> cj.createOrder(ORDER)).isInstanceOf(SupplierRefusedException.class)
                .hasMessageContaining("variant is off sale")
                .satisfies(e -> assertThat(((SupplierRefusedException) e).reasonCode()).isEqualTo("CJ_1602000"));
    }

    @Test
    void anAccountCjCannotAuthorizeIsAConfigurationProblemNotARefusalOfTheOrder() {
        // Global Error Codes (https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html): 1600005
        // "APIkey is wrong, please check and try again" - troubleshooting: "check if your email and API key are
        // correct, or if your API store is authorized". Every order would meet it: it must not send each one on
        // to the next supplier as CJ's refusal, but stop with an incident that names the account's settings.
        server.stubFor(post("/api2.0/v1/shopping/order/createOrderV2").willReturn(okJson(envelope(1600005, false,
                "APIkey is wrong, please check and try again", "null"))));

        assertThatThrownBy(() -> cj.createOrder(ORDER)).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(SupplierRefusedException.class)
                .isNotInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("1600005")
                .hasMessageContaining("dropflow.suppliers.cj.CJ");
    }

    @Test
    void tooManyRequestsServerErrorsGarbageAndTimeoutsAreWorthRetrying() {
        // Stub follows CJ's Access Frequency Restrictions page (https://developers.cjdropshipping.com/en/api/api2/standard/limit.html):
        // a Retry-After longer than Dropflow waits inside a call pauses the account and the job retries.
        server.stubFor(post(urlPathMatching(".*createOrderV2")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30")));
        assertThatThrownBy(() -> cj.createOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("slow down");
        cj = CjFixtures.client(server.baseUrl() + "/api2.0/v1", null, "cj-token", operators);

        // not a CJ answer (CJ answers errors inside its HTTP 200 envelope,
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html) but a proxy's 502; it exercises
        // the retry rule of docs/partners/README.md
        server.stubFor(post(urlPathMatching(".*createOrderV2")).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        assertThatThrownBy(() -> cj.createOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("502");

        // not CJ's JSON envelope (https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html) but a
        // maintenance page in its place; it exercises the same retry rule, docs/partners/README.md
        server.stubFor(post(urlPathMatching(".*createOrderV2")).willReturn(ok("<html>maintenance</html>")));
        assertThatThrownBy(() -> cj.createOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("not its JSON envelope");

        // a network fault (no answer within the read timeout), not a CJ answer; it exercises the timeouts of
        // docs/partners/README.md
        server.stubFor(post(urlPathMatching(".*createOrderV2")).willReturn(okJson(envelope(200, true, "Success", "\"1\""))
                .withFixedDelay(1500)));
        assertThatThrownBy(() -> cj.createOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("in time");
    }

    /** CJ's server refusing the connection: "…: I/O error on POST request for "…": null" before (s14 production, 7). */
    @Test
    void aRefusedConnectionIsToldWithTheHostNotNull() {
        int closed = io.dropflow.support.ClosedPort.any();
        CjDropshipping unreachable = CjFixtures.client("http://127.0.0.1:" + closed + "/api2.0/v1", null, "cj-token",
                operators);
        assertThatThrownBy(() -> unreachable.createOrder(ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageEndingWith(": connection refused by 127.0.0.1:" + closed + " (retried while the step has tries left)")
                .hasMessageStartingWith("CJ did not answer ").hasMessageNotContaining("null");
    }

    @Test
    void aRefusedTokenIsAConfigurationProblemAndTheTokenIsNotInTheMessage() {
        // a bare HTTP 401, not CJ's envelope: CJ documents a refused token as 1600001 in HTTP 200
        // (https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html); the stub checks the token never
        // reaches the message
        server.stubFor(get(urlPathEqualTo(DETAIL)).willReturn(aResponse().withStatus(401).withBody("invalid token")));

        assertThatThrownBy(() -> cj.createOrder(ORDER)).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("dropflow.suppliers.cj.CJ")
                .hasMessageNotContaining("cj-token");
    }

    @Test
    void anOrderIsLookedUpAndAnUnpaidOneDeleted() {
        // Shopping page, getOrderDetail by orderId:
        // https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        server.stubFor(get(urlPathEqualTo(DETAIL)).withQueryParam("orderId", equalTo("210711100018655344"))
                .willReturn(okJson(envelope(200, true, "Success", "{\"orderId\":\"210711100018655344\",\"orderNum\":"
                        + "\"DF-7-PO1\",\"orderStatus\":\"SHIPPED\",\"logisticName\":\"CJPacket Ordinary\","
                        + "\"trackNumber\":\"CJPKL7160102171YQ\"}"))));
        // Shopping page, deleteOrder: https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        server.stubFor(delete(urlPathEqualTo("/api2.0/v1/shopping/order/deleteOrder"))
                .willReturn(okJson(envelope(200, true, "Success", "\"210711100018655344\""))));

        CjDropshipping.CjOrder order = cj.order("CJ", "210711100018655344").orElseThrow();
        assertThat(order.status()).isEqualTo(CjOrderStatus.SHIPPED);
        assertThat(order.trackNumber()).isEqualTo("CJPKL7160102171YQ");
        assertThat(order.logisticName()).isEqualTo("CJPacket Ordinary");
        assertThat(cj.order("CJ", "DF-404-PO1")).isEmpty();

        assertThat(cj.deleteOrder("CJ", "210711100018655344")).isTrue();
        server.verify(deleteRequestedFor(urlPathEqualTo("/api2.0/v1/shopping/order/deleteOrder"))
                .withQueryParam("orderId", equalTo("210711100018655344")).withHeader("CJ-Access-Token", equalTo("cj-token")));
        // Shopping page, deleteOrder of a paid order: refused in the envelope
        // (https://developers.cjdropshipping.com/en/api/api2/api/shopping.html,
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html)
        server.stubFor(delete(urlPathEqualTo("/api2.0/v1/shopping/order/deleteOrder"))
                .willReturn(okJson(envelope(1600500, false, "order is paid", "null"))));
        assertThat(cj.deleteOrder("CJ", "210711100018655344")).isFalse();
    }
}
