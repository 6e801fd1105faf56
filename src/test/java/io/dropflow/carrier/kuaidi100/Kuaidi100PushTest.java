package io.dropflow.carrier.kuaidi100;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.TestSupplierApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** A parcel of carrier K100-YTO followed by Kuaidi100: subscribed when it ships, delivered by a signed push. */
@DropflowTest
class Kuaidi100PushTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.dropflow.partners.internal.RecordedDeliveries deliveries;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        TestSupplierApi.server().stubFor(post("/kuaidi100/poll") // subscription (poll) answer: https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c
                .willReturn(okJson("{\"result\":true,\"returnCode\":\"200\",\"message\":\"提交成功\"}")));
    }

    private static String md5Upper(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)))
                .toUpperCase();
    }

    private ResponseEntity<String> push(String param, String sign) {
        String body = "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8) + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8);
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(s -> s.isError(), (req, res) -> { }).build()
                .post().uri("/api/webhooks/kuaidi100").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body)
                .retrieve().toEntity(String.class);
    }

    private static String param(String status, String number, String state, String records) {
        return "{\"status\":\"" + status + "\",\"billstatus\":\"got\",\"message\":\"\",\"lastResult\":{\"message\":\"ok\","
                + "\"nu\":\"" + number + "\",\"ischeck\":\"0\",\"com\":\"yuantong\",\"status\":\"200\",\"state\":\"" + state
                + "\",\"data\":[" + records + "]}}";
    }

    /**
     * The order's tracking events only: the application and its database are shared with other test classes,
     * and {@code retryDue} below also takes their parked carrier scans (a parcel whose shipment came since).
     */
    private long trackingEvents(long order) {
        return jdbc.queryForObject("select count(*) from tracking_event e join shipment s on s.id = e.shipment_id"
                + " where s.order_id = ?", Long.class, order);
    }

    /**
     * A time {@code minutes} from now, as Kuaidi100 writes it (China's time): after the order's purchase order was
     * forwarded (a record dated before is another parcel's under the same number, and not applied).
     */
    private static String soon(int minutes) {
        return java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusMinutes(minutes)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    @Test
    void aParcelIsSubscribedAtKuaidi100AndDeliveredBySignedPushes() throws Exception {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        String number = "YT" + (9_000_000_000L + order);
        dropflow.supplierSays("ACME", po(order, 1), "SHIPPED", null, "K100-YTO", number);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_DELIVERY.id());
        TestSupplierApi.server().verify(postRequestedFor(urlEqualTo("/kuaidi100/poll"))
                .withRequestBody(containing(URLEncoder.encode("\"number\":\"" + number + "\"", StandardCharsets.UTF_8))));

        String older = "{\"time\":\"" + soon(1) + "\",\"ftime\":\"" + soon(1) + "\",\"context\":\"【上海】已揽收\"}";
        String inTransit = param("polling", number, "0", older);
        ResponseEntity<String> first = push(inTransit, md5Upper(inTransit + TestSupplierApi.KUAIDI100_SALT));
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody()).contains("\"result\":true").contains("\"returnCode\":\"200\"");

        // A wrong sign is refused and changes nothing. An abort (Kuaidi100 stopped following the parcel) is
        // answered at once, and the parcel subscribed again half an hour later, as Kuaidi100's push page asks
        // ("隔半小时再发起该单的订阅"), from the recorded push's retries. A signed push that is not JSON is
        // answered 200 and goes to an operator (the old 400 made Kuaidi100 push it again).
        long before = trackingEvents(order);
        String signedState = param("polling", number, "3", "{\"time\":\"" + soon(2) + "\",\"ftime\":\"" + soon(2) + "\","
                + "\"context\":\"已签收，签收人：本人\"}," + older);
        assertThat(push(signedState, md5Upper(signedState + "wrong-salt")).getStatusCode().value()).isEqualTo(401);
        String abort = param("abort", number, "0", older).replace("\"message\":\"\"", "\"message\":\"3天查询无记录\"");
        ResponseEntity<String> aborted = push(abort, md5Upper(abort + TestSupplierApi.KUAIDI100_SALT));
        assertThat(aborted.getStatusCode().value()).isEqualTo(200);
        assertThat(aborted.getBody()).contains("\"result\":true").contains("\"returnCode\":\"200\"");
        TestSupplierApi.server().verify(1, postRequestedFor(urlEqualTo("/kuaidi100/poll"))
                .withRequestBody(containing(URLEncoder.encode("\"number\":\"" + number + "\"", StandardCharsets.UTF_8))));
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(
                java.time.Duration.ofMinutes(31))));
        try {
            deliveries.retryDue();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        // both subscriptions carry the consignee's phone (required for SF Express): the renewal is not refused
        TestSupplierApi.server().verify(2, postRequestedFor(urlEqualTo("/kuaidi100/poll"))
                .withRequestBody(containing(URLEncoder.encode("\"number\":\"" + number + "\"", StandardCharsets.UTF_8)))
                .withRequestBody(containing(URLEncoder.encode("\"phone\":\"1123\"", StandardCharsets.UTF_8))));
        assertThat(push("{not json", md5Upper("{not json" + TestSupplierApi.KUAIDI100_SALT)).getStatusCode().value()).isEqualTo(200);
        assertThat(trackingEvents(order)).isEqualTo(before);
        // a param with content after its JSON value (a second push?) goes to an operator whole: taking the first
        // value alone recorded the signed state and lost the rest in silence
        String twoValues = signedState + " " + inTransit;
        assertThat(push(twoValues, md5Upper(twoValues + TestSupplierApi.KUAIDI100_SALT)).getStatusCode().value()).isEqualTo(200);
        assertThat(trackingEvents(order)).isEqualTo(before);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_DELIVERY.id());

        // Kuaidi100 corrected the company code (autoCheck, comOld/comNew) and pushes the whole history again
        // with the new state: matched by the company we subscribed with, the older record not doubled
        String corrected = signedState.replace("\"com\":\"yuantong\"", "\"com\":\"yuantongkuaiyun\"")
                .replace("{\"status\":\"polling\"", "{\"status\":\"polling\",\"autoCheck\":\"1\",\"comOld\":\"yuantong\","
                        + "\"comNew\":\"yuantongkuaiyun\"");
        assertThat(push(corrected, md5Upper(corrected + TestSupplierApi.KUAIDI100_SALT)).getStatusCode().value()).isEqualTo(200);
        assertThat(trackingEvents(order)).isEqualTo(before + 1);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AFTER_SALES_WINDOWS_CLOSED.id());
        assertThat(dropflow.getOrder(order).path("status").asText()).isEqualTo("DELIVERED");
    }

    /**
     * Note s14, "Not mended": a push that tells our parcel's records and one dated before our purchase order was
     * placed (another parcel's under the number, which carriers use again) was taken, and that record dropped in
     * silence; a push of such records alone went to an operator. Now the record is kept for an operator, as the
     * normalized webhook keeps a scan of another parcel, once: the whole history pushed again raises nothing more.
     */
    @Test
    void aRecordFromBeforeThePurchaseOrderInAPushWithNewerOnesGoesToAnOperator() throws Exception {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        String number = "YT" + (9_100_000_000L + order);
        dropflow.supplierSays("ACME", po(order, 1), "SHIPPED", null, "K100-YTO", number);
        dropflow.runJobs(order);
        String twoDaysAgo = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String anotherParcels = "{\"time\":\"" + twoDaysAgo + "\",\"ftime\":\"" + twoDaysAgo + "\",\"context\":\"【深圳】已签收\"}";
        String ours = "{\"time\":\"" + soon(1) + "\",\"ftime\":\"" + soon(1) + "\",\"context\":\"【上海】已揽收\"}";
        String mixed = param("polling", number, "0", ours + "," + anotherParcels);

        assertThat(push(mixed, md5Upper(mixed + TestSupplierApi.KUAIDI100_SALT)).getStatusCode().value()).isEqualTo(200);

        assertThat(trackingEvents(order)).as("our record").isEqualTo(1);
        java.util.List<java.util.Map<String, Object>> kept = jdbc.queryForList("select status, process_instance_id,"
                + " last_error from partner_delivery where partner = 'carrier' and payload like ?", "%\"" + number + "\"%");
        assertThat(kept).as("the other parcel's record, kept for an operator").singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("ATTENTION");
            assertThat(row.get("process_instance_id")).isNotNull();
            assertThat((String) row.get("last_error")).contains("K100-YTO " + number, "before its purchase order "
                    + po(order, 1) + " was placed", "not applied");
        });
        org.camunda.bpm.engine.task.Task task = engine.getTaskService().createTaskQuery()
                .processInstanceId((String) kept.get(0).get("process_instance_id")).singleResult();
        assertThat(task.getDescription()).contains("before its purchase order " + po(order, 1)).endsWith("Close this task:"
                + " the scan is another parcel's under one of our tracking numbers, trying it again changes nothing");
        assertThat(io.dropflow.translation.OperatorTexts.of("zh").findMessage(task.getDescription())).as("in Chinese too")
                .isPresent();

        // the whole history pushed again, with a newer record: ours taken, the other parcel's not raised again
        String again = param("polling", number, "0", "{\"time\":\"" + soon(2) + "\",\"ftime\":\"" + soon(2)
                + "\",\"context\":\"【上海】运输中\"}," + ours + "," + anotherParcels);
        assertThat(push(again, md5Upper(again + TestSupplierApi.KUAIDI100_SALT)).getStatusCode().value()).isEqualTo(200);
        assertThat(trackingEvents(order)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from partner_delivery where partner = 'carrier' and payload like ?",
                Long.class, "%\"" + number + "\"%")).isEqualTo(1);
        assertThat(dropflow.getOrder(order).path("status").asText()).isNotEqualTo("DELIVERED");
    }
}
