package io.dropflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dropflow.webhooks}: how partners prove a webhook call is theirs, bound once for the filter that checks it
 * and for the demo's sandbox partners that send it.
 *
 * @param token the shared secret partners send in the X-Dropflow-Webhook-Token header (required: RequiredSecrets
 *     refuses to start without it; the demo profile sets a demo value)
 */
@ConfigurationProperties("dropflow.webhooks")
public record WebhookSettings(String token) {

    public WebhookSettings {
        token = token == null ? "" : token;
    }
}
