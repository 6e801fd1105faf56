package io.dropflow.order;

import static io.dropflow.support.DropflowDriver.anonymous;
import static io.dropflow.support.DropflowDriver.asOperator;
import static io.dropflow.support.DropflowDriver.asPartner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.order.internal.Orders;
import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** The REST API's contract: idempotent intake, clear problem details, authentication. */
@DropflowTest
class OrderApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Orders orders;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
    }

    private static Map<String, Object> validOrder() {
        return new java.util.HashMap<>(DropflowDriver.order("SHOP-" + UUID.randomUUID(), "DEMO-MUG", 2, "15.00"));
    }

    private long processesFor(long orderId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(OrderFulfillmentProcess.businessKey(orderId)).count();
    }

    @Test
    void theSameStorefrontOrderTwiceIsOneOrderAndOneProcess() {
        Map<String, Object> order = validOrder();

        DropflowDriver.Placed first = dropflow.place(order);
        DropflowDriver.Placed again = dropflow.place(order);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(processesFor(first.orderId())).isEqualTo(1);
        assertThat(first.body().path("saleTotal").decimalValue()).isEqualByComparingTo("30.00");
    }

    /** The IETF Idempotency-Key draft's answer to a key reused with a different payload: 422, naming what differs. */
    @Test
    void theSameStorefrontOrderIdWithAnotherContentIsRefusedNamingTheFieldsAndTheOrder() {
        Map<String, Object> order = validOrder();
        DropflowDriver.Placed first = dropflow.place(order);
        Map<String, Object> other = DropflowDriver.order((String) order.get("storefrontOrderId"), "DEMO-MUG", 3, "15.00",
                "Venloer Strasse 1");
        long before = orders.count();

        ResponseEntity<String> response = dropflow.post("/api/orders", other, asOperator());

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = DropflowDriver.read(response.getBody());
        assertThat(problem.path("type").asText()).isEqualTo("https://dropflow.io/problems/storefront-order-id-reused");
        assertThat(problem.path("storefrontOrderId").asText()).isEqualTo(order.get("storefrontOrderId"));
        assertThat(problem.path("orderId").asLong()).isEqualTo(first.orderId());
        assertThat(problem.path("differingFields")).extracting(JsonNode::asText)
                .containsExactly("lines[0].quantity", "shippingAddress.line1");
        assertThat(problem.path("detail").asText()).contains((String) order.get("storefrontOrderId"),
                "order " + first.orderId(), "lines[0].quantity", "shippingAddress.line1");
        assertThat(orders.count()).isEqualTo(before);
        DropflowDriver.Placed again = dropflow.place(order);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.orderId()).isEqualTo(first.orderId());
    }

    /**
     * Sent by several clients at once, the same storefront order is one order (one 201, the others 200 with
     * it); another content under the same id at the same moment is refused, whichever request won.
     */
    @Test
    void theSameStorefrontOrderSentAtOnceIsOneOrderAndAnotherContentAtOnceIsRefused() throws Exception {
        Map<String, Object> order = validOrder();
        List<DropflowDriver.Placed> same = io.dropflow.support.AtOnce.send(4, () -> dropflow.place(order));

        assertThat(same).extracting(DropflowDriver.Placed::status).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(same).extracting(DropflowDriver.Placed::orderId).containsOnly(same.get(0).orderId());
        assertThat(processesFor(same.get(0).orderId())).isEqualTo(1);

        String id = "SHOP-" + UUID.randomUUID();
        List<Map<String, Object>> contents = List.of(DropflowDriver.order(id, "DEMO-MUG", 1, "15.00"),
                DropflowDriver.order(id, "DEMO-MUG", 2, "15.00"));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = io.dropflow.support.AtOnce.send(4, () -> {
            int quantity = next.getAndIncrement() % 2;
            return dropflow.place(contents.get(quantity)).status();
        });

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(201).containsOnly(201, 200, 422)
                .filteredOn(s -> s == 422).hasSize(2);
    }

    /** An order taken before its content was kept (V22) has nothing to compare: its id again still answers 200. */
    @Test
    void anOrderTakenBeforeItsContentWasKeptStillAnswersItsIdWith200() {
        Map<String, Object> order = validOrder();
        DropflowDriver.Placed first = dropflow.place(order);
        jdbc.update("update customer_order set intake_fingerprint = null where id = ?", first.orderId());

        DropflowDriver.Placed again = dropflow.place(order);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.orderId()).isEqualTo(first.orderId());
    }

    @Test
    void invalidOrderIsRefusedWithEveryBadFieldNamed() {
        Map<String, Object> order = validOrder();
        order.put("currency", "euro");
        order.put("consumer", Map.of("name", "Erika", "email", "not-an-email"));
        order.put("lines", List.of(Map.of("sku", "DEMO-MUG", "quantity", 0, "salePrice", "-1")));
        long before = orders.count();

        ResponseEntity<String> response = dropflow.post("/api/orders", order, asOperator());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = DropflowDriver.read(response.getBody());
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText())
                .contains("currency", "consumer.email", "lines[0].quantity", "lines[0].salePrice");
        assertThat(orders.count()).isEqualTo(before);
    }

    /** Jackson's default would take 1.5 pieces as one; a quantity is a whole number or the request is refused. */
    @Test
    void aFractionOfAPieceIsRefusedNamingTheField() {
        Map<String, Object> order = validOrder();
        order.put("lines", List.of(Map.of("sku", "DEMO-MUG", "quantity", 1.5, "salePrice", "15.00")));
        long before = orders.count();

        ResponseEntity<String> response = dropflow.post("/api/orders", order, asOperator());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = DropflowDriver.read(response.getBody());
        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("lines[0].quantity");
        assertThat(orders.count()).isEqualTo(before);
    }

    /** Jackson's default would take "1" as one piece; a quantity is a JSON number or the request is refused. */
    @Test
    void aNumberSentAsTextIsRefusedNamingTheField() {
        Map<String, Object> order = validOrder();
        order.put("lines", List.of(Map.of("sku", "DEMO-MUG", "quantity", "1", "salePrice", "15.00")));
        long before = orders.count();

        ResponseEntity<String> response = dropflow.post("/api/orders", order, asOperator());

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        JsonNode problem = DropflowDriver.read(response.getBody());
        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("lines[0].quantity");
        assertThat(problem.path("errors").findValuesAsText("message"))
                .containsExactly("must be a number, sent as a JSON number (1, not \"1\")");
        assertThat(orders.count()).isEqualTo(before);
    }

    /** A partner's webhook takes a number sent as text, as partners send them (CJ, Shopify). */
    @Test
    void aPartnersWebhookTakesANumberSentAsText() {
        String push = "{\"eventId\":\"o-" + UUID.randomUUID() + "\",\"offers\":[{\"supplierSku\":\"NO-SUCH-SKU\","
                + "\"stock\":\"12\"}]}";

        ResponseEntity<String> response = dropflow.postRaw("/api/webhooks/suppliers/ACME/offers", push, asPartner());

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(DropflowDriver.read(response.getBody()).path("unknownSupplierSkus").toString())
                .isEqualTo("[\"NO-SUCH-SKU\"]");
    }

    /**
     * A consumer's cancellation sent five times at once: each is taken (202) or asked to try again
     * (409, the order changed meanwhile), never a server error.
     */
    @Test
    void cancellationsSentAtOnceAreTakenOrAskedToRetryNeverAServerError() throws Exception {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", DropflowDriver.po(order, 1), "ACCEPTED");
        List<Integer> statuses = io.dropflow.support.AtOnce.send(5, () -> dropflow.cancel(order).getStatusCode().value());

        assertThat(statuses).as(statuses.toString()).containsAnyOf(202).allMatch(s -> s == 202 || s == 409);
    }

    /** A value a JSON creator refuses (an API key scope that does not exist) is named like any invalid field. */
    @Test
    void anUnknownApiKeyScopeIsAnInvalidRequestNamingTheField() {
        ResponseEntity<String> response = dropflow.post("/api/api-keys", Map.of("name", "Bad", "scopes", List.of("root")),
                h -> h.setBasicAuth("sam", "sam"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = DropflowDriver.read(response.getBody());
        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("scopes[0]");
    }

    /** ZZ has the shape of a country code but is none: nothing could be shipped there. */
    @Test
    void aCountryThatDoesNotExistIsRefused() {
        Map<String, Object> order = validOrder();
        order.put("shippingAddress", Map.of("name", "Erika Mustermann", "line1", "Heidestrasse 17", "city", "Köln",
                "postalCode", "51147", "country", "ZZ"));

        ResponseEntity<String> response = dropflow.post("/api/orders", order, asOperator());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(DropflowDriver.read(response.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("shippingAddress.country");
    }

    /** Paths, methods and content types no endpoint takes are problem details too, not Spring Boot's error page. */
    @Test
    void requestsNoEndpointTakesAreProblemDetails() {
        ResponseEntity<String> unknownPath = dropflow.get("/api/nope", asOperator());
        ResponseEntity<String> wrongMethod = dropflow.put("/api/orders/1", Map.of(), asOperator());
        ResponseEntity<String> wrongType = dropflow.http().post().uri("/api/orders")
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN).headers(asOperator()).body("order")
                .retrieve().toEntity(String.class);

        assertThat(List.of(unknownPath, wrongMethod, wrongType)).extracting(r -> r.getStatusCode().value())
                .containsExactly(404, 405, 415);
        assertThat(List.of(unknownPath, wrongMethod, wrongType)).allSatisfy(r -> {
            assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(DropflowDriver.read(r.getBody()).path("status").asInt()).isEqualTo(r.getStatusCode().value());
        });
        assertThat(wrongMethod.getHeaders().getAllow()).isNotEmpty();
    }

    @Test
    void unreadableJsonIsABadRequestNotAServerError() {
        ResponseEntity<String> response = dropflow.postRaw("/api/orders", "{\"storefrontOrderId\": ", asOperator());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(DropflowDriver.read(response.getBody()).path("title").asText()).isEqualTo("Unreadable request body");
    }

    @Test
    void aKeyTwiceInOneObjectIsABadRequestNamingItAndNothingIsStored() throws Exception {
        String storefrontOrderId = "SHOP-" + UUID.randomUUID();
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                DropflowDriver.order(storefrontOrderId, "DEMO-MUG", 1, "15.00"));
        String twiceInALine = json.replace("\"quantity\":1", "\"quantity\":1,\"quantity\":5");
        String twiceAtTheTop = json.replace("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"currency\":\"USD\"");
        assertThat(twiceInALine).isNotEqualTo(json);
        assertThat(twiceAtTheTop).isNotEqualTo(json);

        ResponseEntity<String> inALine = dropflow.postRaw("/api/orders", twiceInALine, asOperator());
        ResponseEntity<String> atTheTop = dropflow.postRaw("/api/orders", twiceAtTheTop, asOperator());

        assertThat(inALine.getStatusCode().value()).as(inALine.getBody()).isEqualTo(400);
        assertThat(inALine.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = DropflowDriver.read(inALine.getBody());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(problem.path("detail").asText()).contains("quantity").contains("twice");
        assertThat(atTheTop.getStatusCode().value()).as(atTheTop.getBody()).isEqualTo(400);
        assertThat(DropflowDriver.read(atTheTop.getBody()).path("errors").get(0).path("field").asText())
                .isEqualTo("currency");
        assertThat(orders.findByStorefrontOrderId(storefrontOrderId)).isEmpty();
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsABadRequestNamingItAndNothingIsStored() throws Exception {
        String storefrontOrderId = "SHOP-" + UUID.randomUUID();
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                DropflowDriver.order(storefrontOrderId, "DEMO-MUG", 1, "15.00"));
        String giftWrap = json.replace("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"giftWrap\":true");
        String misspelt = json.replace("\"quantity\":1", "\"quantity\":1,\"salesPrice\":\"12.00\"");
        assertThat(giftWrap).isNotEqualTo(json);
        assertThat(misspelt).isNotEqualTo(json);

        ResponseEntity<String> atTheTop = dropflow.postRaw("/api/orders", giftWrap, asOperator());
        ResponseEntity<String> inALine = dropflow.postRaw("/api/orders", misspelt, asOperator());

        assertThat(atTheTop.getStatusCode().value()).as(atTheTop.getBody()).isEqualTo(400);
        assertThat(atTheTop.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode error = DropflowDriver.read(atTheTop.getBody()).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("giftWrap");
        assertThat(error.path("message").asText()).contains("is not a field of this request").contains("storefrontOrderId");
        assertThat(inALine.getStatusCode().value()).as(inALine.getBody()).isEqualTo(400);
        assertThat(DropflowDriver.read(inALine.getBody()).path("errors").get(0).path("field").asText())
                .isEqualTo("lines[0].salesPrice");
        assertThat(orders.findByStorefrontOrderId(storefrontOrderId)).isEmpty();
    }

    /** A partner adds fields to its events: a webhook takes the event and ignores what it does not know. */
    @Test
    void aPartnersWebhookIgnoresAFieldItDoesNotKnow() {
        String event = "{\"eventId\":\"e5\",\"type\":\"ACCEPTED\",\"purchaseOrderNumber\":\"DF-0-PO9\","
                + "\"warehouse\":\"Shenzhen 2\"}";

        ResponseEntity<String> response = dropflow.postRaw("/api/webhooks/suppliers/ACME/events", event, asPartner());

        assertThat(response.getStatusCode().value()).as("read, then not found, as without the field").isEqualTo(404);
        assertThat(response.getBody()).contains("DF-0-PO9");
    }

    private long timelineLines(long orderId, String what) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        dropflow.getOrder(orderId).path("timeline").forEach(e -> lines.add(e.path("what").asText()));
        return lines.stream().filter(what::equals).count();
    }

    /**
     * Exploratory test, point 4: a second cancel request added a second "Consumer asked to cancel", and
     * answered 409 while the order's process had still to take the first in, or once it was cancelled.
     * The same cancellation again answers 202 with the order as it stands and writes nothing.
     */
    @Test
    void theSameCancellationAgainAnswersAsTheFirstAndAddsNothingToTheTimeline() {
        long early = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        assertThat(dropflow.cancel(early).getStatusCode().value()).isEqualTo(202);
        assertThat(dropflow.cancel(early).getStatusCode().value()).as("before the process took it in").isEqualTo(202);
        assertThat(timelineLines(early, "Consumer asked to cancel")).isEqualTo(1);

        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", DropflowDriver.po(order, 1), "ACCEPTED");
        assertThat(dropflow.cancel(order).getStatusCode().value()).isEqualTo(202);
        ResponseEntity<String> again = dropflow.cancel(order);
        assertThat(again.getStatusCode().value()).as("while the supplier is still to be asked: " + again.getBody())
                .isEqualTo(202);
        dropflow.runJobs(order);
        assertThat(dropflow.cancel(order).getStatusCode().value()).isEqualTo(202);
        dropflow.supplierSays("ACME", DropflowDriver.po(order, 1), "CANCELLATION_ACCEPTED");
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("CANCELLED");
        ResponseEntity<String> afterwards = dropflow.cancel(order);
        assertThat(afterwards.getStatusCode().value()).as("once cancelled: " + afterwards.getBody()).isEqualTo(202);
        assertThat(DropflowDriver.read(afterwards.getBody()).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(timelineLines(order, "Consumer asked to cancel")).isEqualTo(1);

        long shipped = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(shipped);
        dropflow.supplierShipped("ACME", DropflowDriver.po(shipped, 1), "TRK-NO-CANCEL-" + shipped);
        dropflow.runJobs(shipped);
        assertThat(dropflow.cancel(shipped).getStatusCode().value()).as("too late, as before").isEqualTo(409);
        assertThat(timelineLines(shipped, "Consumer asked to cancel")).isZero();
    }

    /** Two cancellations at once take turns on the order's row: both answered 202, one taken, one line. */
    @Test
    void twoCancellationsAtOnceAreTakenOnce() throws Exception {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", DropflowDriver.po(order, 1), "ACCEPTED");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(two.submit(() -> {
                    together.await();
                    return dropflow.cancel(order).getStatusCode().value();
                }));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(202);
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(timelineLines(order, "Consumer asked to cancel")).isEqualTo(1);
    }

    @Test
    void unknownSkuIsUnprocessable() {
        Map<String, Object> order = DropflowDriver.order("SHOP-" + UUID.randomUUID(), "NO-SUCH-THING", 1, "9.99");

        ResponseEntity<String> response = dropflow.post("/api/orders", order, asOperator());

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(DropflowDriver.read(response.getBody()).path("skus").get(0).asText()).isEqualTo("NO-SUCH-THING");
        assertThat(orders.findByStorefrontOrderId(String.valueOf(order.get("storefrontOrderId")))).isEmpty();
    }

    @Test
    void unknownOrderIsNotFound() {
        ResponseEntity<String> response = dropflow.get("/api/orders/987654321", asOperator());

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).contains("no order 987654321");
    }

    @Test
    void ourApiAndTheEngineApiNeedALogin() {
        // (a wrong password for a real user would lock it for a few seconds: Camunda throttles logins)
        assertThat(dropflow.post("/api/orders", validOrder(), anonymous()).getStatusCode().value()).isEqualTo(401);
        assertThat(dropflow.get("/api/orders/1", h -> h.setBasicAuth("nobody", "wrong")).getStatusCode().value())
                .isEqualTo(401);
        assertThat(dropflow.get("/engine-rest/task", anonymous()).getStatusCode().value()).isEqualTo(401);
        assertThat(dropflow.get("/engine-rest/task", asOperator()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void healthIsOpenForProbes() {
        ResponseEntity<String> health = dropflow.get("/actuator/health", anonymous());

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("UP");
    }

    @Test
    void webhooksNeedThePartnerToken() {
        String event = "{\"eventId\":\"e1\",\"type\":\"ACCEPTED\",\"purchaseOrderNumber\":\"DF-1-PO1\"}";

        assertThat(dropflow.postRaw("/api/webhooks/suppliers/ACME/events", event, anonymous()).getStatusCode().value())
                .isEqualTo(401);
        assertThat(dropflow.postRaw("/api/webhooks/suppliers/ACME/events", event,
                h -> h.set("X-Dropflow-Webhook-Token", "guess")).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aWebhookAboutAnUnknownPurchaseOrderIsNotFound() {
        String event = "{\"eventId\":\"e2\",\"type\":\"ACCEPTED\",\"purchaseOrderNumber\":\"DF-0-PO9\"}";

        ResponseEntity<String> response = dropflow.postRaw("/api/webhooks/suppliers/ACME/events", event, asPartner());

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).contains("DF-0-PO9");
    }

    @Test
    void aShippedEventWithoutTrackingIsRefused() {
        String event = "{\"eventId\":\"e3\",\"type\":\"SHIPPED\",\"purchaseOrderNumber\":\"DF-1-PO1\"}";

        ResponseEntity<String> response = dropflow.postRaw("/api/webhooks/suppliers/ACME/events", event, asPartner());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("carrierCode and trackingNumber");
    }

    @Test
    void anUnknownEventTypeIsABadRequest() {
        String event = "{\"eventId\":\"e4\",\"type\":\"TELEPORTED\",\"purchaseOrderNumber\":\"DF-1-PO1\"}";

        assertThat(dropflow.postRaw("/api/webhooks/suppliers/ACME/events", event, asPartner()).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void anOperatorSeesTheGroupFilterInTasklist() {
        ResponseEntity<String> filters = dropflow.get("/engine-rest/filter", asOperator());

        assertThat(filters.getStatusCode().value()).isEqualTo(200);
        assertThat(filters.getBody()).contains("My group's tasks");
    }

    /**
     * The order list through the whole application: a storefront's key (scope orders, as for GET
     * /api/orders/{id}) finds the order it placed by its own id, newest first; bad parameters are one
     * 400 problem naming each, and nobody logged in is asked to log in.
     */
    @Test
    void theOrderListFindsAnOrderByTheStorefrontsIdAndNamesEachBadParameter() {
        // Other tests place orders in the same application meanwhile: "newest first" is checked on two of this test's.
        // to the microsecond, as the list takes it (a finer time is a 400 naming createdFrom)
        String since = java.time.Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
        DropflowDriver.Placed earlier = dropflow.place(validOrder());
        DropflowDriver.Placed placed = dropflow.place(validOrder());
        String key = dropflow.issueApiKey("order list storefront", List.of("orders"));

        ResponseEntity<String> found = dropflow.get("/api/orders?storefrontOrderId=" + placed.storefrontOrderId(),
                h -> h.set("X-Api-Key", key));
        ResponseEntity<String> newest = dropflow.get("/api/orders?size=200&createdFrom=" + since, asOperator());
        ResponseEntity<String> refused = dropflow.get("/api/orders?status=FOO&size=500", asOperator());

        assertThat(found.getStatusCode().value()).as(found.getBody()).isEqualTo(200);
        JsonNode page = DropflowDriver.read(found.getBody());
        assertThat(page.path("totalElements").asLong()).isEqualTo(1);
        assertThat(page.path("content").get(0).path("id").asLong()).isEqualTo(placed.orderId());
        assertThat(page.path("content").get(0).path("saleTotal").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(page.path("content").get(0).path("currency").asText()).isEqualTo("EUR");
        List<Long> newestFirst = new java.util.ArrayList<>();
        DropflowDriver.read(newest.getBody()).path("content").forEach(o -> newestFirst.add(o.path("id").asLong()));
        assertThat(newestFirst).contains(earlier.orderId(), placed.orderId());
        assertThat(newestFirst.indexOf(placed.orderId())).as("the later order first: %s", newestFirst)
                .isLessThan(newestFirst.indexOf(earlier.orderId()));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(DropflowDriver.read(refused.getBody()).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("status", "size");
        assertThat(dropflow.get("/api/orders", anonymous()).getStatusCode().value()).isEqualTo(401);
        // Explorer s14 "judge" defect 11: an empty filter answered every order, an empty size the default page
        ResponseEntity<String> empty = dropflow.get("/api/orders?storefrontOrderId=&size=", asOperator());
        assertThat(empty.getStatusCode().value()).as(empty.getBody()).isEqualTo(400);
        assertThat(DropflowDriver.read(empty.getBody()).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("storefrontOrderId", "size");
    }
}
