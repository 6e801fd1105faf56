package io.dropflow.storefront.shopify;

import io.dropflow.security.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Shopify signs each webhook: {@code X-Shopify-Hmac-Sha256} is the Base64 HMAC-SHA256 of the raw
 * body with the app's client secret. Exposed to the order feature, which takes Shopify's orders in.
 */
@Component
@NamedInterface("shopify-webhooks")
public class ShopifyWebhooks {

    public static final String HMAC_HEADER = "X-Shopify-Hmac-Sha256";

    private final ShopifySettings settings;

    ShopifyWebhooks(ShopifySettings settings) {
        this.settings = settings;
    }

    public boolean configured() {
        return settings.clientSecret() != null && !settings.clientSecret().isBlank();
    }

    public boolean verify(byte[] rawBody, String hmacHeader) {
        if (!configured() || hmacHeader == null) {
            return false;
        }
        byte[] expected = Base64.getEncoder().encode(Hmac.sha256(settings.clientSecret(), rawBody));
        return MessageDigest.isEqual(expected, hmacHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
