package io.dropflow.storefront.shopify;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the version Shopify says it used ({@link ShopifySettings#API_VERSION_HEADER} on an Admin
 * API answer or a webhook) with the configured one. Shopify does not refuse a version it no longer
 * serves: it falls forward to the oldest one it still supports and says so in that header
 * (https://shopify.dev/docs/api/usage/versioning), so answers and payloads may then carry fields our
 * documents were never validated against. A mismatch is warned once per place and answered version,
 * naming the setting to change.
 */
final class ShopifyApiVersionCheck {

    private static final Logger log = LoggerFactory.getLogger(ShopifyApiVersionCheck.class);

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** @return true when Shopify used another version than {@code configured} */
    boolean mismatch(String where, String configured, String answered) {
        if (answered == null || answered.isBlank() || answered.strip().equals(configured)) {
            return false;
        }
        if (warned.add(where + " " + answered.strip())) {
            log.warn("Shopify used API version {} for {}, not the configured {}: Shopify falls forward when a version"
                    + " is no longer available ({}); set dropflow.storefronts.shopify.api-version to a supported"
                    + " version Dropflow's documents are validated against, or update the app's webhook version",
                    answered.strip(), where, configured, ShopifySettings.VERSIONING);
        }
        return true;
    }
}
