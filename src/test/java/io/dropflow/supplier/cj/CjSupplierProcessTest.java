package io.dropflow.supplier.cj;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.*;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dropflow.support.FailedJobsChecked;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.SupplierFixtures;
import io.dropflow.support.TestSupplierApi;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order forwarding path with supplier CJ on CJ Dropshipping: the order placed with
 * createOrderV2 (WireMock as CJ), CJ's signed ORDER and LOGISTIC messages moving it to delivery,
 * and a cancellation answered by CJ's order detail and deleteOrder.
 */
@DropflowTest
class CjSupplierProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DETAIL = "/cj/shopping/order/getOrderDetail";
    private static final String CREATE = "/cj/shopping/order/createOrderV2";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SupplierFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        fixtures.cjSupplier();
        TestSupplierApi.server().resetAll();
        TestSupplierApi.cjLogsIn();
    }

    private static String cjOrderId(long order) {
        return "2107111000" + (100000 + order);
    }

    private static String detail(long order, String status, String trackNumber) {
        return CjDropshippingTest.envelope(200, true, "Success", "{\"orderId\":\"" + cjOrderId(order) + "\",\"orderNum\":\""
                + po(order, 1) + "\",\"orderStatus\":\"" + status + "\",\"logisticName\":\"CJPacket Ordinary\",\"trackNumber\":"
                + (trackNumber == null ? "null" : "\"" + trackNumber + "\"") + "}");
    }

    /** Places a TEST-CJ order and lets CJ take it at once. */
    private long placedAtCj() {
        // getOrderDetail of an order CJ does not have: code 1603100, https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        TestSupplierApi.server().stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(CjDropshippingTest.notFound())));
        long order = dropflow.placeOrder(TestSupplierApi.CJ_SKU, 1, "20.00").orderId();
        // createOrderV2 (Shopping page, 1.1 Create Order V2: data.orderId): https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        TestSupplierApi.server().stubFor(post(CREATE).willReturn(okJson(CjDropshippingTest.envelope(200, true, "Success",
                "{\"orderId\":\"" + cjOrderId(order) + "\",\"orderNumber\":\"" + po(order, 1) + "\"}"))));
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        return order;
    }

    static String sign(String body, String openId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(openId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private ResponseEntity<String> cjSays(String type, Map<String, Object> params, String openId) throws Exception {
        ObjectNode message = JSON.createObjectNode().put("messageId", UUID.randomUUID().toString().replace("-", ""))
                .put("type", type).put("messageType", "UPDATE").put("openId", Long.parseLong(TestSupplierApi.CJ_OPEN_ID));
        message.set("params", JSON.valueToTree(params));
        return signedRaw(JSON.writeValueAsString(message), openId);
    }

    private ResponseEntity<String> signedRaw(String body, String openId) throws Exception {
        String signature = sign(body, openId);
        return dropflow.postRaw("/api/webhooks/cj/" + TestSupplierApi.CJ, body, h -> h.set("sign", signature));
    }

    private static Map<String, Object> orderMessage(long order, String status) {
        return Map.of("cjOrderId", cjOrderId(order), "orderNum", po(order, 1), "orderNumber", po(order, 1),
                "orderStatus", status, "logisticName", "CJPacket Ordinary", "updateDate", "2026-11-27 10:00:00");
    }

    private static Map<String, Object> logisticMessage(String cjOrderId, String trackingNumber, int status,
            List<Map<String, Object>> events) throws Exception {
        return Map.of("orderId", cjOrderId, "logisticName", "CJPacket Ordinary", "trackingNumber", trackingNumber,
                "trackingStatus", status, "logisticsTrackEvents", JSON.writeValueAsString(events));
    }

    private static Map<String, Object> trackEvent(int status, String activity, String time) {
        return Map.of("status", status, "activity", activity, "location", "Shenzhen", "eventTime", time,
                "statusDesc", activity);
    }

    private long inboxMessages() {
        return jdbc.queryForObject("select count(*) from inbox_message", Long.class);
    }

    @Test
    void anOrderIsPlacedAtCjOnceAndFollowedThroughItsSignedMessages() throws Exception {
        var server = TestSupplierApi.server();
        // getOrderDetail of an order CJ does not have: code 1603100, https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        server.stubFor(get(urlPathEqualTo(DETAIL)).inScenario("lost answer").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(CjDropshippingTest.notFound())));
        long order = dropflow.placeOrder(TestSupplierApi.CJ_SKU, 1, "20.00").orderId();
        String cjOrder = cjOrderId(order);
        // CJ creates the order but its answer never arrives in time...
        // createOrderV2 (Shopping page, 1.1 Create Order V2: data.orderId): https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        server.stubFor(post(CREATE).inScenario("lost answer").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(CjDropshippingTest.envelope(200, true, "Success", "{\"orderId\":\"" + cjOrder + "\"}"))
                        .withFixedDelay(1500))
                .willSetStateTo("created"));
        // getOrderDetail (Shopping page, the order query: orderId, orderNum, orderStatus, logisticName, trackNumber): https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        server.stubFor(get(urlPathEqualTo(DETAIL)).inScenario("lost answer").whenScenarioStateIs("created")
                .willReturn(okJson(detail(order, "UNSHIPPED", null))));
        dropflow.runJobs(order);
        Job failed = engine.getManagementService().createJobQuery().processInstanceId(dropflow.processInstanceId(order))
                .activityId(FORWARD_PURCHASE_ORDER.id()).singleResult();
        assertThat(failed.getExceptionMessage()).contains("in time");
        // ...so the retry finds it by our number and does not create a second one
        engine.getManagementService().setJobDuedate(failed.getId(), null);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        server.verify(1, postRequestedFor(urlEqualTo(CREATE))
                .withHeader("CJ-Access-Token", equalTo(TestSupplierApi.CJ_TOKEN))
                .withRequestBody(matchingJsonPath("$.products[0].vid", equalTo(TestSupplierApi.CJ_VID))));
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("supplierReference").asText()).isEqualTo(cjOrder);

        // A wrong sign is refused and changes nothing; a signed body that is not JSON is recorded and
        // answered 200 (CJ stops sending when its messages fail), and goes to an operator. The issue
        // found the old 400 wrong: CJ would have switched the topic off.
        long before = inboxMessages();
        assertThat(cjSays("ORDER", orderMessage(order, "UNSHIPPED"), "not-the-open-id").getStatusCode().value()).isEqualTo(401);
        assertThat(signedRaw("{\"messageId\":", TestSupplierApi.CJ_OPEN_ID).getStatusCode().value()).isEqualTo(200);
        assertThat(inboxMessages()).isEqualTo(before);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());

        // CJ paid and took the order on: accepted
        ResponseEntity<String> accepted = cjSays("ORDER", orderMessage(order, "UNSHIPPED"), TestSupplierApi.CJ_OPEN_ID);
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
        assertThat(DropflowDriver.read(accepted.getBody()).path("result").asText()).isEqualTo("success");
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SHIPMENT.id());
        // Product messages are acknowledged and ignored (stock and prices: cjStockAndPriceMessagesUpdateTheOfferOfTheirVariant)
        assertThat(cjSays("PRODUCT", Map.of("pid", "1424608189734850560", "fields", List.of("productDescription")),
                TestSupplierApi.CJ_OPEN_ID).getBody()).contains("taken: ignored");

        // A parcel of a CJ order we do not know (yet) is taken with 200 and parked: Dropflow retries it,
        // CJ does not have to (the old 409 made CJ count a failure)
        ResponseEntity<String> unknownParcel = cjSays("LOGISTIC", logisticMessage("999", "CJPKL0000000000", 1, List.of()),
                TestSupplierApi.CJ_OPEN_ID);
        assertThat(unknownParcel.getStatusCode().value()).isEqualTo(200);
        assertThat(unknownParcel.getBody()).contains("not_yet");

        // The parcel's first LOGISTIC message comes before CJ's ORDER SHIPPED: it ships the order
        String parcel = "CJPKL71601" + order;
        ResponseEntity<String> left = cjSays("LOGISTIC", logisticMessage(cjOrder, parcel, 1,
                List.of(trackEvent(1, "Left the warehouse", "2026-11-27 09:00:00"))), TestSupplierApi.CJ_OPEN_ID);
        assertThat(left.getStatusCode().value()).as(left.getBody()).isEqualTo(200);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).hasPassed(REGISTER_TRACKING.id(), SYNC_TRACKING.id()).isWaitingAt(AWAIT_DELIVERY.id());
        JsonNode shipment = dropflow.getOrder(order).path("shipments").get(0);
        assertThat(shipment.path("carrierCode").asText()).isEqualTo("CJ");
        assertThat(shipment.path("trackingNumber").asText()).isEqualTo(parcel);
        // CJ's ORDER SHIPPED afterwards changes nothing
        assertThat(cjSays("ORDER", Map.of("cjOrderId", cjOrder, "orderNumber", po(order, 1), "orderStatus", "SHIPPED",
                "trackNumber", parcel), TestSupplierApi.CJ_OPEN_ID).getStatusCode().value()).isEqualTo(200);

        // The next message carries every event again, the last one delivered (CJ's time is Shanghai time)
        assertThat(cjSays("LOGISTIC", logisticMessage(cjOrder, parcel, 12, List.of(
                trackEvent(1, "Left the warehouse", "2026-11-27 09:00:00"),
                trackEvent(12, "Delivered, PO Box", "2026-11-29 15:30:00"))), TestSupplierApi.CJ_OPEN_ID)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(dropflow.process(order)).isWaitingAt(AFTER_SALES_WINDOWS_CLOSED.id());
        JsonNode events = dropflow.getOrder(order).path("shipments").get(0).path("events");
        assertThat(events).hasSize(2);
        assertThat(events.toString()).contains("DELIVERED", "2026-11-29T07:30:00Z");
        server.verify(0, postRequestedFor(urlPathMatching("/track17/.*")));
    }

    /**
     * CJ's 1600000 "System busy": "建议重试次数不超过3次", retry no more than three times (Global Error Codes,
     * https://developers.cjdropshipping.cn/zh/api/api2/standard/ps-code.html). The placement's cycle R5/PT2M
     * would try five times; CJ is asked four times (once and three retries), then the incident shows.
     */
    @FailedJobsChecked.Expected("CJ busy three times: an incident, as CJ asks")
    @Test
    void cjSystemBusyIsRetriedThreeTimesThenAnIncidentNotTheWholeRetryCycle() {
        var server = TestSupplierApi.server();
        // getOrderDetail answering 1600000: https://developers.cjdropshipping.cn/zh/api/api2/standard/ps-code.html
        server.stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(CjDropshippingTest.envelope(1600000, false,
                "System busy, please contact CJ IT", "null"))));
        long order = dropflow.placeOrder(TestSupplierApi.CJ_SKU, 1, "20.00").orderId();
        var management = engine.getManagementService();
        for (int attempt = 1; attempt <= 6; attempt++) {
            dropflow.runJobs(order);
            Job job = management.createJobQuery().processInstanceId(dropflow.processInstanceId(order))
                    .activityId(FORWARD_PURCHASE_ORDER.id()).singleResult();
            if (job.getRetries() == 0) {
                break;
            }
            management.setJobDuedate(job.getId(), null);
        }

        Job job = management.createJobQuery().processInstanceId(dropflow.processInstanceId(order))
                .activityId(FORWARD_PURCHASE_ORDER.id()).singleResult();
        assertThat(job.getRetries()).isZero();
        assertThat(job.getExceptionMessage()).contains("1600000").contains("at most 3");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(dropflow.processInstanceId(order))
                .activityId(FORWARD_PURCHASE_ORDER.id()).count()).isEqualTo(1);
        server.verify(4, getRequestedFor(urlPathEqualTo(DETAIL)));
        server.verify(0, postRequestedFor(urlEqualTo(CREATE)));
        // and the order says so, once, where its callers read it (exploratory s14 production, 6)
        assertThat(dropflow.getOrder(order).path("timeline").findValuesAsText("what"))
                .filteredOn(what -> what.contains("stopped after its tries")).containsExactly("Step \"Forward purchase"
                        + " order\" (Order fulfillment) stopped after its tries: an administrator retries it in Cockpit"
                        + " once its cause is fixed");
    }

    @Test
    void cjDeletesAnUnpaidOrderTheConsumerCancels() {
        long order = placedAtCj();
        // getOrderDetail (Shopping page, the order query: orderId, orderNum, orderStatus, logisticName, trackNumber): https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        TestSupplierApi.server().stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(detail(order, "UNPAID", null))));
        // deleteOrder (Shopping page, order deletion: data is the deleted orderId): https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        TestSupplierApi.server().stubFor(delete(urlPathEqualTo("/cj/shopping/order/deleteOrder"))
                .willReturn(okJson(CjDropshippingTest.envelope(200, true, "Success", "\"" + cjOrderId(order) + "\""))));

        dropflow.cancel(order);
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).isEnded().hasPassed(END_SUPPLIER_CANCELLED.id(), END_CLOSED_REFUNDED.id());
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("status").asText()).isEqualTo("CANCELLED");
        TestSupplierApi.server().verify(1, deleteRequestedFor(urlPathEqualTo("/cj/shopping/order/deleteOrder"))
                .withQueryParam("orderId", equalTo(cjOrderId(order))));
    }

    @Test
    void aPaidCjOrderCannotBeCancelledAndShips() throws Exception {
        long order = placedAtCj();
        // getOrderDetail (Shopping page, the order query: orderId, orderNum, orderStatus, logisticName, trackNumber): https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        TestSupplierApi.server().stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(detail(order, "UNSHIPPED", null))));

        dropflow.cancel(order);
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SHIPMENT_AFTER_REFUSAL.id());
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("reasonCode").asText()).isEqualTo("CJ_ORDER_PAID");
        TestSupplierApi.server().verify(0, deleteRequestedFor(urlPathMatching(".*deleteOrder.*")));
        cjSays("ORDER", Map.of("cjOrderId", cjOrderId(order), "orderNumber", po(order, 1), "orderStatus", "SHIPPED",
                "trackNumber", "CJPKL-PAID-" + order), TestSupplierApi.CJ_OPEN_ID);
        assertThat(dropflow.process(order)).hasPassed(END_SHIPPED_DESPITE_CANCELLATION.id()).isWaitingAt(REGISTER_TRACKING.id());
    }

    @Test
    void theShipByReminderLooksTheOrderUpAtCjAndTakesInWhatItsMessagesMissed() {
        long order = placedAtCj();
        // getOrderDetail (Shopping page, the order query: orderId, orderNum, orderStatus, logisticName, trackNumber): https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        TestSupplierApi.server().stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(detail(order, "SHIPPED",
                "CJPKL-MISSED-" + order))));

        dropflow.fireTimer(order, REMINDER_DUE.id());
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).hasPassed(REMIND_SUPPLIER.id(), REGISTER_TRACKING.id()).isWaitingAt(AWAIT_DELIVERY.id());
        assertThat(dropflow.getOrder(order).path("shipments").get(0).path("trackingNumber").asText())
                .isEqualTo("CJPKL-MISSED-" + order);
    }

    @Autowired
    io.dropflow.partners.internal.RecordedDeliveries deliveries;

    @Test
    void aParcelOfAnOrderCjSplitIsMatchedThroughTheSplit() throws Exception {
        long order = placedAtCj();
        assertThat(cjSays("ORDER", orderMessage(order, "UNSHIPPED"), TestSupplierApi.CJ_OPEN_ID).getStatusCode().value())
                .isEqualTo(200);
        String child = "2107-SPLIT-" + order;
        // CJ's webhook page lists ORDERSPLIT without a payload schema: the ids are read wherever they are named
        assertThat(cjSays("ORDERSPLIT", Map.of("orderNumber", po(order, 1), "orderId", cjOrderId(order),
                "splitOrderIds", List.of(child)), TestSupplierApi.CJ_OPEN_ID).getBody()).contains("taken");

        ResponseEntity<String> parcel = cjSays("LOGISTIC", logisticMessage(child, "CJPKL-SPLIT-" + order, 1,
                List.of(trackEvent(1, "Left the warehouse", "2026-11-27 09:00:00"))), TestSupplierApi.CJ_OPEN_ID);

        assertThat(parcel.getBody()).contains("taken");
        dropflow.runJobs(order);
        assertThat(dropflow.getOrder(order).path("shipments").get(0).path("trackingNumber").asText())
                .isEqualTo("CJPKL-SPLIT-" + order);
    }

    /**
     * A CJ parcel for a purchase order cancelled here goes to an operator, as any supplier's late SHIPPED
     * does (before, CJ's LOGISTIC message only logged a warning).
     */
    @Test
    void aCjParcelForACancelledPurchaseOrderGoesToAnOperator() throws Exception {
        long order = placedAtCj();
        jdbc.update("update purchase_order set status = 'CANCELLED', reason_code = 'NO_ANSWER' where idempotency_key = ?",
                po(order, 1));

        ResponseEntity<String> parcel = cjSays("LOGISTIC", logisticMessage(cjOrderId(order), "CJPKL-LATE-" + order, 1,
                List.of(trackEvent(1, "Left the warehouse", "2026-11-27 09:00:00"))), TestSupplierApi.CJ_OPEN_ID);

        assertThat(parcel.getStatusCode().value()).isEqualTo(200);
        assertThat(engine.getTaskService().createTaskQuery().taskName("Supplier shipped a cancelled purchase order")
                .list().stream().map(t -> String.valueOf(DropflowDriver.factsOf(engine, t).get("lastError"))))
                .anyMatch(why -> why.contains(po(order, 1)) && why.contains("CJPKL-LATE-" + order));
    }

    @Test
    void aCjMessageThatCameBeforeItsOrderWasRecordedIsTakenWhenDropflowRetriesIt() throws Exception {
        // getOrderDetail of an order CJ does not have: code 1603100, https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html
        TestSupplierApi.server().stubFor(get(urlPathEqualTo(DETAIL)).willReturn(okJson(CjDropshippingTest.notFound())));
        long order = dropflow.placeOrder(TestSupplierApi.CJ_SKU, 1, "20.00").orderId();
        // CJ's LOGISTIC message for the order arrives before Dropflow recorded CJ's answer to it
        ResponseEntity<String> early = cjSays("LOGISTIC", logisticMessage(cjOrderId(order), "CJPKL-EARLY-" + order, 1,
                List.of(trackEvent(1, "Left the warehouse", "2026-11-27 09:00:00"))), TestSupplierApi.CJ_OPEN_ID);
        assertThat(early.getStatusCode().value()).isEqualTo(200);
        assertThat(early.getBody()).contains("not_yet");
        // createOrderV2 (Shopping page, 1.1 Create Order V2: data.orderId): https://developers.cjdropshipping.com/en/api/api2/api/shopping.html
        TestSupplierApi.server().stubFor(post(CREATE).willReturn(okJson(CjDropshippingTest.envelope(200, true, "Success",
                "{\"orderId\":\"" + cjOrderId(order) + "\"}"))));
        dropflow.runJobs(order);

        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().plusSeconds(120)));
        try {
            deliveries.retryDue();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        dropflow.runJobs(order);

        assertThat(dropflow.getOrder(order).path("shipments").get(0).path("trackingNumber").asText())
                .isEqualTo("CJPKL-EARLY-" + order);
    }

    @Test
    void cjStockAndPriceMessagesUpdateTheOfferOfTheirVariant() throws Exception {
        String vid = TestSupplierApi.CJ_VID;
        String notOurs = "1424608152007086080";
        try {
            // STOCK: per variant id, its warehouses and their storageNum (CJ's Webhook page, stock message)
            ResponseEntity<String> stock = cjSays("STOCK", Map.of(vid, List.of(
                    Map.of("vid", vid, "areaId", "2", "areaEn", "China Warehouse", "countryCode", "CN", "storageNum", 120),
                    Map.of("vid", vid, "areaId", "1", "areaEn", "US Warehouse", "countryCode", "US", "storageNum", 30)),
                    notOurs, List.of(Map.of("vid", notOurs, "areaId", "2", "areaEn", "China Warehouse", "countryCode", "CN",
                            "storageNum", 5))), TestSupplierApi.CJ_OPEN_ID);

            assertThat(stock.getStatusCode().value()).isEqualTo(200);
            assertThat(stock.getBody()).contains("taken: 1 offer(s) updated").contains(notOurs);
            assertThat(offer(vid, "stock_level", Integer.class)).isEqualTo(150);

            // VARIANT: a new variantSellPrice is CJ's price in USD; the offer is in EUR, so it goes to an operator
            ResponseEntity<String> inEuro = cjSays("VARIANT", Map.of("vid", vid, "variantSellPrice", 3.85,
                    "fields", List.of("variantSellPrice")), TestSupplierApi.CJ_OPEN_ID);
            assertThat(inEuro.getStatusCode().value()).isEqualTo(200);
            assertThat(inEuro.getBody()).contains("unusable").contains("a price in USD for an offer in EUR");
            assertThat(offer(vid, "supply_price", java.math.BigDecimal.class)).isEqualByComparingTo("4.00");

            jdbc.update("update supplier_offer set currency = 'USD' where supplier_sku = ?", vid);
            ResponseEntity<String> inDollars = cjSays("VARIANT", Map.of("vid", vid, "variantSellPrice", 3.85,
                    "fields", List.of("variantSellPrice")), TestSupplierApi.CJ_OPEN_ID);
            assertThat(inDollars.getBody()).contains("taken: 1 offer(s) updated");
            assertThat(offer(vid, "supply_price", java.math.BigDecimal.class)).isEqualByComparingTo("3.85");

            ResponseEntity<String> renamed = cjSays("VARIANT", Map.of("vid", vid, "variantSellPrice", 9.99,
                    "fields", List.of("variantNameEn")), TestSupplierApi.CJ_OPEN_ID);
            assertThat(renamed.getBody()).contains("no new price");
            assertThat(offer(vid, "supply_price", java.math.BigDecimal.class)).isEqualByComparingTo("3.85");
        } finally {
            jdbc.update("update supplier_offer set supply_price = 4.00, currency = 'EUR', stock_level = 100,"
                    + " last_pushed_at = null where supplier_sku = ?", vid);
        }
    }

    /**
     * CJ's Webhook page (https://developers.cjdropshipping.cn/en/api/start/webhook.html, "Inbound message for
     * Variant") gives {@code variantSellPrice} as "variant sell price, USD", type double, with no number of decimals.
     * A price with more decimals than the dollar has is taken as CJ sent it, never rounded to a price CJ did not
     * name: the message goes to an operator, told which offer keeps which price and how to set it by hand; the offer
     * keeps its price.
     */
    @Test
    void aCjPriceWithMoreDecimalsThanTheDollarHasIsNotRoundedButGoesToAnOperator() throws Exception {
        String vid = TestSupplierApi.CJ_VID;
        try {
            jdbc.update("update supplier_offer set currency = 'USD' where supplier_sku = ?", vid);

            ResponseEntity<String> tooPrecise = cjSays("VARIANT", Map.of("vid", vid, "variantSellPrice", 3.855,
                    "fields", List.of("variantSellPrice")), TestSupplierApi.CJ_OPEN_ID);

            assertThat(tooPrecise.getStatusCode().value()).isEqualTo(200);
            // review s18, F7: the operator reads which offer keeps which price, CJ's new one, and what to do
            String told = "CJ now sells variant " + vid + " at 3.855 USD, which has more decimals than USD has (2):"
                    + " offer TEST-CJ of CJ keeps its price 4.00 USD, and sourcing ranks and prices it at that. If CJ's"
                    + " price holds, set the offer's supplyPrice by hand in whole cents (GET /api/suppliers/CJ/offers/"
                    + "TEST-CJ, then PUT it back with the new supplyPrice), then close this task";
            assertThat(tooPrecise.getBody()).contains("unusable").contains(told);
            assertThat(io.dropflow.translation.OperatorTexts.of("zh").translateMessage(told)).isEqualTo("CJ 现在以 3.855 USD"
                    + " 出售变体 " + vid + "，但其小数位数多于 USD 的位数（2）：供应商 CJ 的商品 TEST-CJ 保持原价 4.00 USD，"
                    + "货源排序和定价仍按此价格。如 CJ 的价格属实，请手动按整分设置该商品的 supplyPrice（GET /api/suppliers/CJ/"
                    + "offers/TEST-CJ，再以新的 supplyPrice PUT 回去），然后关闭此任务");
            assertThat(offer(vid, "supply_price", java.math.BigDecimal.class)).isEqualByComparingTo("4.00");

            // trailing zeros are no extra decimals: "3.850" is 3.85 dollars
            ResponseEntity<String> asText = cjSays("VARIANT", Map.of("vid", vid, "variantSellPrice", "3.850",
                    "fields", List.of("variantSellPrice")), TestSupplierApi.CJ_OPEN_ID);
            assertThat(asText.getBody()).contains("taken: 1 offer(s) updated");
            assertThat(offer(vid, "supply_price", java.math.BigDecimal.class)).isEqualByComparingTo("3.85");
        } finally {
            jdbc.update("update supplier_offer set supply_price = 4.00, currency = 'EUR', stock_level = 100,"
                    + " last_pushed_at = null where supplier_sku = ?", vid);
        }
    }

    /**
     * CJ's messages carry no time: a VARIANT message counts as made when it was recorded. One the catalog refused
     * (a USD price for an offer in EUR), tried again by an operator after the seller fixed the currency and after
     * a newer message set the price, is taken as stale: the newer price stays.
     */
    @Test
    void aCjPriceMessageTriedAgainAfterANewerOneLeavesTheNewerPrice() throws Exception {
        String vid = TestSupplierApi.CJ_VID;
        try {
            ResponseEntity<String> older = cjSays("VARIANT", Map.of("vid", vid, "variantSellPrice", 3.85,
                    "fields", List.of("variantSellPrice")), TestSupplierApi.CJ_OPEN_ID);
            assertThat(older.getBody()).contains("unusable").contains("a price in USD for an offer in EUR");
            long olderId = jdbc.queryForObject("select max(id) from partner_delivery where partner = 'cj' and topic = 'VARIANT'",
                    Long.class);

            jdbc.update("update supplier_offer set currency = 'USD' where supplier_sku = ?", vid);
            assertThat(cjSays("VARIANT", Map.of("vid", vid, "variantSellPrice", 4.10, "fields", List.of("variantSellPrice")),
                    TestSupplierApi.CJ_OPEN_ID).getBody()).contains("taken: 1 offer(s) updated");

            var retried = deliveries.attempt(olderId);

            assertThat(retried.outcome()).isEqualTo(io.dropflow.partners.DeliveryHandler.Outcome.TAKEN);
            assertThat(retried.detail()).contains("0 offer(s) updated", "ignored as stale for variants [" + vid + "]");
            assertThat(offer(vid, "supply_price", java.math.BigDecimal.class)).isEqualByComparingTo("4.10");
        } finally {
            jdbc.update("update supplier_offer set supply_price = 4.00, currency = 'EUR', stock_level = 100,"
                    + " last_pushed_at = null where supplier_sku = ?", vid);
        }
    }

    private <T> T offer(String supplierSku, String column, Class<T> type) {
        return jdbc.queryForObject("select " + column + " from supplier_offer where supplier_sku = ?", type, supplierSku);
    }
}
