package io.dropflow.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partners of a Dropflow that runs in other processes, living in the test's JVM so that they
 * survive when a node is killed: a supplier on Dropflow's supplier API (WireMock) that answers
 * every purchase order through signed webhooks (accepted, then shipped; or, for every
 * {@code cancelEvery}-th order, accepted and then cancelled by the consumer), a carrier that
 * reports each parcel delivered, and a Shopify shop ({@link FakeShopify}). Every call they make
 * to Dropflow is retried until a node takes it, as a real partner retries a webhook. They count
 * what they received, by idempotency key.
 */
final class RemotePartners implements AutoCloseable {

    static final String SUPPLIER = "REMOTE";
    static final String SKU = "REMOTE-MUG";
    static final String CARRIER = "REMOTE-POST";
    static final String WEBHOOK_TOKEN = "remote-webhook-token";
    private static final String SUPPLIER_TOKEN = "remote-supplier-token";
    private static final String WEBHOOK_SECRET = "remote-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PO_NUMBER = Pattern.compile("DF-(\\d+)-PO(\\d+)");
    private static final Pattern CANCELLATION = Pattern.compile("/v1/purchase-orders/(DF-\\d+-PO\\d+)/cancellation");

    private final WireMockServer supplier;
    final FakeShopify shopify = new FakeShopify();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService answers = Executors.newFixedThreadPool(6);
    private final Supplier<List<String>> nodes;
    private final int cancelEvery;
    private final AtomicInteger nextNode = new AtomicInteger();

    /** Purchase orders received, by idempotency key: how many times each key came. */
    final Map<String, AtomicInteger> purchaseOrders = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> cancellations = new ConcurrentHashMap<>();
    /** Calls to Dropflow that a node refused with a 4xx (the partner gave up on them). */
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    final AtomicLong callsRetried = new AtomicLong();

    /** @param nodes the base URLs of the Dropflow nodes to call, asked anew for every call */
    RemotePartners(Supplier<List<String>> nodes, int cancelEvery) {
        this.nodes = nodes;
        this.cancelEvery = cancelEvery;
        // Counted when the supplier has read the request (not when its answer got through): a node
        // killed while waiting for the answer has still placed the order, as with a real supplier.
        supplier = new WireMockServer(options().dynamicPort().disableRequestJournal().containerThreads(40)
                .extensions(new com.github.tomakehurst.wiremock.extension.ServeEventListener() {
                    @Override
                    public void afterMatch(com.github.tomakehurst.wiremock.stubbing.ServeEvent event,
                            com.github.tomakehurst.wiremock.extension.Parameters parameters) {
                        received(event.getRequest());
                    }

                    @Override
                    public String getName() {
                        return "remote-supplier";
                    }
                }));
        supplier.start();
        // A quarter of a second per purchase order, as a remote supplier takes: a kill then often
        // lands while calls are in flight, and their keys come again after the restart.
        // Dropflow's supplier API, POST /purchase-orders answered 201: docs/partners/supplier-api.yaml
        supplier.stubFor(post("/v1/purchase-orders").willReturn(aResponse().withStatus(201).withFixedDelay(250)
                .withHeader("Content-Type", "application/json").withBody("{\"supplierReference\":\"R-1\"}")));
        // POST /purchase-orders/{number}/cancellation, reminders and investigations answered 202:
        // docs/partners/supplier-api.yaml
        supplier.stubFor(post(urlPathMatching("/v1/purchase-orders/.+")).willReturn(aResponse().withStatus(202)));
    }

    private void received(com.github.tomakehurst.wiremock.http.Request request) {
        if (!RequestMethod.POST.equals(request.getMethod())) {
            return;
        }
        String url = request.getUrl();
        if (url.equals("/v1/purchase-orders")) {
            String key = request.getHeader("Idempotency-Key");
            if (purchaseOrders.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement() == 0) {
                answers.submit(() -> answerPurchaseOrder(key));
            }
        } else {
            Matcher cancellation = CANCELLATION.matcher(url);
            if (cancellation.matches() && cancellations.computeIfAbsent(cancellation.group(1), k -> new AtomicInteger())
                    .getAndIncrement() == 0) {
                answers.submit(() -> supplierSays(cancellation.group(1), "CANCELLATION_ACCEPTED", null));
            }
        }
    }

    /** The partner settings every node gets. */
    Map<String, String> nodeProperties() {
        return Map.ofEntries(
                Map.entry("dropflow.partners.storefront", "shopify"),
                Map.entry("dropflow.suppliers.http." + SUPPLIER + ".base-url", supplier.baseUrl() + "/v1"),
                Map.entry("dropflow.suppliers.http." + SUPPLIER + ".token", SUPPLIER_TOKEN),
                Map.entry("dropflow.suppliers.http." + SUPPLIER + ".webhook-secret", WEBHOOK_SECRET),
                Map.entry("dropflow.storefronts.shopify.shop-domain", "remote.myshopify.com"),
                Map.entry("dropflow.storefronts.shopify.base-url", shopify.baseUrl()),
                Map.entry("dropflow.storefronts.shopify.client-id", "remote-shop-client"),
                Map.entry("dropflow.storefronts.shopify.client-secret", "remote-shop-secret"),
                Map.entry("dropflow.carriers.followed-by-shipper", CARRIER));
    }

    static boolean cancelled(long orderId, int cancelEvery) {
        return cancelEvery > 0 && orderId % cancelEvery == 0;
    }

    private void answerPurchaseOrder(String key) {
        Matcher number = PO_NUMBER.matcher(key);
        if (!number.matches()) {
            return;
        }
        long order = Long.parseLong(number.group(1));
        supplierSays(key, "ACCEPTED", null);
        // A consumer who cancels too late (409) gets the parcel.
        if (!cancelled(order, cancelEvery)
                || call("POST", "/api/orders/" + order + "/cancel", "", Map.of("Authorization", operator())).statusCode() >= 300) {
            String parcel = "RP-" + order;
            supplierSays(key, "SHIPPED", parcel);
            call("POST", "/api/webhooks/carriers/events", json(Map.of("eventId", UUID.randomUUID().toString(),
                    "carrierCode", CARRIER, "trackingNumber", parcel, "status", "DELIVERED",
                    "occurredAt", Instant.now().toString(), "location", "Köln")), Map.of("X-Dropflow-Webhook-Token", WEBHOOK_TOKEN));
        }
    }

    private void supplierSays(String purchaseOrderNumber, String type, String trackingNumber) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("purchaseOrderNumber", purchaseOrderNumber);
        if (trackingNumber != null) {
            event.put("carrierCode", CARRIER);
            event.put("trackingNumber", trackingNumber);
        }
        String body = json(event);
        call("POST", "/api/webhooks/suppliers/" + SUPPLIER + "/events", body, null);
    }

    /** Places an order through the REST API; the same storefront order id again is the same order. */
    long placeOrder(long storefrontOrderId) {
        String body = json(DropflowDriver.order(Long.toString(storefrontOrderId), SKU, 1, "20.00"));
        HttpResponse<String> answer = call("POST", "/api/orders", body, Map.of("Authorization", operator()));
        try {
            return JSON.readTree(answer.body()).path("id").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String operator() {
        return "Basic " + Base64.getEncoder().encodeToString((DropflowNode.SHOP + ":" + DropflowNode.SHOP_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Calls a node until one answers other than with a 5xx or a broken connection (a killed or
     * restarting node), for up to five minutes. Supplier webhooks are signed afresh on every try.
     */
    private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            List<String> urls = nodes.get();
            String node = urls.get(Math.floorMod(nextNode.getAndIncrement(), urls.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            if (headers != null) {
                headers.forEach(request::header);
            } else {
                long now = Instant.now().getEpochSecond();
                request.header("X-Dropflow-Timestamp", Long.toString(now));
                request.header("X-Dropflow-Signature", "v1=" + Signatures.hmacSha256Hex(WEBHOOK_SECRET, now + "." + body));
            }
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() < 500) {
                    if (answer.statusCode() >= 400) {
                        refused.add(method + " " + path + " -> " + answer.statusCode() + " " + answer.body());
                    }
                    return answer;
                }
            } catch (IOException down) {
                // the node is down or restarting: try again, maybe another
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no node took " + method + " " + path + " within five minutes");
            }
            callsRetried.incrementAndGet();
            DropflowNode.sleep(300);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every answer the partners owe has been given. */
    void drain(Duration timeout) throws InterruptedException {
        answers.shutdown();
        answers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        answers.shutdownNow();
        supplier.stop();
        shopify.close();
    }
}
