package io.dropflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.groupbuy.process.GroupBuyBatchProcess;
import io.dropflow.groupbuy.process.GroupBuyPurchaseProcess;
import io.dropflow.supplier.Purchasing;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Drives group buying the way production does: pickup points and offers through the catalog API,
 * group-buy orders through POST /api/orders, partner events through the webhooks, the leader through
 * the leader API, and the jobs of a batch and all its purchases as the job executor would run them.
 */
public class GroupBuyDriver {

    private final DropflowDriver dropflow;
    private final ProcessEngine engine;

    public GroupBuyDriver(DropflowDriver dropflow, ProcessEngine engine) {
        this.dropflow = dropflow;
        this.engine = engine;
    }

    public static Consumer<HttpHeaders> asSupervisor() {
        return h -> h.setBasicAuth("sam", "sam");
    }

    public static Consumer<HttpHeaders> asLeader() {
        return h -> h.setBasicAuth("leo", "leo");
    }

    public static Consumer<HttpHeaders> as(String user) {
        return h -> h.setBasicAuth(user, user);
    }

    /** A leader (once) and a new active pickup point of theirs. */
    public String pickupPoint(String leaderCode, String leaderUser, String country, String region, ZoneId zone) {
        if (dropflow.get("/api/leaders/" + leaderCode, asSupervisor()).getStatusCode().value() == 404) {
            ok(dropflow.post("/api/leaders", Map.of("code", leaderCode, "name", "Leader " + leaderCode,
                    "phone", "+86 21 5555 0199", "userId", leaderUser, "commissionRate", "0.10"), asSupervisor()));
        }
        String code = "PP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("code", code);
        point.put("name", "Point " + code);
        point.put("line1", "88 Lakeside Road");
        point.put("city", "Testtown");
        point.put("postalCode", "200000");
        point.put("region", region);
        point.put("country", country);
        point.put("timeZone", zone.getId());
        point.put("leader", leaderCode);
        ok(dropflow.post("/api/pickup-points", point, asSupervisor()));
        return code;
    }

    /** Offered for group buying, with this cap per batch (created once; the cap is the first test's). */
    public void offer(String sku, int cap) {
        if (dropflow.get("/api/group-buy-offers/" + sku, asSupervisor()).getStatusCode().value() == 404) {
            ok(dropflow.post("/api/group-buy-offers", Map.of("sku", sku, "stockCap", cap), asSupervisor()));
        }
    }

    public static Map<String, Object> order(String pickupPoint, Map<String, Integer> skus, String salePrice) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("storefrontOrderId", "GB-" + UUID.randomUUID());
        order.put("currency", "EUR");
        order.put("consumer", Map.of("name", "Consumer " + UUID.randomUUID().toString().substring(0, 4),
                "email", "consumer@example.com", "phone", "+86 138 0000 0000"));
        order.put("pickupPoint", pickupPoint);
        List<Map<String, Object>> lines = new ArrayList<>();
        skus.forEach((sku, quantity) -> lines.add(Map.of("sku", sku, "quantity", quantity, "salePrice", salePrice)));
        order.put("lines", lines);
        return order;
    }

    /** A group-buy order of one line; asserts it was taken. @return the order id */
    public long order(String pickupPoint, String sku, int quantity, String salePrice) {
        DropflowDriver.Placed placed = dropflow.place(order(pickupPoint, Map.of(sku, quantity), salePrice));
        if (placed.status() != 201) {
            throw new AssertionError("group-buy order answered " + placed.status() + ": " + placed.body());
        }
        return placed.orderId();
    }

    public JsonNode groupBuyOrder(long orderId) {
        return DropflowDriver.read(dropflow.get("/api/group-buy/orders/" + orderId, DropflowDriver.asOperator()).getBody());
    }

    public long batchOf(long orderId) {
        return groupBuyOrder(orderId).path("batchId").asLong();
    }

    public String pickupCode(long orderId) {
        return groupBuyOrder(orderId).path("pickupCode").asText();
    }

    public JsonNode batch(long batchId) {
        return DropflowDriver.read(dropflow.get("/api/group-buy/batches/" + batchId, DropflowDriver.asOperator()).getBody());
    }

    public ProcessInstance batchProcess(long batchId) {
        return instance(GroupBuyBatchProcess.businessKey(batchId));
    }

    public ProcessInstance purchaseProcess(long batchId, int purchaseNo) {
        return instance(GroupBuyPurchaseProcess.businessKey(batchId, purchaseNo));
    }

    /** The cutoff's timer fires (the engine clock is not moved), then every job of the batch runs. */
    public void cutoff(long batchId) {
        fire(GroupBuyBatchProcess.businessKey(batchId), GroupBuyBatchProcess.Element.CUTOFF.id());
        runJobs(batchId);
    }

    /** Fires a timer of the batch or of one of its purchases now, then runs the jobs that follow. */
    public void fire(long batchId, Integer purchaseNo, String activityId) {
        fire(purchaseNo == null ? GroupBuyBatchProcess.businessKey(batchId)
                : GroupBuyPurchaseProcess.businessKey(batchId, purchaseNo), activityId);
        runJobs(batchId);
    }

    public Job timer(long batchId, Integer purchaseNo, String activityId) {
        String key = purchaseNo == null ? GroupBuyBatchProcess.businessKey(batchId)
                : GroupBuyPurchaseProcess.businessKey(batchId, purchaseNo);
        return engine.getManagementService().createJobQuery().processInstanceId(historic(key).getId()).timers()
                .activityId(activityId).singleResult();
    }

    private void fire(String businessKey, String activityId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(historic(businessKey).getId())
                .timers().activityId(activityId).singleResult();
        if (timer == null) {
            throw new IllegalStateException("no timer at " + activityId + " for " + businessKey);
        }
        engine.getManagementService().executeJob(timer.getId());
    }

    /** The asynchronous jobs of the batch and of all its purchases, as the job executor would run them. */
    public void runJobs(long batchId) {
        String key = GroupBuyBatchProcess.businessKey(batchId);
        for (int round = 0; round < 100; round++) {
            List<String> instances = new ArrayList<>();
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                    .forEach(p -> instances.add(p.getId()));
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(key + "-purchase-%")
                    .list().forEach(p -> instances.add(p.getId()));
            List<Job> jobs = new ArrayList<>();
            for (String instance : instances) {
                jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(instance).messages()
                        .executable().list());
            }
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
        throw new IllegalStateException("jobs keep coming for batch " + batchId);
    }

    public static String po(long batchId, int purchaseNo) {
        return Purchasing.batchPurchaseOrderNumber(batchId, purchaseNo);
    }

    /** The supplier accepts, but cannot deliver these pieces (by its own SKUs). */
    public ResponseEntity<String> supplierAcceptsWithout(String supplierCode, String purchaseOrderNumber,
            Map<String, Integer> missing) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "ACCEPTED");
        event.put("purchaseOrderNumber", purchaseOrderNumber);
        List<Map<String, Object>> lines = new ArrayList<>();
        missing.forEach((sku, quantity) -> lines.add(Map.of("supplierSku", sku, "quantity", quantity)));
        event.put("missingLines", lines);
        return dropflow.post("/api/webhooks/suppliers/" + supplierCode + "/events", event, DropflowDriver.asPartner());
    }

    public ResponseEntity<String> supplierAnswersLineCancellation(String supplierCode, String purchaseOrderNumber,
            String cancellationNumber, boolean accepted) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", accepted ? "CANCELLATION_ACCEPTED" : "CANCELLATION_REFUSED");
        event.put("purchaseOrderNumber", purchaseOrderNumber);
        event.put("cancellationNumber", cancellationNumber);
        if (!accepted) {
            event.put("reasonCode", "ALREADY_PACKED");
        }
        return dropflow.post("/api/webhooks/suppliers/" + supplierCode + "/events", event, DropflowDriver.asPartner());
    }

    public ResponseEntity<String> receipt(long batchId, Consumer<HttpHeaders> who) {
        return dropflow.post("/api/group-buy/batches/" + batchId + "/receipt", Map.of(), who);
    }

    public ResponseEntity<String> pickup(String pickupPoint, String code, Consumer<HttpHeaders> who) {
        return dropflow.post("/api/group-buy/pickup-points/" + pickupPoint + "/pickups", Map.of("pickupCode", code), who);
    }

    /** The open task of a purchase (or of the batch, with a null number). */
    public Task task(long batchId, Integer purchaseNo) {
        String key = purchaseNo == null ? GroupBuyBatchProcess.businessKey(batchId)
                : GroupBuyPurchaseProcess.businessKey(batchId, purchaseNo);
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult();
    }

    public void complete(long batchId, Integer purchaseNo, Map<String, Object> decision) {
        engine.getTaskService().complete(task(batchId, purchaseNo).getId(), decision);
        runJobs(batchId);
    }

    private ProcessInstance instance(String businessKey) {
        ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult();
        if (running != null) {
            return running;
        }
        return new EndedInstance(historic(businessKey));
    }

    private HistoricProcessInstance historic(String businessKey) {
        HistoricProcessInstance found = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult();
        if (found == null) {
            throw new IllegalStateException("no process instance " + businessKey);
        }
        return found;
    }

    private static void ok(ResponseEntity<String> response) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError(response.getStatusCode() + ": " + response.getBody());
        }
    }

    /** An instance that ended, for Camunda BPM Assert (which looks its history up by id). */
    private record EndedInstance(HistoricProcessInstance ended) implements ProcessInstance {
        @Override public String getProcessDefinitionId() { return ended.getProcessDefinitionId(); }
        @Override public String getProcessDefinitionKey() { return ended.getProcessDefinitionKey(); }
        @Override public String getBusinessKey() { return ended.getBusinessKey(); }
        @Override public String getRootProcessInstanceId() { return ended.getRootProcessInstanceId(); }
        @Override public String getCaseInstanceId() { return ended.getCaseInstanceId(); }
        @Override public boolean isSuspended() { return false; }
        @Override public String getId() { return ended.getId(); }
        @Override public boolean isEnded() { return true; }
        @Override public String getProcessInstanceId() { return ended.getId(); }
        @Override public String getTenantId() { return ended.getTenantId(); }
    }
}
