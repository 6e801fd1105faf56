package io.dropflow.storefront.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.PartnerCall;
import io.dropflow.partners.PartnerCalls;
import io.dropflow.partners.PartnerThrottled;
import io.dropflow.partners.PartnerTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Shopify's GraphQL Admin API (https://shopify.dev/docs/api/admin-graphql): one endpoint, the
 * documents in src/main/resources/shopify/graphql (validated against Shopify's published schema by
 * ShopifyGraphqlContractTest), {@code X-Shopify-Access-Token} from the client credentials grant.
 * Calls are paced by the shop's cost bucket as Shopify reports it in every answer ({@link ShopifyQueryCost}, the
 * calls' {@link PartnerCall.Pacer}, so the wait shares the partner's max-wait and metrics);
 * HTTP 429, 5xx and GraphQL's THROTTLED error slow the shop's calls down (PartnerCalls); a 401 renews the
 * token once; user errors and other GraphQL errors fail the call naming them. An answer in another API
 * version than the configured one (Shopify fell forward) is warned ({@link ShopifyApiVersionCheck}).
 */
class ShopifyAdmin {

    static final String PARTNER = "shopify";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopifySettings settings;
    private final PartnerCalls calls;
    private final PartnerTokens tokens;
    private final RestClient http;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final java.time.Clock clock;
    private final ShopifyQueryCost cost;
    private final ShopifyApiVersionCheck versions = new ShopifyApiVersionCheck();

    ShopifyAdmin(ShopifySettings settings, PartnerCalls calls, PartnerTokens tokens, java.time.Clock clock) {
        this.clock = clock;
        this.cost = new ShopifyQueryCost(System::nanoTime);
        this.settings = settings;
        this.calls = calls;
        this.tokens = tokens;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** The {@code gid://shopify/Order/…} of a storefront order id (the webhook's numeric id). */
    static String orderGid(String storefrontOrderId) {
        return storefrontOrderId.startsWith("gid://") ? storefrontOrderId : "gid://shopify/Order/" + storefrontOrderId;
    }

    /**
     * Runs one of our documents.
     * @return the answer's {@code data}
     */
    JsonNode run(String document, Map<String, Object> variables) {
        String operation = document;
        PartnerCall call = new PartnerCall(PARTNER, String.valueOf(settings.shopDomain()), operation,
                ShopifyAdmin::unavailable)
                .pacedBy(maxWait -> cost.reserve(operation, maxWait));
        for (int attempt = 1; ; attempt++) {
            String token = token();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", document(document));
            body.put("variables", variables);
            JsonNode answer = calls.call(call, outcome -> exchange(operation, token, body, outcome));
            if (answer == null) {
                if (attempt == 1 && settings.clientCredentials()) {
                    tokens.expire(PARTNER, settings.shopDomain(), token);
                    continue;
                }
                throw new IllegalStateException("Shopify refused the Admin API token for " + settings.shopDomain()
                        + " (check dropflow.storefronts.shopify.client-id and client-secret, and that the app is installed)");
            }
            return answer.path("data");
        }
    }

    /** Fails with the mutation's user errors, if it has any. */
    static JsonNode requireNoUserErrors(JsonNode payload, String what) {
        JsonNode errors = payload.path("userErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new IllegalStateException("Shopify refused to " + what + ": " + errors);
        }
        return payload;
    }

    /** @return the answer, or null for a 401 (renew the token and try once more) */
    private JsonNode exchange(String operation, String token, Map<String, Object> body, PartnerCalls.Outcome outcome) {
        try {
            return http.post().uri(settings.graphqlEndpoint()).header("X-Shopify-Access-Token", token)
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                    .exchange((req, response) -> {
                        int status = response.getStatusCode().value();
                        String text = new String(response.getBody().readNBytes(2_000_000), StandardCharsets.UTF_8);
                        outcome.code(Integer.toString(status));
                        if (status == 401) {
                            return null;
                        }
                        if (status == 429) {
                            throw new PartnerThrottled("Shopify answered 429 to " + operation, PartnerThrottled
                                    .parseRetryAfter(response.getHeaders().getFirst("Retry-After"), Duration.ofSeconds(2)));
                        }
                        if (status >= 500) {
                            throw new IllegalStateException("Shopify answered " + status + " to " + operation
                                    + " (retried while the step has tries left)");
                        }
                        if (status >= 400) {
                            throw new IllegalStateException("Shopify refused " + operation + " with " + status
                                    + " (check dropflow.storefronts.shopify and the app's scopes): "
                                    + text.substring(0, Math.min(300, text.length())));
                        }
                        versions.mismatch("the Admin API", settings.apiVersion(),
                                response.getHeaders().getFirst(ShopifySettings.API_VERSION_HEADER));
                        JsonNode answer = JSON.readTree(text);
                        cost.observe(operation, answer.path("extensions").path("cost"));
                        JsonNode errors = answer.path("errors");
                        if (errors.isArray() && !errors.isEmpty()) {
                            String code = errors.get(0).path("extensions").path("code").asText("GRAPHQL");
                            outcome.code(code);
                            if ("THROTTLED".equals(code)) {
                                throw new PartnerThrottled("Shopify's query cost limit for " + operation,
                                        cost.untilRoomFor(operation));
                            }
                            throw new IllegalStateException("Shopify could not run " + operation + ": " + errors);
                        }
                        return answer;
                    });
        } catch (ResourceAccessException unreachable) {
            outcome.code(io.dropflow.partners.CallFailure.code(unreachable));
            throw unreachable(operation, unreachable);
        }
    }

    private String token() {
        if (!settings.clientCredentials()) {
            return settings.accessToken();
        }
        return tokens.accessToken(PARTNER, settings.shopDomain(), settings.tokenRenewBefore(), new ClientCredentials());
    }

    /** Shopify's client credentials grant: POST /admin/oauth/access_token; the token lasts expires_in seconds (24 h). */
    private final class ClientCredentials implements PartnerTokens.Source {

        @Override
        public PartnerTokens.Token refresh(String refreshToken) {
            return null;
        }

        @Override
        public PartnerTokens.Token login() {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", settings.clientId());
            form.add("client_secret", settings.clientSecret());
            PartnerCall call = new PartnerCall(PARTNER, String.valueOf(settings.shopDomain()), "client_credentials",
                    ShopifyAdmin::unavailable);
            JsonNode answer = calls.call(call, outcome -> {
                try {
                    return http.post().uri(settings.root() + "/admin/oauth/access_token")
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON).body(form)
                            .exchange((req, response) -> {
                                int status = response.getStatusCode().value();
                                outcome.code(Integer.toString(status));
                                if (status != 200) {
                                    throw new IllegalStateException("Shopify gave no access token for " + settings.shopDomain()
                                            + " (" + status + "): check dropflow.storefronts.shopify.client-id, client-secret"
                                            + " and that the app is installed on the shop");
                                }
                                return JSON.readTree(response.getBody());
                            });
                } catch (ResourceAccessException unreachable) {
                    outcome.code(io.dropflow.partners.CallFailure.code(unreachable));
                    throw unreachable("the access token request", unreachable);
                }
            });
            long seconds = answer.path("expires_in").asLong(86_399);
            return new PartnerTokens.Token(answer.path("access_token").asText(), clock.instant().plusSeconds(seconds), null,
                    null);
        }

        @Override
        public RuntimeException loginTooSoon(Instant allowedAt) {
            return new IllegalStateException("Shopify token request too soon");
        }
    }

    private String document(String name) {
        return documents.computeIfAbsent(name, n -> {
            try {
                return new ClassPathResource("shopify/graphql/" + n + ".graphql").getContentAsString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("no GraphQL document " + n, e);
            }
        });
    }

    /** A call that reached no answer (refused, unknown host, timed out): says what happened and where; retried. */
    private IllegalStateException unreachable(String operation, ResourceAccessException failure) {
        return new IllegalStateException("Shopify did not answer " + operation + ": "
                + io.dropflow.partners.CallFailure.why(failure, java.net.URI.create(settings.root()))
                + " (retried while the step has tries left)", failure);
    }

    /** A call Shopify could not take now: its step is retried; said once where the pacer said it already. */
    private static IllegalStateException unavailable(String message) {
        return new IllegalStateException(message.contains("retried") ? message : message + " (retried while the step has tries left)");
    }
}
