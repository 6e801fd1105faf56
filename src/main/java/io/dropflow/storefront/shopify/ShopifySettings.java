package io.dropflow.storefront.shopify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Shopify shop Dropflow serves ({@code dropflow.storefronts.shopify}); used when
 * {@code dropflow.partners.storefront=shopify}. Its webhooks are verified with {@code clientSecret}.
 *
 * @param shopDomain e.g. my-shop.myshopify.com
 * @param accessToken the custom app's Admin API access token (from the environment)
 * @param clientSecret the app's client secret: Shopify signs webhooks with it (from the environment)
 * @param apiVersion Admin REST API version
 */
@ConfigurationProperties("dropflow.storefronts.shopify")
public record ShopifySettings(String shopDomain, String accessToken, String clientSecret, String apiVersion,
        String baseUrl, Duration connectTimeout, Duration readTimeout) {

    public ShopifySettings {
        apiVersion = apiVersion == null ? "2024-10" : apiVersion;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    /** The Admin API root: https://{shop}/admin/api/{version}, or baseUrl where set (tests, proxies). */
    public String adminApi() {
        String root = baseUrl != null && !baseUrl.isBlank() ? baseUrl : "https://" + shopDomain;
        return root + "/admin/api/" + apiVersion;
    }

    /** Never the token or the secret. */
    @Override
    public String toString() {
        return "ShopifySettings[" + shopDomain + ", " + apiVersion + "]";
    }
}
