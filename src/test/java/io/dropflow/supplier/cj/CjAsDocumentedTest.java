package io.dropflow.supplier.cj;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.dropflow.supplier.cj.CjDropshippingTest.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dropflow.supplier.SupplierRefusedException;
import io.dropflow.supplier.SupplierUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CJ as its documentation describes it, against a real HTTP server. Every stub follows one of CJ's
 * API 2.0 pages: Authentication (https://developers.cjdropshipping.com/en/api/api2/api/auth.html),
 * Global Error Codes (.../standard/ps-code.html), Access Frequency Restrictions
 * (.../standard/limit.html), Shopping (.../api/shopping.html) and Dispute (.../api/dispute.html).
 */
class CjAsDocumentedTest {

    private static final String ROOT = "/api2.0/v1";
    private static final String DETAIL = ROOT + "/shopping/order/getOrderDetail";
    private static final String CREATE = ROOT + "/shopping/order/createOrderV2";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final CjFixtures.RaisedToOperators operators = new CjFixtures.RaisedToOperators();
    private final CjFixtures.MemoryTokens tokens = new CjFixtures.MemoryTokens();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private CjDropshipping cj;

    @BeforeEach
    void start() {
        server.start();
        cj = CjFixtures.client(server.baseUrl() + ROOT, "CJUserNum@api@test-key", null, operators, tokens, metrics);
        // Authentication page, 1.1 Get access token: 15-day access token, 180-day refresh token.
        // https://developers.cjdropshipping.com/en/api/api2/api/auth.html
        server.stubFor(post(ROOT + "/authentication/getAccessToken").willReturn(okJson(envelope(200, true, "Success",
                "{\"openId\":123456789,\"accessToken\":\"token-1\",\"accessTokenExpiryDate\":\"2099-08-18T09:16:33+08:00\","
                        + "\"refreshToken\":\"refresh-1\",\"refreshTokenExpiryDate\":\"2099-12-07T09:16:33+08:00\"}"))));
        // Shopping page, getOrderDetail: an order CJ does not know is code 1603100.
        // https://developers.cjdropshipping.com/en/api/api2/api/shopping.html (getOrderDetail) and
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html (1603100)
        server.stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(CjDropshippingTest.notFound())));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theApiKeyLogsInAndTheAccessTokenGoesWithEveryCall() {
        cj.order("CJ", "DF-1-PO1");
        cj.order("CJ", "DF-2-PO1");

        server.verify(1, postRequestedFor(urlEqualTo(ROOT + "/authentication/getAccessToken"))
                .withRequestBody(matchingJsonPath("$.apiKey", equalTo("CJUserNum@api@test-key"))));
        server.verify(2, getRequestedFor(urlPathEqualTo(DETAIL)).withHeader("CJ-Access-Token", equalTo("token-1")));
    }

    @Test
    void aTokenCjRefusesIsRenewedAndTheCallMadeOnceMore() {
        // Global Error Codes: 1600001 "No permission: CJ-Access-Token is invalid".
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        server.stubFor(get(urlPathEqualTo(DETAIL)).inScenario("revoked").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(envelope(1600001, false, "No permission", "null"))).willSetStateTo("renewed"));
        // Authentication page, 1.2 Refresh access token.
        // https://developers.cjdropshipping.com/en/api/api2/api/auth.html
        server.stubFor(post(ROOT + "/authentication/refreshAccessToken").willReturn(okJson(envelope(200, true, "Success",
                "{\"accessToken\":\"token-2\",\"accessTokenExpiryDate\":\"2099-08-18T09:16:33+08:00\","
                        + "\"refreshToken\":\"refresh-2\",\"refreshTokenExpiryDate\":\"2099-12-07T09:16:33+08:00\"}"))));

        assertThat(cj.order("CJ", "DF-1-PO1")).isEmpty();

        server.verify(postRequestedFor(urlEqualTo(ROOT + "/authentication/refreshAccessToken"))
                .withRequestBody(matchingJsonPath("$.refreshToken", equalTo("refresh-1"))));
        server.verify(getRequestedFor(urlPathEqualTo(DETAIL)).withHeader("CJ-Access-Token", equalTo("token-2")));
        assertThat(tokens.refreshes).isEqualTo(1);
    }

    @Test
    void aCjSystemBusyEnvelopeIsRetriedNotRefused() {
        // Global Error Codes: 1600000 "System busy: please try again later".
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        server.stubFor(post(CREATE).willReturn(okJson(envelope(1600000, false, "System busy", "null"))));

        assertThatThrownBy(() -> cj.createOrder(CjDropshippingTest.ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .isNotInstanceOf(SupplierRefusedException.class).hasMessageContaining("1600000").hasMessageContaining("retried");
    }

    @Test
    void aCjQuotaUsedUpEnvelopeIsRetriedLaterNotRefused() {
        // Global Error Codes: 1600201 "Quota has been used up".
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        server.stubFor(post(CREATE).willReturn(okJson(envelope(1600201, false, "Quota has been used up", "null"))));

        assertThatThrownBy(() -> cj.createOrder(CjDropshippingTest.ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("1600201");
    }

    @Test
    void aCjCallExceededLimitEnvelopeSlowsDownAndTheCallGoesThrough() {
        // Global Error Codes: 1600200 "Call exceeded limit"; Access Frequency Restrictions: 1 request/s.
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html and
        // https://developers.cjdropshipping.com/en/api/api2/standard/limit.html
        server.stubFor(post(CREATE).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(envelope(1600200, false, "Call exceeded limit", "null"))).willSetStateTo("later"));
        // Shopping page, createOrderV2's answer: https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        server.stubFor(post(CREATE).inScenario("limit").whenScenarioStateIs("later")
                .willReturn(okJson(envelope(200, true, "Success", "{\"orderId\":\"2107\"}"))));

        long started = System.nanoTime();
        assertThat(cj.createOrder(CjDropshippingTest.ORDER)).isEqualTo("2107");

        assertThat((System.nanoTime() - started) / 1_000_000).as("waited the second CJ asked for").isGreaterThanOrEqualTo(900);
        server.verify(2, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void aCjBalanceInsufficientEnvelopeGoesToAnOperatorAndIsRetriedNotRefused() {
        // Global Error Codes: 1604000 "Balance is insufficient".
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        server.stubFor(post(CREATE).willReturn(okJson(envelope(1604000, false, "Balance is insufficient", "null"))));

        assertThatThrownBy(() -> cj.createOrder(CjDropshippingTest.ORDER)).isInstanceOf(SupplierUnavailableException.class)
                .hasMessageContaining("operator");
        assertThat(operators.raised).singleElement().asString().contains("attention/1604000", "DF-7-PO1", "top up");
    }

    @Test
    void aWrongLogisticNameIsAnIncidentNamingTheSettingNotARefusal() {
        // Global Error Codes: 1605000 "Logistic not found".
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        server.stubFor(post(CREATE).willReturn(okJson(envelope(1605000, false, "Logistic not found", "null"))));

        assertThatThrownBy(() -> cj.createOrder(CjDropshippingTest.ORDER)).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(SupplierUnavailableException.class).hasMessageContaining("dropflow.suppliers.cj.CJ");
    }

    @Test
    void orderNotFoundIsCjsCode1603100AndAnIllegalParameterIsNotNotFound() {
        assertThat(cj.order("CJ", "DF-404-PO1")).isEmpty();

        // Global Error Codes: 1600300 is "Illegal parameter", not "order not found".
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        server.stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(envelope(1600300, false, "Illegal parameter", "null"))));
        assertThatThrownBy(() -> cj.order("CJ", "DF-404-PO1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1600300");
    }

    @Test
    void everyCallIsCountedByPartnerOperationAndCode() {
        // Global Error Codes: 1600000 "System busy",
        // https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        server.stubFor(post(CREATE).willReturn(okJson(envelope(1600000, false, "System busy", "null"))));
        assertThatThrownBy(() -> cj.createOrder(CjDropshippingTest.ORDER));

        assertThat(metrics.get("dropflow.partner.calls").tags("partner", "cj", "operation", "getOrderDetail", "code",
                "1603100").timer().count()).isEqualTo(1);
        assertThat(metrics.get("dropflow.partner.calls").tags("partner", "cj", "operation", "createOrderV2", "code",
                "1600000").timer().count()).isEqualTo(1);
    }

    @Test
    void aClaimRoundOpensACjDisputeOnceThroughItsThreeDocumentedSteps() {
        // Dispute page: 1 disputeProducts, 2 disputeConfirmInfo, 3 create.
        // https://developers.cjdropshipping.com/en/api/api2/api/dispute.html
        server.stubFor(get(urlPathEqualTo(ROOT + "/disputes/disputeProducts")).inScenario("dispute")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(envelope(200, true, "Success",
                        "{\"orderId\":\"2107\",\"orderNumber\":\"DF-7-PO1\",\"productInfoList\":[{\"lineItemId\":\"L1\","
                                + "\"cjVariantId\":\"" + CjDropshippingTest.VID + "\",\"canChoose\":true,\"price\":23.00,"
                                + "\"quantity\":2}]}"))));
        // https://developers.cjdropshipping.com/en/api/api2/api/dispute.html
        server.stubFor(post(ROOT + "/disputes/disputeConfirmInfo").willReturn(okJson(envelope(200, true, "Success",
                "{\"orderId\":\"2107\",\"maxAmount\":46.00,\"expectResultOptionList\":[\"1\",\"2\"],\"disputeReasonList\":"
                        + "[{\"disputeReasonId\":1,\"reasonName\":\"Unfilled order\"},{\"disputeReasonId\":4,"
                        + "\"reasonName\":\"Damaged product\"}]}"))));
        // https://developers.cjdropshipping.com/en/api/api2/api/dispute.html
        server.stubFor(post(ROOT + "/disputes/create").willReturn(okJson(envelope(200, true, "Success", "\"D-99\"")))
                .inScenario("dispute").willSetStateTo("open"));
        // https://developers.cjdropshipping.com/en/api/api2/api/dispute.html
        server.stubFor(get(urlPathEqualTo(ROOT + "/disputes/disputeProducts")).inScenario("dispute")
                .whenScenarioStateIs("open").willReturn(okJson(envelope(200, true, "Success",
                        "{\"orderId\":\"2107\",\"productInfoList\":[{\"lineItemId\":\"L1\",\"cjVariantId\":\""
                                + CjDropshippingTest.VID + "\",\"canChoose\":false,\"price\":23.00,\"quantity\":2}]}"))));
        CjDropshipping.Dispute dispute = new CjDropshipping.Dispute("DF-CL3-R1", "2107", "DF-7-PO1",
                Map.of(CjDropshippingTest.VID, 1), "damage", false, "Claim DF-CL3: the mug arrived broken",
                List.of("https://dropflow.example/evidence/1.jpg"));

        assertThat(cj.openDispute("CJ", dispute)).contains("D-99");
        assertThat(cj.openDispute("CJ", dispute)).as("a retried round finds the dispute open").isEmpty();

        server.verify(1, postRequestedFor(urlEqualTo(ROOT + "/disputes/create"))
                .withRequestBody(matchingJsonPath("$.businessDisputeId", equalTo("DF-CL3-R1")))
                .withRequestBody(matchingJsonPath("$.disputeReasonId", equalTo("4")))
                .withRequestBody(matchingJsonPath("$.expectType", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.productInfoList[0].lineItemId", equalTo("L1")))
                .withRequestBody(matchingJsonPath("$.productInfoList[0].quantity", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.imageUrl[0]", containing("evidence"))));
        server.verify(postRequestedFor(urlEqualTo(ROOT + "/disputes/disputeConfirmInfo"))
                .withRequestBody(matchingJsonPath("$.orderId", equalTo("2107"))));
    }
}
