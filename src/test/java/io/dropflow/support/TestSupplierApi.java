package io.dropflow.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real HTTP server (WireMock) standing in for supplier WIRED, which integrates through Dropflow's
 * supplier API: one per test JVM, its address configured before the application starts.
 */
public final class TestSupplierApi implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SUPPLIER = "WIRED";
    public static final String SKU = "TEST-WIRED";
    public static final String TOKEN = "wired-api-token";
    public static final String WEBHOOK_SECRET = "wired-webhook-secret";
    public static final String KUAIDI100_SALT = "test-k100-salt";
    public static final String SHOPIFY_SECRET = "test-shopify-secret";
    public static final String TRACK17_KEY = "test-17track-key";
    /** Supplier CJ is a CJ Dropshipping account whose API is this server too (at /cj). */
    public static final String CJ = "CJ";
    public static final String CJ_SKU = "TEST-CJ";
    public static final String CJ_VID = "92511400-C758-4474-93CA-66D442F5F787";
    public static final String CJ_TOKEN = "test-cj-access-token";
    public static final String CJ_API_KEY = "CJUserNum@api@test-cj-key";
    public static final String CJ_OPEN_ID = "1234567890";

    private static WireMockServer server;

    /**
     * CJ's login (Authentication page, https://developers.cjdropshipping.com/en/api/api2/api/auth.html):
     * the API key gets {@link #CJ_TOKEN}, valid for long. Tests that reset the server stub it again.
     */
    public static void cjLogsIn() {
        // CJ Authentication page, getAccessToken: https://developers.cjdropshipping.com/en/api/api2/api/auth.html
        server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/cj/authentication/getAccessToken")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"code\":200,\"result\":true,"
                        + "\"message\":\"Success\",\"data\":{\"openId\":" + CJ_OPEN_ID + ",\"accessToken\":\"" + CJ_TOKEN
                        + "\",\"accessTokenExpiryDate\":\"2099-08-18T09:16:33+08:00\",\"refreshToken\":\"test-cj-refresh\","
                        + "\"refreshTokenExpiryDate\":\"2099-12-07T09:16:33+08:00\"}}")));
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String prefix = "dropflow.suppliers.http." + SUPPLIER + ".";
        TestPropertyValues.of(
                prefix + "base-url=" + server().baseUrl() + "/v1",
                prefix + "token=" + TOKEN,
                prefix + "webhook-secret=" + WEBHOOK_SECRET,
                prefix + "read-timeout=PT1S",
                // Kuaidi100 follows carrier K100-YTO; its subscription endpoint is this server too.
                "dropflow.carriers.kuaidi100.poll-url=" + server().baseUrl() + "/kuaidi100/poll",
                "dropflow.carriers.kuaidi100.query-url=" + server().baseUrl() + "/kuaidi100/query.do",
                "dropflow.carriers.kuaidi100.customer=TESTCUSTOMER",
                "dropflow.carriers.kuaidi100.key=test-k100-key",
                "dropflow.carriers.kuaidi100.salt=" + KUAIDI100_SALT,
                "dropflow.carriers.kuaidi100.companies.K100-YTO=yuantong",
                // 17TRACK follows carrier T17-DHL; its API is this server too.
                "dropflow.carriers.track17.base-url=" + server().baseUrl() + "/track17",
                "dropflow.carriers.track17.api-key=" + TRACK17_KEY,
                "dropflow.carriers.track17.carriers.T17-DHL=100001",
                // Shopify's orders/create webhook is verified with this secret (the storefront stays the sandbox).
                "dropflow.storefronts.shopify.client-secret=" + SHOPIFY_SECRET,
                "dropflow.suppliers.cj." + CJ + ".base-url=" + server().baseUrl() + "/cj",
                "dropflow.suppliers.cj." + CJ + ".api-key=" + CJ_API_KEY,
                "dropflow.suppliers.cj." + CJ + ".open-id=" + CJ_OPEN_ID,
                "dropflow.suppliers.cj." + CJ + ".logistic-name=CJPacket Ordinary",
                "dropflow.suppliers.cj." + CJ + ".read-timeout=PT1S",
                // CJ's own limit (1 call a second at the lower levels, the production default) made each
                // process test here wait a second per call. CjDropshippingTest holds the default, and
                // ResilientPartnerCallsTest and PartnerClusterTest that a limit is kept.
                "dropflow.suppliers.cj." + CJ + ".requests-per-second=50").applyTo(context);
    }
}
