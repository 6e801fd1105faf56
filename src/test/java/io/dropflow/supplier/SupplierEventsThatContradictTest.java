package io.dropflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.supplier.sandbox.SandboxSupplier;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.GroupBuyDriver;
import io.dropflow.support.GroupBuyFixtures;
import io.dropflow.support.GroupBuyFixtures.Goods;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Supplier events through the webhook that say something other than what the supplier answered before, or name
 * what the purchase order does not have. Exploratory test: a second ACCEPTED with {@code missingLines} declined an
 * accepted purchase order (the order rerouted, a batch's lines bought again from a backup, the first supplier's
 * parcel then "shipped a declined purchase order"); a missing line naming an unknown supplier SKU was dropped with a
 * log line; an answer to a line cancellation nobody asked for was APPLIED and changed nothing.
 */
@DropflowTest
class SupplierEventsThatContradictTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Purchasing purchasing;
    @Autowired
    SandboxSupplier supplier;
    @Autowired
    GroupBuyFixtures fixtures;

    DropflowDriver dropflow;
    GroupBuyDriver groupBuy;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        groupBuy = new GroupBuyDriver(dropflow, engine);
    }

    private ResponseEntity<String> event(String supplierCode, String json) {
        return dropflow.postRaw("/api/webhooks/suppliers/" + supplierCode + "/events", json, DropflowDriver.asPartner());
    }

    private static String accepted(String eventId, String po, String missingLines) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"ACCEPTED\",\"purchaseOrderNumber\":\"" + po + "\""
                + (missingLines == null ? "" : ",\"missingLines\":" + missingLines) + "}";
    }

    private PurchaseOrderStatus status(String po) {
        return purchasing.purchaseOrderNumbered(po).orElseThrow().status();
    }

    private List<Task> attentionTasks(String supplierCode, String eventId) {
        List<Long> deliveries = jdbc.queryForList("select id from partner_delivery where partner = 'supplier'"
                + " and account = ? and delivery_id = ?", Long.class, supplierCode, eventId);
        return deliveries.stream().flatMap(id -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PartnerAttentionProcess.businessKey(id)).list().stream()).toList();
    }

    private boolean recorded(String supplierCode, String eventId) {
        return jdbc.queryForObject("select count(*) from partner_delivery where partner = 'supplier' and account = ?"
                + " and delivery_id = ?", Integer.class, supplierCode, eventId) > 0;
    }

    /** An order of one DEMO-MUG that ACME accepted. */
    private long acceptedByAcme() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        assertThat(dropflow.supplierSays("ACME", DropflowDriver.po(order, 1), "ACCEPTED").getBody()).contains("APPLIED");
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("ACCEPTED_BY_SUPPLIER");
        return order;
    }

    @Test
    void aSecondAcceptanceWithMissingLinesLeavesTheAcceptedPurchaseOrderAndGoesToAnOperator() {
        long order = acceptedByAcme();
        String po = DropflowDriver.po(order, 1);
        String eventId = "sp-late-" + order;
        String late = accepted(eventId, po, "[{\"supplierSku\":\"ACME-MUG-01\",\"quantity\":1}]");

        // When ACME accepts the accepted purchase order again, now without the mug
        ResponseEntity<String> answer = event("ACME", late);

        // Then it is stale: the purchase order stays accepted, the order waits for its parcel, nothing is rerouted
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"STALE\"");
        assertThat(status(po)).isEqualTo(PurchaseOrderStatus.ACCEPTED);
        dropflow.runJobs(order);
        JsonNode seen = dropflow.getOrder(order);
        assertThat(seen.path("status").asText()).isEqualTo("ACCEPTED_BY_SUPPLIER");
        assertThat(seen.path("purchaseOrders")).hasSize(1);
        // And an operator is asked, with what ACME said
        List<Task> tasks = attentionTasks("ACME", eventId);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).getName()).isEqualTo("Supplier reported lines missing on an accepted purchase order");
        assertThat(dropflow.facts(tasks.get(0)).get("lastError").toString())
                .startsWith("ACME accepted purchase order " + po + " whole and now reports DEMO-MUG (ACME-MUG-01)×1 missing");
        List<String> timeline = new java.util.ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> timeline.add(entry.path("what").asText()));
        assertThat(timeline).contains("Supplier reported Accepted for purchase order " + po
                + " (Accepted): nothing changed, an operator was asked to settle it");

        // When it comes again: a redelivery, nothing twice
        assertThat(event("ACME", late).getBody()).contains("\"ALREADY_APPLIED\"");
        assertThat(attentionTasks("ACME", eventId)).hasSize(1);
        // And the same acceptance as before, under a new id, is ALREADY_APPLIED as it always was
        assertThat(event("ACME", accepted("sp-again-" + order, po, null)).getBody()).contains("\"ALREADY_APPLIED\"");
        assertThat(status(po)).isEqualTo(PurchaseOrderStatus.ACCEPTED);
    }

    @Test
    void missingLinesThePurchaseOrderDoesNotHaveAreRefusedNamingTheFieldAndChangeNothing() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        String po = DropflowDriver.po(order, 1);
        PurchaseOrderStatus before = status(po);

        ResponseEntity<String> unknown = event("ACME", accepted("nope-" + order, po,
                "[{\"supplierSku\":\"NOPE\",\"quantity\":1}]"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = DropflowDriver.read(unknown.getBody());
        assertThat(problem.path("type").asText()).isEqualTo("https://dropflow.io/problems/supplier-event-refused");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("missingLines[0].supplierSku");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains(po, "NOPE");

        ResponseEntity<String> tooMany = event("ACME", accepted("many-" + order, po,
                "[{\"supplierSku\":\"ACME-MUG-01\",\"quantity\":2}]"));
        assertThat(tooMany.getStatusCode().value()).isEqualTo(422);
        assertThat(DropflowDriver.read(tooMany.getBody()).path("errors").get(0).path("field").asText())
                .isEqualTo("missingLines[0].quantity");

        // Nothing applied, the ids not taken: the supplier sends the corrected event under the same id
        assertThat(status(po)).isEqualTo(before);
        assertThat(recorded("ACME", "nope-" + order)).isFalse();
        assertThat(event("ACME", accepted("nope-" + order, po, null)).getBody()).contains("\"APPLIED\"");
        assertThat(status(po)).isEqualTo(PurchaseOrderStatus.ACCEPTED);
    }

    @Test
    void aShipmentWithoutItsParcelNamesEachFieldItLacks() {
        String none = "{\"eventId\":\"e-none\",\"type\":\"SHIPPED\",\"purchaseOrderNumber\":\"DF-1-PO1\"}";
        ResponseEntity<String> answer = event("ACME", none);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = DropflowDriver.read(answer.getBody());
        List<String> fields = new java.util.ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText(null)));
        assertThat(fields).containsExactlyInAnyOrder("carrierCode", "trackingNumber");
        assertThat(problem.path("detail").asText()).contains("carrierCode and trackingNumber");

        String carrierOnly = "{\"eventId\":\"e-carrier\",\"type\":\"SHIPPED\",\"purchaseOrderNumber\":\"DF-1-PO1\","
                + "\"carrierCode\":\"DHL\",\"trackingNumber\":\"  \"}";
        JsonNode onlyTracking = DropflowDriver.read(event("ACME", carrierOnly).getBody());
        assertThat(onlyTracking.path("errors")).hasSize(1);
        assertThat(onlyTracking.path("errors").get(0).path("field").asText()).isEqualTo("trackingNumber");
    }

    private Goods goods() {
        Goods goods = fixtures.goods(true);
        groupBuy.offer(goods.sku(), 500);
        return goods;
    }

    /** A batch of 2 + 2 pieces ordered at the cutoff from the goods' first supplier. @return the batch */
    private long batchOrdered(Goods goods) {
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", ZoneId.of("Europe/Berlin"));
        long first = groupBuy.order(point, goods.sku(), 2, "15.00");
        groupBuy.order(point, goods.sku(), 2, "15.00");
        long batch = groupBuy.batchOf(first);
        groupBuy.cutoff(batch);
        assertThat(supplier.received(GroupBuyDriver.po(batch, 1)).order().supplierCode()).isEqualTo(goods.first());
        return batch;
    }

    @Test
    void aBatchPurchaseOrderAcceptedIsNotDeclinedByALaterAcceptanceWithoutItsLinesSoNothingIsBoughtTwice() {
        Goods rice = goods();
        long batch = batchOrdered(rice);
        String po = GroupBuyDriver.po(batch, 1);
        assertThat(dropflow.supplierSays(rice.first(), po, "ACCEPTED").getBody()).contains("\"APPLIED\"");
        groupBuy.runJobs(batch);

        // When the supplier accepts again, now without all four pieces
        String eventId = "late-batch-" + batch;
        ResponseEntity<String> answer = event(rice.first(), accepted(eventId, po,
                "[{\"supplierSku\":\"" + rice.firstSku() + "\",\"quantity\":4}]"));
        groupBuy.runJobs(batch);

        // Then the purchase order stays accepted, no backup is ordered, and an operator is asked
        assertThat(answer.getBody()).contains("\"STALE\"");
        assertThat(status(po)).isEqualTo(PurchaseOrderStatus.ACCEPTED);
        assertThat(supplier.received(GroupBuyDriver.po(batch, 2))).isNull();
        assertThat(attentionTasks(rice.first(), eventId)).extracting(Task::getName)
                .containsExactly("Supplier reported lines missing on an accepted purchase order");

        // And its parcel is the batch's, not a declined purchase order's
        assertThat(dropflow.supplierShipped(rice.first(), po, "GBP-" + batch).getBody()).contains("\"APPLIED\"");
        assertThat(status(po)).isEqualTo(PurchaseOrderStatus.SHIPPED);
    }

    @Test
    void aBatchAcceptanceSentAgainWithTheSameMissingLinesIsAlreadyAppliedOtherOnesAreStale() {
        Goods rice = goods();
        long batch = batchOrdered(rice);
        String po = GroupBuyDriver.po(batch, 1);
        String oneMissing = "[{\"supplierSku\":\"" + rice.firstSku() + "\",\"quantity\":1}]";
        assertThat(event(rice.first(), accepted("short-" + batch, po, oneMissing)).getBody()).contains("\"APPLIED\"");
        groupBuy.runJobs(batch);
        assertThat(status(po)).isEqualTo(PurchaseOrderStatus.ACCEPTED);

        // The same answer under another id says nothing new
        assertThat(event(rice.first(), accepted("short-again-" + batch, po, oneMissing)).getBody())
                .contains("\"ALREADY_APPLIED\"");
        // Two missing now, or none: not what was accepted
        String twoMissing = "[{\"supplierSku\":\"" + rice.firstSku() + "\",\"quantity\":2}]";
        assertThat(event(rice.first(), accepted("shorter-" + batch, po, twoMissing)).getBody()).contains("\"STALE\"");
        assertThat(attentionTasks(rice.first(), "shorter-" + batch)).hasSize(1);
        assertThat(event(rice.first(), accepted("whole-" + batch, po, null)).getBody()).contains("\"STALE\"");
        assertThat(status(po)).isEqualTo(PurchaseOrderStatus.ACCEPTED);
    }

    @Test
    void missingLinesABatchPurchaseOrderDoesNotHaveAreRefused() {
        Goods rice = goods();
        long batch = batchOrdered(rice);
        String po = GroupBuyDriver.po(batch, 1);
        PurchaseOrderStatus before = status(po);

        ResponseEntity<String> answer = event(rice.first(), accepted("nope-" + batch, po,
                "[{\"supplierSku\":\"NOPE\",\"quantity\":1}]"));

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(DropflowDriver.read(answer.getBody()).path("errors").get(0).path("field").asText())
                .isEqualTo("missingLines[0].supplierSku");
        assertThat(status(po)).isEqualTo(before);
        assertThat(supplier.received(GroupBuyDriver.po(batch, 2))).isNull();
    }

    @Test
    void aCancellationOfLinesNobodyAskedForIsStaleAndGoesToAnOperator() {
        Goods rice = goods();
        long batch = batchOrdered(rice);
        String po = GroupBuyDriver.po(batch, 1);
        dropflow.supplierSays(rice.first(), po, "ACCEPTED");
        groupBuy.runJobs(batch);
        String eventId = "cn-" + batch;
        String unasked = "{\"eventId\":\"" + eventId + "\",\"type\":\"CANCELLATION_ACCEPTED\",\"purchaseOrderNumber\":\""
                + po + "\",\"cancellationNumber\":\"NOPE-CANCEL-1\"}";

        ResponseEntity<String> answer = event(rice.first(), unasked);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"STALE\"");
        assertThat(status(po)).isEqualTo(PurchaseOrderStatus.ACCEPTED);
        List<Task> tasks = attentionTasks(rice.first(), eventId);
        assertThat(tasks).extracting(Task::getName).containsExactly("Supplier took lines off a purchase order unasked");
        assertThat(dropflow.facts(tasks.get(0)).get("lastError").toString()).contains(po, "NOPE-CANCEL-1");
        assertThat(event(rice.first(), unasked).getBody()).contains("\"ALREADY_APPLIED\"");
        assertThat(attentionTasks(rice.first(), eventId)).hasSize(1);

        // A refusal of a request nobody sent: recorded, no task
        String refused = "{\"eventId\":\"cr-" + batch + "\",\"type\":\"CANCELLATION_REFUSED\",\"purchaseOrderNumber\":\""
                + po + "\",\"cancellationNumber\":\"NOPE-CANCEL-2\",\"reasonCode\":\"ALREADY_PACKED\"}";
        assertThat(event(rice.first(), refused).getBody()).contains("\"STALE\"");
        assertThat(attentionTasks(rice.first(), "cr-" + batch)).isEmpty();
        assertThat(recorded(rice.first(), "cr-" + batch)).isTrue();
    }
}
