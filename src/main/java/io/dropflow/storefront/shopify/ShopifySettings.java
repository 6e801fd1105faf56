package io.dropflow.storefront.shopify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Shopify shop Dropflow serves ({@code dropflow.storefronts.shopify}); used when
 * {@code dropflow.partners.storefront=shopify}. Dropflow is the shop's own Dev Dashboard app: it
 * gets its Admin API token with the client credentials grant (client id and secret, a token that
 * lasts 24 hours, renewed by Dropflow before it expires:
 * https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant).
 * The client secret also verifies the shop's webhooks.
 *
 * @param shopDomain e.g. my-shop.myshopify.com
 * @param clientId the app's client id (Dev Dashboard, Settings)
 * @param clientSecret the app's client secret (from the environment)
 * @param accessToken a fixed Admin API token of a legacy custom app created in the shop's admin (no
 *     longer creatable since 2026-01-01); used only when no client id is set
 * @param apiVersion GraphQL Admin API version; one Shopify supports ({@link #SUPPORTED_VERSIONS})
 * @param carriers our carrier code to the tracking company name Shopify knows, e.g. DHL: "DHL Express"
 * @param trackingUrls our carrier code to a tracking URL with {number}; others get {@code defaultTrackingUrl}
 */
@ConfigurationProperties("dropflow.storefronts.shopify")
public record ShopifySettings(String shopDomain, String clientId, String clientSecret, String accessToken,
        String apiVersion, String baseUrl, Duration connectTimeout, Duration readTimeout, Map<String, String> carriers,
        Map<String, String> trackingUrls, String defaultTrackingUrl, Duration tokenRenewBefore) {

    /** Shopify's supported Admin API versions when this was written (2026-10 is a release candidate). */
    public static final List<String> SUPPORTED_VERSIONS = List.of("2025-10", "2026-01", "2026-04", "2026-07", "2026-10");

    public ShopifySettings {
        apiVersion = apiVersion == null || apiVersion.isBlank() ? "2026-07" : apiVersion;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        carriers = carriers == null ? Map.of() : Map.copyOf(carriers);
        trackingUrls = trackingUrls == null ? Map.of() : Map.copyOf(trackingUrls);
        defaultTrackingUrl = defaultTrackingUrl == null || defaultTrackingUrl.isBlank()
                ? "https://t.17track.net/en#nums={number}" : defaultTrackingUrl;
        tokenRenewBefore = tokenRenewBefore == null ? Duration.ofHours(1) : tokenRenewBefore;
    }

    /** https://{shop} (or baseUrl where set: tests, proxies). */
    public String root() {
        return baseUrl != null && !baseUrl.isBlank() ? baseUrl : "https://" + shopDomain;
    }

    /** The GraphQL Admin endpoint: {root}/admin/api/{version}/graphql.json. */
    public String graphqlEndpoint() {
        return root() + "/admin/api/" + apiVersion + "/graphql.json";
    }

    public boolean clientCredentials() {
        return !io.dropflow.partners.PartnerBinding.unset(clientId);
    }

    /** Shopify's tracking company for our carrier code (its name as Shopify lists it), else our code. */
    public String company(String carrierCode) {
        return carriers.getOrDefault(carrierCode, carrierCode);
    }

    public String trackingUrl(String carrierCode, String number) {
        return trackingUrls.getOrDefault(carrierCode, defaultTrackingUrl)
                .replace("{number}", java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Never the token or the secret. */
    @Override
    public String toString() {
        return "ShopifySettings[" + shopDomain + ", " + apiVersion + "]";
    }
}
