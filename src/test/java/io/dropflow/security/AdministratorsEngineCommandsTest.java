package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.FailedJobsChecked;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.processengine.inbox.InboxMessage;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.translation.OperatorTexts;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * What an administrator (demo, camunda-admin) did through the engine REST API that silently broke an order
 * (exploratory test s13): a message correlated by hand moved an order to SHIPPED with no parcel (D1), and an
 * order whose process instance was deleted stayed open for good, its cancellation refused as "has shipped" (D2).
 */
@DropflowTest
class AdministratorsEngineCommandsTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    MessageInbox inbox;

    DropflowDriver dropflow;
    ApiCallers api;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        api = new ApiCallers(port);
    }

    private ResponseEntity<String> asDemo(HttpMethod method, String path, String body) {
        return api.call(method, "/engine-rest" + path, body, ApiCallers.user("demo"));
    }

    /** An order forwarded to ACME, its process waiting for the supplier's answer or its parcel. */
    private long forwardedOrder() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("FORWARDED");
        return order;
    }

    @Test
    void aDropflowMessageIsNotCorrelatedThroughTheEngineApiByAnAdministrator() {
        long order = forwardedOrder();

        ResponseEntity<String> shipped = asDemo(HttpMethod.POST, "/message", "{\"messageName\":"
                + "\"SupplierShippedPurchaseOrder\",\"businessKey\":\"order-" + order + "\",\"resultEnabled\":true}");
        assertThat(shipped.getStatusCode().value()).as(shipped.getBody()).isEqualTo(400);
        assertThat(shipped.getBody()).contains("message SupplierShippedPurchaseOrder is not sent through the engine API")
                .contains("supplier event API");
        assertThat(OperatorTexts.of("zh").translateMessage(ApiCallers.json(shipped).path("message").asText()))
                .as("in Chinese too").startsWith("消息 SupplierShippedPurchaseOrder 不能通过流程引擎 API 发送")
                .contains("它来自供应商");

        Execution waiting = engine.getRuntimeService().createExecutionQuery()
                .processInstanceBusinessKey("order-" + order).messageEventSubscriptionName("SupplierShippedPurchaseOrder")
                .singleResult();
        ResponseEntity<String> triggered = asDemo(HttpMethod.POST, "/execution/" + waiting.getId()
                + "/messageSubscriptions/SupplierShippedPurchaseOrder/trigger", "{}");
        assertThat(triggered.getStatusCode().value()).as(triggered.getBody()).isEqualTo(400);
        assertThat(dropflow.getOrder(order).path("status").asText()).as("not moved by hand").isEqualTo("FORWARDED");

        // the supplier's own event, with its parcel, moves it as before
        dropflow.supplierShipped("ACME", DropflowDriver.po(order, 1), "TRK-ADMIN-" + order);
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("SHIPPED");
        assertThat(dropflow.getOrder(order).path("shipments")).hasSize(1);
    }

    /**
     * What the inbox hands over after a person's command commits (here a job an administrator runs, which takes the
     * order into "Source and ship" where a cancellation taken earlier waits) is Dropflow's own: delivered at once.
     */
    @Test
    void theInboxStillDeliversAfterAnAdministratorsCommand() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        assertThat(dropflow.cancel(order).getStatusCode().value()).isEqualTo(202); // kept in the inbox: no job ran yet
        Job first = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.processInstanceId(order)).singleResult();

        ResponseEntity<String> run = asDemo(HttpMethod.POST, "/job/" + first.getId() + "/execute", null);

        assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(204);
        assertThat(inbox.messagesFor("order-" + order)).extracting(InboxMessage::getStatus)
                .as("handed over right after the job's commit").containsExactly(InboxMessage.Status.DELIVERED);
    }

    @Test
    void anOrdersRunningProcessIsNotDeletedThroughTheEngineApi() {
        long order = forwardedOrder();
        String instance = dropflow.processInstanceId(order);
        long batches = engine.getManagementService().createBatchQuery().count();

        ResponseEntity<String> deleted = asDemo(HttpMethod.DELETE, "/process-instance/" + instance, null);
        assertThat(deleted.getStatusCode().value()).as(deleted.getBody()).isEqualTo(400);
        assertThat(deleted.getBody()).contains("is not deleted").contains("POST /api/orders/" + order + "/cancel");
        assertThat(OperatorTexts.of("zh").translateMessage(ApiCallers.json(deleted).path("message").asText()))
                .as("in Chinese too").startsWith("流程实例 " + instance).contains("要在发货前结束订单 " + order);
        ResponseEntity<String> many = asDemo(HttpMethod.POST, "/process-instance/delete",
                "{\"processInstanceIds\":[\"" + instance + "\"],\"deleteReason\":\"cleanup\"}");
        assertThat(many.getStatusCode().value()).as(many.getBody()).isEqualTo(400);
        ResponseEntity<String> byQuery = asDemo(HttpMethod.POST, "/process-instance/delete",
                "{\"processInstanceQuery\":{\"businessKey\":\"order-" + order + "\"},\"deleteReason\":\"cleanup\"}");
        assertThat(byQuery.getStatusCode().value()).as(byQuery.getBody()).isEqualTo(400);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
        assertThat(engine.getManagementService().createBatchQuery().count()).as("no deletion batch").isEqualTo(batches);
        assertThat(dropflow.cancel(order).getStatusCode().value()).as("ended as the refusal says").isEqualTo(202);
    }

    /**
     * An administrator's slip in Cockpit's variable editor: order A's purchaseOrderId set to order B's purchase order.
     * A's next step that reads it (the ship-by reminder) fails, an incident naming the mismatch, instead of reminding
     * B's supplier (s13: order 3's reroute asked ACME to cancel order 7's purchase order).
     */
    @FailedJobsChecked.Expected("the step refuses a purchaseOrderId of another order set by hand: an incident says so")
    @Test
    void aStepDoesNotActOnAnotherOrdersPurchaseOrderSetByHand() {
        long mine = forwardedOrder();
        long other = forwardedOrder();
        Object othersPurchaseOrder = engine.getRuntimeService().getVariable(dropflow.processInstanceId(other),
                "purchaseOrderId");
        ResponseEntity<String> changed = asDemo(HttpMethod.PUT, "/process-instance/" + dropflow.processInstanceId(mine)
                + "/variables/purchaseOrderId", "{\"value\":" + othersPurchaseOrder + ",\"type\":\"Long\"}");
        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(204);

        dropflow.fireTimer(mine, "boundary_reminder_due");
        dropflow.runJobs(mine);

        Job failed = engine.getManagementService().createJobQuery().processInstanceId(dropflow.processInstanceId(mine))
                .withException().singleResult();
        assertThat(failed).as("the reminder's step failed").isNotNull();
        assertThat(engine.getManagementService().getJobExceptionStacktrace(failed.getId()))
                .contains("process variable purchaseOrderId holds " + othersPurchaseOrder + ", a purchase order of orderId "
                        + other + ", not of this process's orderId " + mine);
        assertThat(dropflow.getOrder(other).path("purchaseOrders").get(0).path("remindedAt").isMissingNode()
                || dropflow.getOrder(other).path("purchaseOrders").get(0).path("remindedAt").isNull())
                .as("the other order's supplier was not reminded: %s", dropflow.getOrder(other)).isTrue();
    }

    /** The same for the consumer's delay notice (its own process): it tells about its order's late purchase order only. */
    @FailedJobsChecked.Expected("the notice refuses a missedPurchaseOrderId of another order set by hand: an incident says so")
    @Test
    void aDelayNoticeDoesNotTellAboutAnotherOrdersPurchaseOrderSetByHand() {
        long mine = forwardedOrder();
        long other = forwardedOrder();
        dropflow.fireTimer(mine, "boundary_ship_by_deadline");
        dropflow.startOwedDelayNotices(mine);
        String notice = dropflow.delayNotices(mine).get(0);
        Object othersPurchaseOrder = engine.getRuntimeService().getVariable(dropflow.processInstanceId(other),
                "purchaseOrderId");
        ResponseEntity<String> changed = asDemo(HttpMethod.PUT, "/process-instance/" + notice
                + "/variables/missedPurchaseOrderId", "{\"value\":" + othersPurchaseOrder + ",\"type\":\"Long\"}");
        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(204);
        Job tell = engine.getManagementService().createJobQuery().processInstanceId(notice)
                .activityId("service_tell_consumer_about_delay").singleResult();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(tell.getId()))
                .hasMessageContaining("process variable missedPurchaseOrderId holds " + othersPurchaseOrder
                        + ", a purchase order of orderId " + other + ", not of this process's orderId " + mine);
    }

    /**
     * Cockpit's modification that cancels what the order waits at ends its process as a deletion would: refused the
     * same, the order's process still there; one that moves it on (cancels a step, starts another) still runs.
     */
    @Test
    void aModificationThatWouldEndAnOrdersProcessIsRefusedOneThatMovesItOnIsNot() {
        long order = forwardedOrder();
        String instance = dropflow.processInstanceId(order);
        String path = "/process-instance/" + instance + "/modification";

        ResponseEntity<String> ended = asDemo(HttpMethod.POST, path, "{\"instructions\":[{\"type\":\"cancel\","
                + "\"activityId\":\"sub_supplier_fulfills_purchase_order\"}],\"skipCustomListeners\":true}");

        assertThat(ended.getStatusCode().value()).as(ended.getBody()).isEqualTo(400);
        assertThat(ended.getBody()).contains("is not ended by a modification")
                .contains("POST /api/orders/" + order + "/cancel");
        assertThat(OperatorTexts.of("zh").translateMessage(ApiCallers.json(ended).path("message").asText()))
                .as("in Chinese too").startsWith("流程实例 " + instance).contains("不能通过流程修改结束");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isOne();

        ResponseEntity<String> moved = asDemo(HttpMethod.POST, path, "{\"instructions\":[{\"type\":\"cancel\","
                + "\"activityId\":\"sub_supplier_fulfills_purchase_order\"},{\"type\":\"startBeforeActivity\","
                + "\"activityId\":\"sub_supplier_fulfills_purchase_order\"}]}");
        assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(204);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
    }

    /**
     * s14 judge 10: an order whose process an administrator suspended in Cockpit: its cancellation was a 409
     * "concurrent change, please retry" with Retry-After: 1 for as long as it stayed suspended, and its task's
     * completion a 500. Now a 409 saying the process is suspended, and how to resume it.
     */
    @Test
    void anOrderWhoseProcessIsSuspendedSaysSoNotRetry() {
        long order = forwardedOrder();
        String instance = dropflow.processInstanceId(order);
        assertThat(asDemo(HttpMethod.PUT, "/process-instance/" + instance + "/suspended", "{\"suspended\":true}")
                .getStatusCode().value()).isEqualTo(204);

        ResponseEntity<String> cancel = dropflow.cancel(order);

        assertThat(cancel.getStatusCode().value()).as(cancel.getBody()).isEqualTo(409);
        assertThat(cancel.getHeaders().getFirst("Retry-After")).isNull();
        assertThat(ApiCallers.json(cancel).path("type").asText()).endsWith("/order-conflict");
        assertThat(cancel.getBody()).contains("order " + order + "'s process is suspended").contains("Cockpit");

        DropflowDriver.Placed review = dropflow.place(DropflowDriver.order("SHOP-" + java.util.UUID.randomUUID(),
                "DEMO-MUG", 1, "15.00", "PO Box 42"));
        dropflow.runJobs(review.orderId());
        String reviewing = dropflow.processInstanceId(review.orderId());
        var task = engine.getTaskService().createTaskQuery().processInstanceId(reviewing).singleResult();
        engine.getRuntimeService().suspendProcessInstanceById(reviewing);
        ResponseEntity<String> complete = asDemo(HttpMethod.POST, "/task/" + task.getId() + "/complete", "{}");
        assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(409);
        assertThat(complete.getBody()).contains("its process is suspended").contains("Activate");
        engine.getRuntimeService().activateProcessInstanceById(reviewing);
        engine.getRuntimeService().activateProcessInstanceById(instance);
        assertThat(dropflow.cancel(order).getStatusCode().value()).isEqualTo(202);
    }

    /** One deleted before the refusal (or by the application's own code): its cancellation's refusal says so. */
    @Test
    void aCancellationOfAnOrderWithoutItsProcessSaysSoNotShipped() {
        long order = forwardedOrder();
        engine.getRuntimeService().deleteProcessInstance(dropflow.processInstanceId(order), "deleted in Cockpit");

        ResponseEntity<String> cancel = dropflow.cancel(order);

        assertThat(cancel.getStatusCode().value()).isEqualTo(409);
        assertThat(cancel.getBody()).contains("has not shipped (FORWARDED)").contains("no running process")
                .doesNotContain("has shipped");
    }
}
