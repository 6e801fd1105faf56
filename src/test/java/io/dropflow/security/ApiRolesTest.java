package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.dropflow.support.DropflowTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Every endpoint of our API against every role: the callers the endpoint is not for get a 403
 * problem (before their request body is even read: each body here would be a 400), the others get
 * through to the feature (which may then find nothing, 404, or refuse the body, 400).
 */
@DropflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRolesTest {

    enum Caller {
        OPERATOR, SUPERVISOR, ANALYST, LEADER, ORDERS_KEY, AFTER_SALES_KEY, CATALOG_KEY
    }

    private static final Set<Caller> STAFF = EnumSet.of(Caller.OPERATOR, Caller.SUPERVISOR, Caller.ANALYST);
    private static final Set<Caller> ORDER_TAKERS = EnumSet.of(Caller.OPERATOR, Caller.SUPERVISOR, Caller.ORDERS_KEY);
    private static final Set<Caller> ORDER_READERS = EnumSet.of(Caller.OPERATOR, Caller.SUPERVISOR, Caller.ANALYST,
            Caller.ORDERS_KEY);
    private static final Set<Caller> AFTER_SALES = EnumSet.of(Caller.OPERATOR, Caller.SUPERVISOR,
            Caller.AFTER_SALES_KEY);
    private static final Set<Caller> AFTER_SALES_READERS = EnumSet.of(Caller.OPERATOR, Caller.SUPERVISOR,
            Caller.ANALYST, Caller.AFTER_SALES_KEY);
    private static final Set<Caller> CATALOG_READERS = EnumSet.of(Caller.OPERATOR, Caller.SUPERVISOR, Caller.ANALYST,
            Caller.CATALOG_KEY);
    private static final Set<Caller> CATALOG_EDITORS = EnumSet.of(Caller.SUPERVISOR, Caller.ANALYST,
            Caller.CATALOG_KEY);
    private static final Set<Caller> MODEL_OWNERS = EnumSet.of(Caller.SUPERVISOR, Caller.ANALYST);
    private static final Set<Caller> GROUP_BUY_WATCHERS = EnumSet.of(Caller.OPERATOR, Caller.SUPERVISOR,
            Caller.ANALYST, Caller.LEADER);
    private static final Set<Caller> GROUP_BUY_HANDS = EnumSet.of(Caller.OPERATOR, Caller.SUPERVISOR, Caller.LEADER);
    private static final Set<Caller> SUPERVISORS = EnumSet.of(Caller.SUPERVISOR);

    record Endpoint(HttpMethod method, String path, String body, Set<Caller> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String NONE = null;
    private static final String EMPTY = "{}";

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(POST, "/api/orders", EMPTY, ORDER_TAKERS),
                new Endpoint(GET, "/api/orders", NONE, ORDER_READERS),
                new Endpoint(GET, "/api/orders/999999", NONE, ORDER_READERS),
                new Endpoint(POST, "/api/orders/999999/cancel", NONE, ORDER_TAKERS),
                new Endpoint(POST, "/api/orders/999999/claims", EMPTY, AFTER_SALES),
                new Endpoint(GET, "/api/orders/999999/claims", NONE, AFTER_SALES_READERS),
                new Endpoint(GET, "/api/claims/999999", NONE, AFTER_SALES_READERS),
                new Endpoint(POST, "/api/claims/999999/evidence", EMPTY, AFTER_SALES),
                new Endpoint(GET, "/api/claims/999999/evidence/1", NONE, AFTER_SALES_READERS),
                new Endpoint(POST, "/api/orders/999999/returns", EMPTY, AFTER_SALES),
                new Endpoint(GET, "/api/orders/999999/returns", NONE, AFTER_SALES_READERS),
                new Endpoint(GET, "/api/returns/999999", NONE, AFTER_SALES_READERS),
                new Endpoint(POST, "/api/returns/999999/consumer-answer", EMPTY, AFTER_SALES),
                new Endpoint(GET, "/api/suppliers", NONE, CATALOG_READERS),
                new Endpoint(POST, "/api/suppliers", EMPTY, CATALOG_EDITORS),
                new Endpoint(GET, "/api/suppliers/NOPE", NONE, CATALOG_READERS),
                new Endpoint(PUT, "/api/suppliers/NOPE", EMPTY, CATALOG_EDITORS),
                new Endpoint(POST, "/api/suppliers/NOPE/suspension", EMPTY, CATALOG_EDITORS),
                new Endpoint(DELETE, "/api/suppliers/NOPE/suspension", NONE, CATALOG_EDITORS),
                new Endpoint(GET, "/api/suppliers/NOPE/scorecard", NONE, CATALOG_READERS),
                new Endpoint(GET, "/api/offers", NONE, CATALOG_READERS),
                new Endpoint(GET, "/api/suppliers/NOPE/offers", NONE, CATALOG_READERS),
                new Endpoint(POST, "/api/suppliers/NOPE/offers", EMPTY, CATALOG_EDITORS),
                new Endpoint(PUT, "/api/suppliers/NOPE/offers/NOPE-1", EMPTY, CATALOG_EDITORS),
                new Endpoint(POST, "/api/suppliers/NOPE/offers/import", EMPTY, CATALOG_EDITORS),
                new Endpoint(GET, "/api/suppliers/NOPE/offers/export", NONE, CATALOG_READERS),
                new Endpoint(GET, "/api/exchange-rates", NONE, CATALOG_READERS),
                new Endpoint(POST, "/api/exchange-rates", EMPTY, CATALOG_EDITORS),
                new Endpoint(GET, "/api/leaders", NONE, CATALOG_READERS),
                new Endpoint(POST, "/api/leaders", EMPTY, CATALOG_EDITORS),
                new Endpoint(PUT, "/api/leaders/NOPE", EMPTY, CATALOG_EDITORS),
                new Endpoint(GET, "/api/pickup-points", NONE, CATALOG_READERS),
                new Endpoint(POST, "/api/pickup-points", EMPTY, CATALOG_EDITORS),
                new Endpoint(PUT, "/api/pickup-points/NOPE", EMPTY, CATALOG_EDITORS),
                new Endpoint(GET, "/api/group-buy-offers", NONE, CATALOG_READERS),
                new Endpoint(POST, "/api/group-buy-offers", EMPTY, CATALOG_EDITORS),
                new Endpoint(PUT, "/api/group-buy-offers/NOPE", EMPTY, CATALOG_EDITORS),
                new Endpoint(GET, "/api/group-buy/orders/999999", NONE, ORDER_READERS),
                new Endpoint(GET, "/api/group-buy/batches/999999", NONE, GROUP_BUY_WATCHERS),
                new Endpoint(POST, "/api/group-buy/batches/999999/receipt", NONE, GROUP_BUY_HANDS),
                new Endpoint(POST, "/api/group-buy/pickup-points/NOPE/pickups", EMPTY, GROUP_BUY_HANDS),
                new Endpoint(POST, "/api/models/what-if", EMPTY, MODEL_OWNERS),
                new Endpoint(GET, "/api/onboarding/applications", NONE, STAFF),
                new Endpoint(POST, "/api/onboarding/applications", EMPTY, MODEL_OWNERS),
                new Endpoint(GET, "/api/api-keys", NONE, SUPERVISORS),
                new Endpoint(POST, "/api/api-keys", EMPTY, SUPERVISORS),
                new Endpoint(DELETE, "/api/api-keys/999999", NONE, SUPERVISORS));
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    @LocalServerPort
    int port;
    private ApiCallers api;
    private Map<Caller, Consumer<HttpHeaders>> callers;

    @BeforeAll
    void callers() {
        api = new ApiCallers(port);
        callers = Map.of(
                Caller.OPERATOR, ApiCallers.user("mary"),
                Caller.SUPERVISOR, ApiCallers.user("sam"),
                Caller.ANALYST, ApiCallers.user("anna"),
                Caller.LEADER, ApiCallers.user("leo"),
                Caller.ORDERS_KEY, ApiCallers.key(api.issueKey("roles test storefront", List.of("orders"))),
                Caller.AFTER_SALES_KEY, ApiCallers.bearer(api.issueKey("roles test help desk", List.of("after-sales"))),
                Caller.CATALOG_KEY, ApiCallers.key(api.issueKey("roles test PIM", List.of("catalog"))));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointForEveryCaller")
    void onlyTheEndpointsRolesGetThrough(Endpoint endpoint, Caller caller) {
        ResponseEntity<String> answer = api.call(endpoint.method(), endpoint.path(), endpoint.body(),
                callers.get(caller));

        int status = answer.getStatusCode().value();
        boolean refusedForRole = status == 403
                && "https://dropflow.io/problems/forbidden".equals(ApiCallers.json(answer).path("type").asText());
        if (endpoint.allowed().contains(caller)) {
            assertThat(status).as("%s as %s: %s", endpoint, caller, answer.getBody()).isNotEqualTo(401);
            assertThat(refusedForRole).as("%s as %s: %s", endpoint, caller, answer.getBody()).isFalse();
        } else {
            assertThat(status).as("%s as %s: %s", endpoint, caller, answer.getBody()).isEqualTo(403);
            assertThat(refusedForRole).as("a forbidden problem").isTrue();
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        }
    }

    @Test
    void nobodyLoggedInIsAskedToLogIn() {
        for (Endpoint endpoint : endpoints()) {
            ResponseEntity<String> answer = api.call(endpoint.method(), endpoint.path(), endpoint.body(), h -> { });
            assertThat(answer.getStatusCode().value()).as(endpoint.toString()).isEqualTo(401);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        }
    }
}
