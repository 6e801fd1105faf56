package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_CANCELLATION_ANSWER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_DELIVERY;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SUPPLIER_ANSWER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.CANCELLATION_UNANSWERED;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.COUNT_AS_CANCELLED;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.END_CLOSED_REFUNDED;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.FailedJobsChecked;
import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A supplier's event that no longer fits its purchase order (STALE) is answered 200 and never dropped
 * in silence: the order's timeline says so, and where it costs money or goods an operator gets a
 * "Partner attention" task at once. Exploratory test: order 14 cancelled, SLOWPOKE accepted the
 * cancellation, the consumer was refunded; then SLOWPOKE reported it SHIPPED and only a log line said so.
 */
@DropflowTest
class StaleSupplierEventsProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    /** An order whose consumer cancelled, whose supplier ACME accepted the cancellation, refunded. */
    private long cancelledAndRefunded() {
        DropflowDriver.Placed placed = dropflow.placeOrder("DEMO-MUG", 1, "15.00");
        long order = placed.orderId();
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.cancel(order);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_CANCELLATION_ANSWER.id());
        dropflow.supplierSays("ACME", po(order, 1), "CANCELLATION_ACCEPTED");
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isEnded().hasPassed(END_CLOSED_REFUNDED.id());
        return order;
    }

    private ResponseEntity<String> event(String json) {
        return dropflow.postRaw("/api/webhooks/suppliers/ACME/events", json, DropflowDriver.asPartner());
    }

    private List<Task> attentionTasks(String eventId) {
        List<Long> deliveries = jdbc.queryForList("select id from partner_delivery where partner = 'supplier'"
                + " and account = 'ACME' and delivery_id = ?", Long.class, eventId);
        return deliveries.stream().flatMap(id -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PartnerAttentionProcess.businessKey(id)).list().stream()).toList();
    }

    private List<String> timeline(long order) {
        List<String> lines = new java.util.ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> lines.add(entry.path("what").asText()));
        return lines;
    }

    @Test
    void aParcelShippedAfterTheSupplierCancelledGoesToAnOperatorOnceAndTheTimelineSaysIt() {
        long order = cancelledAndRefunded();
        String eventId = "late-shipped-" + order;
        String shipped = "{\"eventId\":\"" + eventId + "\",\"type\":\"SHIPPED\",\"purchaseOrderNumber\":\""
                + po(order, 1) + "\",\"carrierCode\":\"DHL\",\"trackingNumber\":\"JD" + order + "\"}";

        // When the supplier reports the cancelled purchase order shipped: acknowledged, the purchase order unchanged
        ResponseEntity<String> answer = event(shipped);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"STALE\"");
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("status").asText()).isEqualTo("CANCELLED");

        // Then an operator has a task saying what happened and what to do, with the supplier's event
        List<Task> tasks = attentionTasks(eventId);
        assertThat(tasks).hasSize(1);
        Task task = tasks.get(0);
        assertThat(task.getName()).isEqualTo("Supplier shipped a cancelled purchase order");
        assertThat(dropflow.candidateGroups(task)).contains("operators");
        assertThat(dropflow.facts(task).get("lastError").toString())
                .startsWith("ACME shipped purchase order " + po(order, 1) + " as DHL JD" + order
                        + " after it had cancelled it")
                .contains("close this task");
        assertThat(dropflow.facts(task).get("deliveryPayload").toString()).contains(eventId, "JD" + order);
        // And the order's timeline says it
        assertThat(timeline(order)).contains("Supplier shipped purchase order " + po(order, 1) + " (Cancelled) as DHL JD"
                + order + ": not followed, an operator was asked to settle it");

        // When the supplier delivers the same event again: acknowledged as a redelivery, nothing twice
        ResponseEntity<String> again = event(shipped);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).contains("\"ALREADY_APPLIED\"");
        assertThat(attentionTasks(eventId)).hasSize(1);
        assertThat(timeline(order).stream().filter(line -> line.contains("not followed"))).hasSize(1);
    }

    /**
     * Exploratory test: the task about a parcel the supplier shipped for a purchase order it had declined carried only
     * the generic "Partner message not matched" description. It says which order, purchase order, supplier and
     * parcel, and what to do, in English and Chinese.
     */
    @Test
    void aParcelOfADeclinedPurchaseOrderIsDescribedOnTheOperatorsTask() {
        DropflowDriver.Placed placed = dropflow.placeOrder("DEMO-MUG", 1, "15.00");
        long order = placed.orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "REJECTED");
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("status").asText()).isEqualTo("DECLINED");
        String orderNumber = dropflow.getOrder(order).path("storefrontOrderId").asText();
        String eventId = "shipped-declined-" + order;

        assertThat(event("{\"eventId\":\"" + eventId + "\",\"type\":\"SHIPPED\",\"purchaseOrderNumber\":\"" + po(order, 1)
                + "\",\"carrierCode\":\"DHL\",\"trackingNumber\":\"JD" + order + "\"}").getBody()).contains("\"STALE\"");

        Task task = attentionTasks(eventId).get(0);
        assertThat(task.getName()).isEqualTo("Supplier shipped a declined purchase order");
        String said = "Order " + orderNumber + ": ACME shipped purchase order " + po(order, 1) + " after it had declined"
                + " it, as parcel DHL JD" + order + ". Dropflow does not follow this parcel, and the order may have been"
                + " refunded or sent to another supplier: ask the supplier to recall the parcel or settle its cost, then"
                + " close this task";
        assertThat(task.getDescription()).isEqualTo(said);
        assertThat(dropflow.facts(task)).containsEntry("whatHappened", said).containsEntry("orderNumber", orderNumber)
                .containsEntry("purchaseOrder", po(order, 1)).containsEntry("purchaseOrderStatus", "Declined")
                .containsEntry("supplierCode", "ACME").containsEntry("parcel", "DHL JD" + order);
        assertThat(io.dropflow.translation.OperatorTexts.of("zh").translateMessage(said)).as("in Chinese too")
                .isEqualTo("订单 " + orderNumber + "：ACME 在拒绝采购单 " + po(order, 1) + " 后又发货了，包裹 DHL JD" + order
                        + "。Dropflow 不跟踪该包裹，订单可能已退款或已改派给其他供应商：请要求供应商召回包裹或结清费用，然后关闭此任务");
    }

    @Test
    void aLateAcceptanceOfAShippedPurchaseOrderIsOnlyRecordedOnTheTimelineOnce() {
        DropflowDriver.Placed placed = dropflow.placeOrder("DEMO-MUG", 1, "15.00");
        long order = placed.orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-STALE-" + order);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_DELIVERY.id());
        String eventId = "late-accepted-" + order;
        String accepted = "{\"eventId\":\"" + eventId + "\",\"type\":\"ACCEPTED\",\"purchaseOrderNumber\":\""
                + po(order, 1) + "\"}";

        assertThat(event(accepted).getBody()).contains("\"STALE\"");
        assertThat(event(accepted).getBody()).contains("\"ALREADY_APPLIED\"");

        assertThat(attentionTasks(eventId)).isEmpty();
        assertThat(jdbc.queryForObject("select status from partner_delivery where partner = 'supplier'"
                + " and account = 'ACME' and delivery_id = ?", String.class, eventId)).isEqualTo("TAKEN");
        assertThat(timeline(order).stream().filter(line -> line.equals("Supplier reported Accepted for purchase order "
                + po(order, 1) + " (Shipped): nothing changed"))).hasSize(1);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_DELIVERY.id());
    }

    private static String shippedJson(String eventId, String purchaseOrderNumber, String trackingNumber) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"SHIPPED\",\"purchaseOrderNumber\":\"" + purchaseOrderNumber
                + "\",\"carrierCode\":\"DHL\",\"trackingNumber\":\"" + trackingNumber + "\"}";
    }

    private static String saysJson(String eventId, String type, String purchaseOrderNumber) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"purchaseOrderNumber\":\""
                + purchaseOrderNumber + "\"}";
    }

    /**
     * The same stale fact under a second event id (exploratory test: SHIPPED after the cancellation, the same
     * parcel, twice) is on the timeline again but opens no second operator task; another parcel does.
     */
    @Test
    void theSameParcelAfterTheCancellationUnderASecondEventIdOpensNoSecondTask() {
        long order = cancelledAndRefunded();
        String first = "shipped-first-" + order;
        String second = "shipped-second-" + order;
        String other = "shipped-other-" + order;

        assertThat(event(shippedJson(first, po(order, 1), "JDD" + order)).getBody()).contains("\"STALE\"");
        ResponseEntity<String> again = event(shippedJson(second, po(order, 1), "JDD" + order));

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).contains("\"STALE\"");
        assertThat(attentionTasks(first)).hasSize(1);
        assertThat(attentionTasks(second)).isEmpty();
        assertThat(jdbc.queryForObject("select last_error from partner_delivery where partner = 'supplier'"
                + " and account = 'ACME' and delivery_id = ?", String.class, second)).contains(first);
        assertThat(timeline(order).stream().filter(line -> line.contains("JDD" + order + ": not followed")))
                .containsExactly("Supplier shipped purchase order " + po(order, 1) + " (Cancelled) as DHL JDD" + order
                        + ": not followed, an operator was asked to settle it", "Supplier shipped purchase order "
                        + po(order, 1) + " (Cancelled) as DHL JDD" + order + ": not followed");

        // Another parcel is another fact: its own task
        assertThat(event(shippedJson(other, po(order, 1), "JDX" + order)).getBody()).contains("\"STALE\"");
        assertThat(attentionTasks(other)).hasSize(1);
    }

    /** One task per purchase order and verdict: another verdict on the same purchase order is a task of its own. */
    @Test
    void theSameVerdictUnderASecondEventIdOpensNoSecondTaskAnotherVerdictDoes() {
        DropflowDriver.Placed placed = dropflow.placeOrder("DEMO-MUG", 1, "15.00");
        long order = placed.orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-VERDICT-" + order);
        dropflow.runJobs(order);

        assertThat(event(saysJson("rejected-" + order, "REJECTED", po(order, 1))).getBody()).contains("\"STALE\"");
        assertThat(event(saysJson("out-of-stock-" + order, "OUT_OF_STOCK", po(order, 1))).getBody())
                .contains("\"STALE\"");
        assertThat(event(saysJson("cancelled-" + order, "CANCELLATION_ACCEPTED", po(order, 1))).getBody())
                .contains("\"STALE\"");

        assertThat(attentionTasks("rejected-" + order)).extracting(Task::getName)
                .containsExactly("Supplier declined a shipped purchase order");
        assertThat(attentionTasks("out-of-stock-" + order)).isEmpty();
        assertThat(attentionTasks("cancelled-" + order)).extracting(Task::getName)
                .containsExactly("Supplier cancelled a shipped purchase order");
    }

    /**
     * Exploratory test: a second ACCEPTED (a fact the purchase order had already) changed nothing and left
     * its id unremembered, so the same id with SHIPPED was then applied. Every id is remembered now: the same
     * event again is a redelivery, other content under it a 409 that changes nothing.
     */
    @Test
    void anEventIdUsedAgainWithOtherContentIsRefusedEvenWhenItsFirstEventChangedNothing() throws Exception {
        DropflowDriver.Placed placed = dropflow.placeOrder("DEMO-MUG", 1, "15.00");
        long order = placed.orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        String eventId = "accepted-again-" + order;
        String acceptedAgain = saysJson(eventId, "ACCEPTED", po(order, 1));
        assertThat(event(acceptedAgain).getBody()).contains("\"ALREADY_APPLIED\"");

        ResponseEntity<String> reused = event(shippedJson(eventId, po(order, 1), "JDR" + order));

        assertThat(reused.getStatusCode().value()).as(reused.getBody()).isEqualTo(409);
        assertThat(String.valueOf(reused.getHeaders().getContentType())).contains("problem+json");
        JsonNode problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reused.getBody());
        assertThat(problem.path("type").asText()).isEqualTo("https://dropflow.io/problems/supplier-event-id-reused");
        assertThat(problem.path("detail").asText()).contains(eventId);
        assertThat(problem.path("eventId").asText()).isEqualTo(eventId);
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(timeline(order)).noneMatch(line -> line.contains("JDR" + order));

        // The same event again is a redelivery, as before
        ResponseEntity<String> redelivered = event(acceptedAgain);
        assertThat(redelivered.getStatusCode().value()).isEqualTo(200);
        assertThat(redelivered.getBody()).contains("\"ALREADY_APPLIED\"");
    }

    /** A stale event's id used again for what fits the purchase order now is refused too (it was taken before). */
    @Test
    void aStaleEventsIdUsedAgainWithOtherContentIsRefused() {
        DropflowDriver.Placed placed = dropflow.placeOrder("DEMO-MUG", 1, "15.00");
        long order = placed.orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-REUSED-" + order);
        dropflow.runJobs(order);
        String eventId = "stale-reused-" + order;
        assertThat(event(saysJson(eventId, "ACCEPTED", po(order, 1))).getBody()).contains("\"STALE\"");

        ResponseEntity<String> reused = event(shippedJson(eventId, po(order, 1), "JDN" + order));

        assertThat(reused.getStatusCode().value()).as(reused.getBody()).isEqualTo(409);
        assertThat(dropflow.getOrder(order).toString()).doesNotContain("JDN" + order);
    }

    /** An order whose consumer cancelled after ACME accepted it; the order waits for ACME's answer to the cancellation. */
    private long awaitingTheCancellationAnswer() {
        DropflowDriver.Placed placed = dropflow.placeOrder("DEMO-MUG", 1, "15.00");
        long order = placed.orderId();
        dropflow.runJobs(order);
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.cancel(order);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_CANCELLATION_ANSWER.id());
        return order;
    }

    /**
     * The supplier never answered the cancellation, the consumer was refunded; then it ships after all.
     * Before, the purchase order was still "cancellation requested", so the shipment fitted it: APPLIED,
     * one timeline line, and goods on their way to a refunded consumer with nobody asked.
     */
    @Test
    void aParcelShippedAfterAnUnansweredCancellationGoesToAnOperator() {
        long order = awaitingTheCancellationAnswer();

        dropflow.fireTimer(order, CANCELLATION_UNANSWERED.id());
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).isEnded().hasPassed(COUNT_AS_CANCELLED.id(), END_CLOSED_REFUNDED.id());
        JsonNode purchaseOrder = dropflow.getOrder(order).path("purchaseOrders").get(0);
        assertThat(purchaseOrder.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(purchaseOrder.path("reasonCode").asText()).isEqualTo("NO_ANSWER");
        assertThat(timeline(order)).contains("No word from ACME on cancelling purchase order " + po(order, 1)
                + " in time: it counts as cancelled, and a parcel it ships after all goes to an operator");

        String eventId = "shipped-unanswered-" + order;
        ResponseEntity<String> answer = event("{\"eventId\":\"" + eventId + "\",\"type\":\"SHIPPED\","
                + "\"purchaseOrderNumber\":\"" + po(order, 1) + "\",\"carrierCode\":\"DHL\",\"trackingNumber\":\"JDU"
                + order + "\"}");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"STALE\"");
        List<Task> tasks = attentionTasks(eventId);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).getName()).isEqualTo("Supplier shipped a cancelled purchase order");
        assertThat(dropflow.facts(tasks.get(0)).get("lastError").toString()).startsWith("ACME shipped purchase order "
                + po(order, 1) + " as DHL JDU" + order + " after it had not answered its cancellation in time");
    }

    /**
     * The purchase order shipped while its cancellation was awaited and the shipment has not reached the
     * process yet (it waits in the inbox): the cancellation cannot stand. The timer fails, to be tried
     * again, and the order still waits, so the shipment is taken once the inbox delivers it.
     */
    @FailedJobsChecked.Expected("the cancellation timer fails, to be tried again once the inbox delivers the shipment")
    @Test
    void aShipmentNotYetDeliveredKeepsTheCancellationFromStanding() {
        long order = awaitingTheCancellationAnswer();
        jdbc.update("update purchase_order set status = 'SHIPPED' where idempotency_key = ?", po(order, 1));

        assertThatThrownBy(() -> dropflow.fireTimer(order, CANCELLATION_UNANSWERED.id()))
                .hasStackTraceContaining("shipped while its cancellation was awaited");

        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_CANCELLATION_ANSWER.id())
                .hasNotPassed(END_CLOSED_REFUNDED.id());
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("status").asText()).isEqualTo("SHIPPED");
    }

    /**
     * A supplier's webhook with a key twice is taken (the last one wins, as before): our own API refuses
     * such JSON, but a 400 to a partner would make it give up on an event we can take.
     */
    @Test
    void aSupplierEventWithAKeyTwiceIsStillTaken() {
        DropflowDriver.Placed placed = dropflow.placeOrder("DEMO-MUG", 1, "15.00");
        long order = placed.orderId();
        dropflow.runJobs(order);

        ResponseEntity<String> answer = event("{\"eventId\":\"twice-" + order + "\",\"type\":\"ACCEPTED\",\"type\":\"ACCEPTED\","
                + "\"purchaseOrderNumber\":\"" + po(order, 1) + "\"}");

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"APPLIED\"");
    }
}
