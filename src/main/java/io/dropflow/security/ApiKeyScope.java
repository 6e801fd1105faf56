package io.dropflow.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What an integration's API key may reach: each scope is a set of endpoints (docs/api.md). A key
 * holds the scopes its integration needs, nothing more; no scope reaches the API keys themselves.
 */
public enum ApiKeyScope {
    /** Place, cancel and read orders (a storefront), and read group-buy orders. */
    ORDERS("orders"),
    /** File and read defect claims and returns, send evidence and the consumer's answers. */
    AFTER_SALES("after-sales"),
    /** Read and change suppliers, offers (import included), exchange rates and the group-buy catalog. */
    CATALOG("catalog"),
    /** Scrape /actuator/prometheus (Prometheus sends the key as its bearer token). */
    METRICS("metrics");

    private final String id;

    ApiKeyScope(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The authority a key with this scope holds. */
    String authority() {
        return Groups.SCOPE + id;
    }

    @JsonCreator
    public static ApiKeyScope of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown scope " + id + "; known: orders, after-sales, catalog, metrics"));
    }
}
