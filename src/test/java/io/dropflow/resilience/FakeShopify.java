package io.dropflow.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Shopify shop that remembers, speaking the GraphQL Admin API as Dropflow's Shopify adapter uses it
 * (https://shopify.dev/docs/api/admin-graphql/2026-07): fulfillments with tracking, refunds (applied
 * once per @idempotent key, as Shopify does), messages marked on the order, and the client credentials
 * grant. Kept per order so that the adapter's check-before-acting sees what it did before a crash, and
 * counted so that a test can tell a duplicate apart.
 */
final class FakeShopify implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPHQL = "/admin/api/2026-07/graphql.json";

    private final HttpServer server;
    final Map<Long, List<String>> fulfillments = new ConcurrentHashMap<>();
    final Map<Long, List<String>> refunds = new ConcurrentHashMap<>();
    private final Set<String> refundKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> marks = ConcurrentHashMap.newKeySet();
    /**
     * The shop's cost bucket (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits):
     * a Shopify Plus shop restores 1 000 points/s; the bucket's size (20 s of restore) is our
     * assumption. A query is charged 4 points, a mutation 10 (Shopify's cost of a mutation).
     */
    private static final double RESTORE_RATE = 1000;
    private static final double BUCKET = 20 * RESTORE_RATE;
    private double available = BUCKET;
    private long availableAt = System.nanoTime();

    FakeShopify() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/admin", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static long order(String gid) {
        return Long.parseLong(gid.substring(gid.lastIndexOf('/') + 1));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/admin/oauth/access_token")) {
                answer(exchange, 200, Map.of("access_token", "shpat_remote", "scope", "write_orders", "expires_in", 86399));
                return;
            }
            if (!path.equals(GRAPHQL)) {
                answer(exchange, 404, Map.of("errors", "Not Found"));
                return;
            }
            JsonNode request = JSON.readTree(body);
            String query = request.path("query").asText();
            JsonNode v = request.path("variables");
            String operation = query.replaceAll("(?s)^.*?(query|mutation) (\\w+).*$", "$2");
            int requested = query.replaceAll("(?s)^.*?(query|mutation) .*$", "$1").equals("mutation") ? 10 : 4;
            Map<String, Object> cost = charge(requested);
            if (cost == null) {
                answer(exchange, 200, Map.of("errors", List.of(Map.of("message", "Throttled", "extensions",
                        Map.of("code", "THROTTLED"))), "extensions", Map.of("cost", costOf(requested, null))));
                return;
            }
            Object data = switch (operation) {
                case "OrderFulfillments" -> {
                    long order = order(v.path("id").asText());
                    List<Map<String, Object>> done = new ArrayList<>();
                    for (String number : fulfillments.getOrDefault(order, List.of())) {
                        done.add(Map.of("id", "gid://shopify/Fulfillment/" + order, "createdAt", "2026-11-27T10:00:00Z",
                                "trackingInfo", List.of(Map.of("company", "X", "number", number, "url", ""))));
                    }
                    boolean open = !fulfillments.containsKey(order);
                    yield Map.of("order", Map.of("id", v.path("id").asText(), "fulfillments", done, "fulfillmentOrders",
                            Map.of("nodes", List.of(Map.of("id", "gid://shopify/FulfillmentOrder/" + order, "status",
                                    open ? "OPEN" : "CLOSED", "assignedLocation", Map.of("location", Map.of("id", "L")),
                                    "supportedActions", open ? List.of(Map.of("action", "CREATE_FULFILLMENT")) : List.of())))));
                }
                case "FulfillmentCreate" -> {
                    JsonNode f = v.path("fulfillment");
                    long order = order(f.path("lineItemsByFulfillmentOrder").path(0).path("fulfillmentOrderId").asText());
                    fulfillments.computeIfAbsent(order, o -> new CopyOnWriteArrayList<>())
                            .add(f.path("trackingInfo").path("number").asText());
                    yield Map.of("fulfillmentCreate", Map.of("fulfillment", Map.of("id", "F", "status", "SUCCESS"),
                            "userErrors", List.of()));
                }
                case "SuggestedRefund" -> Map.of("order", Map.of("id", v.path("id").asText(), "suggestedRefund", Map.of(
                        "suggestedTransactions", List.of(Map.of("gateway", "manual", "kind", "SUGGESTED_REFUND",
                                "parentTransaction", Map.of("id", "gid://shopify/OrderTransaction/1"),
                                "maximumRefundableSet", Map.of("shopMoney", Map.of("amount", "1000.00",
                                        "currencyCode", "EUR")))))));
                case "RefundCreate" -> {
                    long order = order(v.path("input").path("orderId").asText());
                    if (refundKeys.add(v.path("idempotencyKey").asText())) {
                        refunds.computeIfAbsent(order, o -> new CopyOnWriteArrayList<>())
                                .add(v.path("input").path("note").asText() + " [" + v.path("idempotencyKey").asText() + "]");
                    }
                    yield Map.of("refundCreate", Map.of("refund", Map.of("id", "R"), "userErrors", List.of()));
                }
                case "OrderMessageSent" -> {
                    Map<String, Object> order = new java.util.HashMap<>(Map.of("id", v.path("id").asText(),
                            "fulfillments", List.of()));
                    order.put("metafield", marks.contains(v.path("id").asText() + v.path("key").asText())
                            ? Map.of("id", "M") : null);
                    yield Map.of("order", order);
                }
                case "MessageMarked" -> {
                    JsonNode m = v.path("metafields").path(0);
                    marks.add(m.path("ownerId").asText() + m.path("key").asText());
                    yield Map.of("metafieldsSet", Map.of("metafields", List.of(), "userErrors", List.of()));
                }
                case "OrderInvoiceSend" -> Map.of("orderInvoiceSend", Map.of("userErrors", List.of()));
                case "FulfillmentEventCreate" -> Map.of("fulfillmentEventCreate", Map.of("userErrors", List.of()));
                case "OrderNote" -> Map.of("order", Map.of("id", v.path("id").asText(), "note", ""));
                case "OrderNoteUpdate" -> Map.of("orderUpdate", Map.of("userErrors", List.of()));
                default -> null;
            };
            if (data == null) {
                answer(exchange, 200, Map.of("errors", List.of(Map.of("message", "unknown operation " + operation))));
                return;
            }
            answer(exchange, 200, Map.of("data", data, "extensions", Map.of("cost", cost)));
        }
    }

    /** @return the answer's extensions.cost, or null when the bucket lacks the requested cost (THROTTLED) */
    private synchronized Map<String, Object> charge(int requested) {
        long now = System.nanoTime();
        available = Math.min(BUCKET, available + RESTORE_RATE * (now - availableAt) / 1e9);
        availableAt = now;
        if (available < requested) {
            return null;
        }
        available -= requested;
        return costOf(requested, requested);
    }

    private synchronized Map<String, Object> costOf(int requested, Integer actual) {
        Map<String, Object> cost = new java.util.LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", Map.of("maximumAvailable", BUCKET, "currentlyAvailable", available,
                "restoreRate", RESTORE_RATE));
        return cost;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
