package io.dropflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.supplier.Purchasing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Drives Dropflow the way production does: orders and partner events over HTTP, and the jobs the
 * job executor would run (executed here, on the test's thread, so every step is deterministic).
 */
public class DropflowDriver {

    public static final String WEBHOOK_TOKEN = "test-webhook-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;
    private final ProcessEngine engine;
    private final Map<Long, ProcessInstance> instances = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ProcessInstance> caseInstances = new java.util.concurrent.ConcurrentHashMap<>();

    /** Who places orders: an operator by default (HTTP Basic), a storefront's API key after {@link #asStorefront}. */
    private java.util.function.Consumer<HttpHeaders> storefront = asOperator();

    public DropflowDriver(int port, ProcessEngine engine) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        this.engine = engine;
    }

    /**
     * Places orders from now on as a storefront integration does: with an API key of scope
     * {@code orders}, made here by the supervisor sam (as an operations team makes one per storefront).
     */
    public DropflowDriver asStorefront(String name) {
        String key = issueApiKey(name, List.of("orders"));
        storefront = h -> h.set("X-Api-Key", key);
        return this;
    }

    /** A new integration key made by the supervisor sam; the key itself, as the answer shows it once. */
    public String issueApiKey(String name, List<String> scopes) {
        ResponseEntity<String> made = post("/api/api-keys", Map.of("name", name, "scopes", scopes),
                h -> h.setBasicAuth("sam", "sam"));
        if (made.getStatusCode().value() != 201) {
            throw new AssertionError("making API key " + name + " answered " + made.getStatusCode() + ": "
                    + made.getBody());
        }
        return read(made.getBody()).path("key").asText();
    }

    public record Placed(long orderId, String storefrontOrderId, int status, JsonNode body) {
    }

    public static Map<String, Object> order(String storefrontOrderId, String sku, int quantity, String salePrice) {
        return order(storefrontOrderId, sku, quantity, salePrice, "Heidestrasse 17");
    }

    public static Map<String, Object> order(String storefrontOrderId, String sku, int quantity, String salePrice,
            String addressLine1) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("storefrontOrderId", storefrontOrderId);
        order.put("currency", "EUR");
        order.put("consumer", Map.of("name", "Erika Mustermann", "email", "erika@example.com", "phone", "+49 221 123"));
        order.put("shippingAddress", Map.of("name", "Erika Mustermann", "line1", addressLine1, "city", "Köln",
                "postalCode", "51147", "country", "DE"));
        order.put("lines", List.of(Map.of("sku", sku, "quantity", quantity, "salePrice", salePrice)));
        return order;
    }

    public Placed placeOrder(String sku, int quantity, String salePrice) {
        return place(order("SHOP-" + UUID.randomUUID(), sku, quantity, salePrice));
    }

    public Placed place(Map<String, Object> order) {
        ResponseEntity<String> response = post("/api/orders", order, storefront);
        JsonNode body = read(response.getBody());
        return new Placed(body.path("id").asLong(), String.valueOf(order.get("storefrontOrderId")),
                response.getStatusCode().value(), body);
    }

    public JsonNode getOrder(long orderId) {
        return read(http.get().uri("/api/orders/{id}", orderId).headers(asOperator()).retrieve()
                .toEntity(String.class).getBody());
    }

    public ResponseEntity<String> cancel(long orderId) {
        return http.post().uri("/api/orders/{id}/cancel", orderId).headers(asOperator()).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> supplierSays(String supplierCode, String purchaseOrderNumber, String type) {
        return supplierSays(supplierCode, purchaseOrderNumber, type, null, null, null);
    }

    public ResponseEntity<String> supplierShipped(String supplierCode, String purchaseOrderNumber, String trackingNumber) {
        return supplierSays(supplierCode, purchaseOrderNumber, "SHIPPED", null, "SANDBOX-POST", trackingNumber);
    }

    public ResponseEntity<String> supplierSays(String supplierCode, String purchaseOrderNumber, String type,
            String reasonCode, String carrierCode, String trackingNumber) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("purchaseOrderNumber", purchaseOrderNumber);
        event.put("supplierReference", supplierCode + "-REF");
        event.put("reasonCode", reasonCode);
        event.put("carrierCode", carrierCode);
        event.put("trackingNumber", trackingNumber);
        return post("/api/webhooks/suppliers/" + supplierCode + "/events", event, asPartner());
    }

    public ResponseEntity<String> carrierSays(String trackingNumber, String status) {
        return carrierSays(trackingNumber, status, java.time.Instant.now());
    }

    /** A carrier event that happened at {@code occurredAt} (e.g. the engine clock's time after a test moved it). */
    public ResponseEntity<String> carrierSays(String trackingNumber, String status, java.time.Instant occurredAt) {
        return post("/api/webhooks/carriers/events", Map.of("eventId", UUID.randomUUID().toString(),
                "carrierCode", "SANDBOX-POST", "trackingNumber", trackingNumber, "status", status,
                "occurredAt", occurredAt.toString(), "location", "Köln hub"), asPartner());
    }

    public ResponseEntity<String> post(String path, Object body, java.util.function.Consumer<HttpHeaders> headers) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).headers(headers).body(body)
                .retrieve().toEntity(String.class);
    }

    /**
     * A purchase order event from supplier WIRED (Dropflow's supplier API), signed with
     * {@code secret} at {@code timestamp} as the supplier signs its webhook calls.
     */
    public ResponseEntity<String> wiredSupplierSays(String purchaseOrderNumber, String type, String trackingNumber,
            long timestamp, String secret) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("purchaseOrderNumber", purchaseOrderNumber);
        if (trackingNumber != null) {
            event.put("carrierCode", "SANDBOX-POST");
            event.put("trackingNumber", trackingNumber);
        }
        String body;
        try {
            body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String signature = "v1=" + Signatures.hmacSha256Hex(secret, timestamp + "." + body);
        return postRaw("/api/webhooks/suppliers/" + TestSupplierApi.SUPPLIER + "/events", body, h -> {
            h.set("X-Dropflow-Timestamp", Long.toString(timestamp));
            h.set("X-Dropflow-Signature", signature);
        });
    }

    public ResponseEntity<String> put(String path, Object body, java.util.function.Consumer<HttpHeaders> headers) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).headers(headers).body(body)
                .retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> postRaw(String path, String body, java.util.function.Consumer<HttpHeaders> headers) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).headers(headers).body(body)
                .retrieve().toEntity(String.class);
    }

    /** The client itself, for requests the helpers here do not make (another content type, another method). */
    public RestClient http() {
        return http;
    }

    public ResponseEntity<String> get(String path, java.util.function.Consumer<HttpHeaders> headers) {
        return http.get().uri(path).headers(headers).retrieve().toEntity(String.class);
    }

    public static java.util.function.Consumer<HttpHeaders> asOperator() {
        return h -> h.setBasicAuth("mary", "mary");
    }

    public static java.util.function.Consumer<HttpHeaders> asPartner() {
        return h -> h.set("X-Dropflow-Webhook-Token", WEBHOOK_TOKEN);
    }

    public static java.util.function.Consumer<HttpHeaders> anonymous() {
        return h -> { };
    }

    /** The order's process instance (kept once found, so assertions still work after it ended). */
    public ProcessInstance process(long orderId) {
        return instances.computeIfAbsent(orderId, id -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(OrderFulfillmentProcess.businessKey(id)).singleResult());
    }

    public String processInstanceId(long orderId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(OrderFulfillmentProcess.businessKey(orderId)).singleResult().getId();
    }

    /**
     * Runs the asynchronous continuations that are due, as the job executor would, until none is
     * left. A failing job is left as the job executor leaves it: retries decremented, due later.
     */
    public void runJobs(long orderId) {
        String order = processInstanceId(orderId);
        runJobsOf(() -> {
            startOwedDelayNotices(orderId); // owed by a job of the round before, started as the job executor would
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(order), delayNotices(orderId).stream())
                    .toList();
        }, "order " + orderId);
    }

    /**
     * Runs the jobs that start the order's owed "Consumer delay notice" instances, as the job executor
     * does after the deadlines due now (ADR 19, second addendum).
     */
    public void startOwedDelayNotices(long orderId) {
        for (Job owed : io.dropflow.processengine.MessageStartsLater.waiting(engine,
                io.dropflow.order.process.ConsumerDelayNoticeProcess.PROCESS_KEY,
                io.dropflow.order.process.ConsumerDelayNoticeProcess.businessKey(orderId))) {
            engine.getManagementService().executeJob(owed.getId());
        }
    }

    /** The running "Consumer delay notice" instances of the order (consumer-delay-notice.bpmn), by instance id. */
    public List<String> delayNotices(long orderId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(io.dropflow.order.process.ConsumerDelayNoticeProcess.businessKey(orderId))
                .list().stream().map(ProcessInstance::getId).sorted().toList();
    }

    /** {@link #runJobs} for a defect claim's process. */
    public void runClaimJobs(long claimId) {
        runJobsOf(caseInstanceId("claim-" + claimId), "claim " + claimId);
    }

    public String claimProcessInstanceId(long claimId) {
        return caseInstanceId("claim-" + claimId);
    }

    /** The claim's process instance (kept once found, so assertions still work after it ended). */
    public ProcessInstance claimProcess(long claimId) {
        return caseInstances.computeIfAbsent("claim-" + claimId, this::runningInstance);
    }

    /** Fires a claim process's timer now, whatever its due date. */
    public void fireClaimTimer(long claimId, String activityId) {
        fireCaseTimer("claim-" + claimId, activityId);
    }

    /** {@link #runJobs} for a return's process. */
    public void runReturnJobs(long returnId) {
        runJobsOf(caseInstanceId("return-" + returnId), "return " + returnId);
    }

    public String returnProcessInstanceId(long returnId) {
        return caseInstanceId("return-" + returnId);
    }

    public ProcessInstance returnProcess(long returnId) {
        return caseInstances.computeIfAbsent("return-" + returnId, this::runningInstance);
    }

    public void fireReturnTimer(long returnId, String activityId) {
        fireCaseTimer("return-" + returnId, activityId);
    }

    public ResponseEntity<String> requestReturn(long orderId, Map<String, Object> request) {
        return post("/api/orders/" + orderId + "/returns", request, asOperator());
    }

    public JsonNode getReturn(long returnId) {
        return read(get("/api/returns/" + returnId, asOperator()).getBody());
    }

    public static Map<String, Object> returnRequest(String reason, String wish, String exchangeSku) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("lines", List.of(Map.of("lineNo", 1, "quantity", 1)));
        request.put("reason", reason);
        request.put("wish", wish);
        request.put("exchangeSku", exchangeSku);
        request.put("note", "not what I expected");
        return request;
    }

    public ResponseEntity<String> supplierAnswersReturn(String supplierCode, long returnId, int round, String answer,
            String amount) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("returnNumber", "DF-RT" + returnId);
        event.put("round", round);
        event.put("answer", answer);
        event.put("amount", amount);
        return post("/api/webhooks/suppliers/" + supplierCode + "/return-answers", event, asPartner());
    }

    public ResponseEntity<String> supplierInspects(String supplierCode, long returnId, String result) {
        return post("/api/webhooks/suppliers/" + supplierCode + "/return-inspections", Map.of("eventId",
                UUID.randomUUID().toString(), "returnNumber", "DF-RT" + returnId, "result", result), asPartner());
    }

    public ResponseEntity<String> consumerAnswers(long returnId, boolean accept) {
        return post("/api/returns/" + returnId + "/consumer-answer", Map.of("accept", accept), asOperator());
    }

    private String caseInstanceId(String businessKey) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult().getId();
    }

    private ProcessInstance runningInstance(String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private void fireCaseTimer(String businessKey, String activityId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(caseInstanceId(businessKey))
                .timers().activityId(activityId).singleResult();
        if (timer == null) {
            throw new IllegalStateException("no timer at " + activityId + " for " + businessKey);
        }
        engine.getManagementService().executeJob(timer.getId());
    }

    public ResponseEntity<String> fileClaim(long orderId, Map<String, Object> claim) {
        return post("/api/orders/" + orderId + "/claims", claim, asOperator());
    }

    public JsonNode getClaim(long claimId) {
        return read(get("/api/claims/" + claimId, asOperator()).getBody());
    }

    public ResponseEntity<String> supplierAnswersClaim(String supplierCode, long claimId, int round, String answer,
            String remedy, String amount, String reason) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("claimNumber", "DF-CL" + claimId);
        event.put("round", round);
        event.put("answer", answer);
        event.put("remedy", remedy);
        event.put("amount", amount);
        event.put("reason", reason);
        return post("/api/webhooks/suppliers/" + supplierCode + "/claim-answers", event, asPartner());
    }

    /** The facts the task's form shows (its {@code facts} variable), by name. */
    public Map<String, Object> facts(org.camunda.bpm.engine.task.Task task) {
        return factsOf(engine, task);
    }

    /** The facts the task's form shows (its {@code facts} variable), by name. */
    public static Map<String, Object> factsOf(ProcessEngine engine, org.camunda.bpm.engine.task.Task task) {
        return io.dropflow.processengine.FormFacts.read(
                engine.getTaskService().getVariableLocalTyped(task.getId(), io.dropflow.processengine.FormFacts.VARIABLE, false));
    }

    /** The groups a task is offered to. */
    public List<String> candidateGroups(org.camunda.bpm.engine.task.Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
    }

    /** What the sandbox storefront received of this kind (REFUND, MESSAGE, TRACKING, ...) for the order, as details. */
    public List<String> storefrontCalls(io.dropflow.storefront.sandbox.SandboxStorefront storefront, long orderId, String kind) {
        String storefrontId = getOrder(orderId).path("storefrontOrderId").asText();
        return storefront.received(storefrontId).stream().filter(r -> r.kind().equals(kind))
                .map(io.dropflow.storefront.sandbox.SandboxStorefront.Received::detail).toList();
    }

    public static Map<String, Object> claim(String type, int quantity, String wish) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("type", type);
        claim.put("lines", List.of(Map.of("lineNo", 1, "quantity", quantity)));
        claim.put("description", "The mug arrived in pieces.");
        claim.put("evidenceUrls", List.of("https://photos.example.com/broken-mug.jpg"));
        claim.put("wish", wish);
        return claim;
    }

    private void runJobsOf(String instance, String what) {
        runJobsOf(() -> List.of(instance), what);
    }

    /** Runs the due asynchronous continuations of these instances (asked again each round: jobs may start new ones). */
    private void runJobsOf(java.util.function.Supplier<List<String>> instances, String what) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = instances.get().stream().flatMap(instance -> engine.getManagementService().createJobQuery()
                    .processInstanceId(instance).messages().executable().list().stream()).toList();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // recorded on the job (retries, exception message), as the job executor does
                }
            }
        }
        throw new IllegalStateException("jobs keep coming for " + what);
    }

    /** The order's timer job at {@code activityId} (a timer event, or a user task's timeout listener), or null. */
    public Job timer(long orderId, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId(orderId))
                .timers().activityId(activityId).singleResult();
    }

    /** Fires a timer now, whatever its due date (the engine clock is not moved). */
    public void fireTimer(long orderId, String activityId) {
        Job timer = timer(orderId, activityId);
        if (timer == null) {
            throw new IllegalStateException("no timer at " + activityId + " for order " + orderId);
        }
        engine.getManagementService().executeJob(timer.getId());
    }

    public static String po(long orderId, int attempt) {
        return Purchasing.purchaseOrderNumber(orderId, attempt);
    }

    public static JsonNode read(String json) {
        try {
            return json == null ? JSON.nullNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
