package io.dropflow.storefront.shopify;

import io.dropflow.partners.PartnerBinding;
import io.dropflow.partners.PartnerCredentials;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * @param apiVersion GraphQL Admin API version; one Shopify supports today ({@link #supportedVersions})
 * @param carriers our carrier code to the tracking company name Shopify knows, e.g. DHL: "DHL Express"
 * @param trackingUrls our carrier code to a tracking URL with {number}; others get {@code defaultTrackingUrl}
 */
@ConfigurationProperties("dropflow.storefronts.shopify")
public record ShopifySettings(String shopDomain, String clientId, String clientSecret, String accessToken,
        String apiVersion, String baseUrl, Duration connectTimeout, Duration readTimeout, Map<String, String> carriers,
        Map<String, String> trackingUrls, String defaultTrackingUrl, Duration tokenRenewBefore)
        implements PartnerCredentials {

    /**
     * Shopify's versioning (https://shopify.dev/docs/api/usage/versioning): a new version "every three
     * months at the beginning of the quarter, at 5pm UTC", named by its date (2026-10), "each stable
     * version is supported for a minimum of 12 months", and the next quarter's version is the release
     * candidate. A version no longer available is not refused: Shopify "falls forward" to the oldest
     * one it still serves and says which in {@link #API_VERSION_HEADER}.
     */
    public static final String VERSIONING = "https://shopify.dev/docs/api/usage/versioning";
    /** The version Shopify used for an answer or a webhook. */
    public static final String API_VERSION_HEADER = "X-Shopify-API-Version";

    private static final Pattern QUARTERLY = Pattern.compile("(\\d{4})-(01|04|07|10)");

    /**
     * What {@link ShopifyStorefront#unbound()} reports (checked before anything starts, too): the shop, its
     * app's credentials (client id and secret), or a version Shopify supports at {@code now}, when missing. A
     * version Shopify released is never missing (the storefront warns when its support ends).
     */
    @Override
    public List<PartnerBinding.Unbound> unbound(Instant now) {
        List<String> missing = new ArrayList<>();
        if (PartnerBinding.unset(shopDomain)) {
            missing.add("shop-domain (DROPFLOW_SHOPIFY_SHOP)");
        }
        if (PartnerBinding.unset(clientId) && PartnerBinding.unset(accessToken)) {
            missing.add("client-id (DROPFLOW_SHOPIFY_CLIENT_ID)");
        }
        if (PartnerBinding.unset(clientSecret)) {
            missing.add("client-secret (DROPFLOW_SHOPIFY_CLIENT_SECRET)");
        }
        Instant released = released(apiVersion);
        if ((released == null || !released.isBefore(now)) && !supportedVersions(now).contains(apiVersion)) {
            missing.add("api-version (one Shopify supports on " + now.atOffset(ZoneOffset.UTC).toLocalDate()
                    + ": " + supportedVersionsText(now) + ", by " + VERSIONING + "; not " + apiVersion + ")");
        }
        return missing.isEmpty() ? List.of() : List.of(new PartnerBinding.Unbound("storefront Shopify", "no "
                + String.join(", ", missing), "dropflow.storefronts.shopify." + String.join(", .", missing)));
    }

    /** When Shopify released a quarterly version (its first day, 17:00 UTC), or null for any other name. */
    static Instant released(String version) {
        Matcher m = version == null ? null : QUARTERLY.matcher(version);
        if (m == null || !m.matches()) {
            return null;
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1).atTime(17, 0)
                .toInstant(ZoneOffset.UTC);
    }

    /**
     * The versions Shopify supports at {@code now} by its schedule, oldest first: the stable versions
     * released within the last 12 months (four of them), then the release candidate (the next quarter's).
     * A version counts from its release at 17:00 UTC; its 12 months end when the fourth version after it is
     * released.
     */
    public static List<String> supportedVersions(Instant now) {
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate latest = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
        if (released(name(latest)).isAfter(now)) {
            latest = latest.minusMonths(3);
        }
        List<String> versions = new ArrayList<>();
        for (int quarters = 3; quarters >= -1; quarters--) {
            versions.add(name(latest.minusMonths(3L * quarters)));
        }
        return List.copyOf(versions);
    }

    /** E.g. "2026-01, 2026-04, 2026-07, 2026-10 and the release candidate 2027-01". */
    public static String supportedVersionsText(Instant now) {
        List<String> versions = supportedVersions(now);
        return String.join(", ", versions.subList(0, versions.size() - 1)) + " and the release candidate "
                + versions.get(versions.size() - 1);
    }

    private static String name(LocalDate quarter) {
        return String.format("%04d-%02d", quarter.getYear(), quarter.getMonthValue());
    }

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
