package io.dropflow.security;

import static io.dropflow.security.Groups.ADMINS;
import static io.dropflow.security.Groups.ANALYSTS;
import static io.dropflow.security.Groups.GROUP;
import static io.dropflow.security.Groups.LEADERS;
import static io.dropflow.security.Groups.OPERATORS;
import static io.dropflow.security.Groups.SUPERVISORS;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which endpoint of our API, in one table (docs/api.md shows it). Checked in the
 * security filter chain, before a request body is read: a caller without the role gets 403 whatever
 * it sent. Features may check more themselves (a leader acts for their own pickup points only).
 * An endpoint not listed here is for staff only (operators, supervisors, analysts, administrators);
 * an API key reaches only the endpoints of its scopes.
 */
final class ApiRoles {

    static final String[] STAFF = groups(OPERATORS, SUPERVISORS, ANALYSTS, ADMINS);
    /** Place and cancel orders: operators, supervisors and storefront integrations. */
    static final String[] ORDER_TAKERS = with(groups(OPERATORS, SUPERVISORS), ApiKeyScope.ORDERS);
    static final String[] ORDER_READERS = with(STAFF, ApiKeyScope.ORDERS);
    /** File claims and returns, add evidence, pass on a consumer's answer. */
    static final String[] AFTER_SALES_AGENTS = with(groups(OPERATORS, SUPERVISORS), ApiKeyScope.AFTER_SALES);
    static final String[] AFTER_SALES_READERS = with(STAFF, ApiKeyScope.AFTER_SALES);
    static final String[] CATALOG_READERS = with(STAFF, ApiKeyScope.CATALOG);
    /** Change suppliers, offers, exchange rates, the group-buy catalog (Groups.MASTER_DATA_EDITORS). */
    static final String[] CATALOG_EDITORS = with(groups(SUPERVISORS, ANALYSTS), ApiKeyScope.CATALOG);
    static final String[] MODEL_OWNERS = groups(SUPERVISORS, ANALYSTS);
    /** Batches, receipts and pickups of group buying: leaders (their own points) and the staff who help them. */
    static final String[] GROUP_BUY_HANDS = groups(OPERATORS, SUPERVISORS, LEADERS, ADMINS);
    static final String[] GROUP_BUY_WATCHERS = groups(OPERATORS, SUPERVISORS, ANALYSTS, LEADERS, ADMINS);
    static final String[] KEY_KEEPERS = groups(SUPERVISORS);
    /** /actuator/prometheus: Prometheus with a metrics key, supervisors and administrators. */
    static final String[] METRICS_READERS = with(groups(SUPERVISORS, ADMINS), ApiKeyScope.METRICS);

    /**
     * What Tasklist's forms link to, opened in the operator's browser: GETs of these also accept the
     * operator's Tasklist login (TasklistSessionFilter), with the role this table requires of them.
     * Only reads: a claim's uploaded photos and videos (ClaimTaskForm's evidence links).
     */
    static final String[] TASKLIST_LINKS = {"/api/claims/*/evidence/*", "/api/onboarding/applications/*/documents/*"};

    private static final String[] CATALOG = {"/api/suppliers/**", "/api/offers", "/api/exchange-rates",
        "/api/leaders/**", "/api/pickup-points/**", "/api/group-buy-offers/**"};

    private ApiRoles() {
    }

    static void apply(
            AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
        api
                // Partners authenticate with their token or signature (WebhookTokenFilter and each adapter).
                .requestMatchers("/api/webhooks/**").permitAll()
                .requestMatchers("/api/api-keys", "/api/api-keys/**").hasAnyAuthority(KEY_KEEPERS)
                // Orders
                .requestMatchers(HttpMethod.POST, "/api/orders", "/api/orders/*/cancel").hasAnyAuthority(ORDER_TAKERS)
                // Claims and returns
                .requestMatchers(HttpMethod.POST, "/api/orders/*/claims", "/api/claims/*/evidence",
                        "/api/orders/*/returns", "/api/returns/*/consumer-answer").hasAnyAuthority(AFTER_SALES_AGENTS)
                .requestMatchers(HttpMethod.GET, "/api/orders/*/claims", "/api/claims/**", "/api/orders/*/returns",
                        "/api/returns/**").hasAnyAuthority(AFTER_SALES_READERS)
                .requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/*", "/api/group-buy/orders/*")
                .hasAnyAuthority(ORDER_READERS)
                // Group buying
                .requestMatchers(HttpMethod.GET, "/api/group-buy/**").hasAnyAuthority(GROUP_BUY_WATCHERS)
                .requestMatchers("/api/group-buy/**").hasAnyAuthority(GROUP_BUY_HANDS)
                // Catalog and exchange rates
                .requestMatchers(HttpMethod.GET, CATALOG).hasAnyAuthority(CATALOG_READERS)
                .requestMatchers(CATALOG).hasAnyAuthority(CATALOG_EDITORS)
                // Models and supplier onboarding
                .requestMatchers("/api/models/**").hasAnyAuthority(MODEL_OWNERS)
                .requestMatchers(HttpMethod.GET, "/api/onboarding/**").hasAnyAuthority(STAFF)
                .requestMatchers("/api/onboarding/**").hasAnyAuthority(MODEL_OWNERS)
                .anyRequest().hasAnyAuthority(STAFF);
    }

    private static String[] groups(String... ids) {
        return Arrays.stream(ids).map(id -> GROUP + id).toArray(String[]::new);
    }

    private static String[] with(String[] authorities, ApiKeyScope scope) {
        return Stream.concat(Arrays.stream(authorities), Stream.of(scope.authority())).toArray(String[]::new);
    }
}
