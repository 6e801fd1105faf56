package io.dropflow.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Shopify shop that remembers: the Admin API calls Dropflow's Shopify adapter makes (fulfillments
 * with tracking, refunds, order notes), kept per order so that the adapter's check-before-acting
 * sees what it did before a crash, and counted so that a test can tell a duplicate apart.
 */
final class FakeShopify implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/admin/api/2024-10";
    private static final Pattern ORDER_PATH = Pattern.compile(API + "/orders/(\\d+)(/[a-z_]+)?\\.json");

    private final HttpServer server;
    final Map<Long, List<String>> fulfillments = new ConcurrentHashMap<>();
    final Map<Long, List<String>> refunds = new ConcurrentHashMap<>();
    private final Map<Long, String> notes = new ConcurrentHashMap<>();

    FakeShopify() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext(API, this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("POST") && path.equals(API + "/fulfillments.json")) {
                JsonNode f = JSON.readTree(body).path("fulfillment");
                long order = f.path("line_items_by_fulfillment_order").path(0).path("fulfillment_order_id").asLong();
                fulfillments.computeIfAbsent(order, o -> new CopyOnWriteArrayList<>())
                        .add(f.path("tracking_info").path("number").asText());
                answer(exchange, 201, Map.of("fulfillment", Map.of("id", order, "status", "success")));
                return;
            }
            Matcher m = ORDER_PATH.matcher(path);
            if (!m.matches()) {
                answer(exchange, 404, Map.of("errors", "Not Found"));
                return;
            }
            long order = Long.parseLong(m.group(1));
            String what = m.group(2) == null ? "" : m.group(2);
            switch (method + " " + what) {
                case "GET /fulfillments" -> answer(exchange, 200, Map.of("fulfillments", fulfillments
                        .getOrDefault(order, List.of()).stream().map(n -> Map.of("tracking_number", n)).toList()));
                case "GET /fulfillment_orders" -> answer(exchange, 200, Map.of("fulfillment_orders", List.of(Map.of(
                        "id", order, "status", fulfillments.containsKey(order) ? "closed" : "open"))));
                case "GET /refunds" -> answer(exchange, 200, Map.of("refunds", refunds.getOrDefault(order, List.of())
                        .stream().map(n -> Map.of("note", n)).toList()));
                case "GET /transactions" -> answer(exchange, 200, Map.of("transactions", List.of(Map.of("id", order,
                        "kind", "sale", "status", "success", "gateway", "manual"))));
                case "POST /refunds" -> {
                    refunds.computeIfAbsent(order, o -> new CopyOnWriteArrayList<>())
                            .add(JSON.readTree(body).path("refund").path("note").asText());
                    answer(exchange, 201, Map.of("refund", Map.of("id", order)));
                }
                case "GET " -> answer(exchange, 200, Map.of("order", Map.of("id", order, "note", notes.getOrDefault(order, ""))));
                case "PUT " -> {
                    notes.put(order, JSON.readTree(body).path("order").path("note").asText());
                    answer(exchange, 200, Map.of("order", Map.of("id", order)));
                }
                default -> answer(exchange, 404, Map.of("errors", "Not Found"));
            }
        }
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
