package io.dropflow.carrier.track17;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.TestSupplierApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A parcel of carrier T17-DHL followed by 17TRACK: registered when it ships, delivered by a signed push. */
@DropflowTest
class Track17PushTest {

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
        // 17TRACK register (Tracking API v2.2, "register": code 0, data.accepted/rejected): https://asset.17track.net/api/document/v2.2_en/index.html
        TestSupplierApi.server().stubFor(post("/track17/register")
                .willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":[],\"rejected\":[]}}")));
    }

    /**
     * 17TRACK's push {@code sign}: hex SHA-256 of body + "/" + key, as integrations verify it; no 17TRACK page in reach
     * states the rule (the v2.2 document, https://asset.17track.net/api/document/v2.2_en/index.html, is not readable
     * here; see docs/partners/17track.md).
     */
    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private ResponseEntity<String> push(String body, String sign) {
        return dropflow.postRaw("/api/webhooks/17track", body, h -> {
            if (sign != null) {
                h.set("sign", sign);
            }
        });
    }

    /**
     * A time {@code minutes} from now, to the second, as 17TRACK writes it: after the order's purchase order was
     * forwarded (a scan dated before is another parcel's under the same number, and not applied).
     */
    private static String soon(int minutes) {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plus(java.time.Duration.ofMinutes(minutes)).toString();
    }

    private static String updated(String number, String status, String latestTime, String latestText) {
        return "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"" + number + "\",\"carrier\":100001,\"param\":null,"
                + "\"tag\":null,\"track_info\":{\"latest_status\":{\"status\":\"" + status + "\",\"sub_status\":\"" + status
                + "_Other\"},\"latest_event\":{\"time_iso\":\"" + latestTime + "\",\"time_utc\":\"" + latestTime
                + "\",\"description\":\"" + latestText + "\",\"location\":\"Köln\"},\"tracking\":{\"providers\":[{\"events\":["
                + "{\"time_iso\":\"" + latestTime + "\",\"time_utc\":\"" + latestTime + "\",\"description\":\"" + latestText + "\"},"
                + "{\"time_iso\":\"" + soon(1) + "\",\"time_utc\":\"" + soon(1) + "\",\"description\":\"Shipment picked up\"}]}]}}}}";
    }

    /**
     * The order's tracking events only: the application and its database are shared with other test classes,
     * and {@code retryDue} below also takes their parked carrier scans (a parcel whose shipment came since).
     */
    private long trackingEvents(long order) {
        return jdbc.queryForObject("select count(*) from tracking_event e join shipment s on s.id = e.shipment_id"
                + " where s.order_id = ?", Long.class, order);
    }

    @Test
    void aParcelIsRegisteredAt17TrackAndDeliveredBySignedPushes() throws Exception {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        String number = "JD" + (1_000_000_000L + order);
        dropflow.supplierSays("ACME", po(order, 1), "SHIPPED", null, "T17-DHL", number);
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_DELIVERY.id());
        TestSupplierApi.server().verify(postRequestedFor(urlEqualTo("/track17/register"))
                .withHeader("17token", equalTo(TestSupplierApi.TRACK17_KEY))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo(number)))
                .withRequestBody(matchingJsonPath("$[0].carrier", equalTo("100001"))));

        long before = trackingEvents(order);
        String delivered = updated(number, "Delivered", soon(2), "Delivered to the recipient");
        assertThat(push(delivered, sha256Hex(delivered + "/wrong-key")).getStatusCode().value()).isEqualTo(401);
        assertThat(push(delivered, null).getStatusCode().value()).isEqualTo(401);
        // 17TRACK stopped following the parcel while it is in transit: answered at once, restarted with retrack
        // by the next try of the recorded push (a stopped number gets no news: gettrackinfo would repeat the last)
        // 17TRACK retrack (Tracking API v2.2, "retrack": code 0, data.accepted/rejected): https://asset.17track.net/api/document/v2.2_en/index.html
        TestSupplierApi.server().stubFor(post("/track17/retrack")
                .willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":[{\"number\":\"" + number + "\"}],\"rejected\":[]}}")));
        String stopped = "{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"" + number + "\",\"carrier\":100001}}";
        assertThat(push(stopped, sha256Hex(stopped + "/" + TestSupplierApi.TRACK17_KEY)).getStatusCode().value()).isEqualTo(200);
        TestSupplierApi.server().verify(0, postRequestedFor(urlEqualTo("/track17/retrack"))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo(number))));
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(
                java.time.Duration.ofMinutes(2))));
        try {
            deliveries.retryDue();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        TestSupplierApi.server().verify(1, postRequestedFor(urlEqualTo("/track17/retrack"))
                .withHeader("17token", equalTo(TestSupplierApi.TRACK17_KEY))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo(number)))
                .withRequestBody(matchingJsonPath("$[0].carrier", equalTo("100001"))));
        // A carrier we do not follow is answered 200 and goes to an operator (the old 400 was the finding)
        String unknownCarrier = delivered.replace("100001", "999999");
        assertThat(push(unknownCarrier, sha256Hex(unknownCarrier + "/" + TestSupplierApi.TRACK17_KEY)).getStatusCode().value())
                .isEqualTo(200);
        assertThat(trackingEvents(order)).isEqualTo(before);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_DELIVERY.id());
        // A signed body with content after its JSON value (a second push?) is answered 200 and goes to an
        // operator whole: taking the first value alone delivered the order and lost the rest in silence
        String twoValues = delivered + "\n" + unknownCarrier;
        assertThat(push(twoValues, sha256Hex(twoValues + "/" + TestSupplierApi.TRACK17_KEY)).getStatusCode().value())
                .isEqualTo(200);
        assertThat(trackingEvents(order)).isEqualTo(before);
        assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_DELIVERY.id());

        ResponseEntity<String> ok = push(delivered, sha256Hex(delivered + "/" + TestSupplierApi.TRACK17_KEY));
        assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(200);
        assertThat(trackingEvents(order)).isEqualTo(before + 2); // picked up, delivered (the latest event is not doubled)
        assertThat(dropflow.process(order)).isWaitingAt(Element.AFTER_SALES_WINDOWS_CLOSED.id());
        assertThat(dropflow.getOrder(order).path("shipments").get(0).path("status").asText()).isEqualTo("DELIVERED");

        // A redelivered push changes nothing
        push(delivered, sha256Hex(delivered + "/" + TestSupplierApi.TRACK17_KEY));
        assertThat(trackingEvents(order)).isEqualTo(before + 2);
    }

    @Autowired
    io.dropflow.carrier.internal.TrackingPoller poller;

    @Test
    void aParcelWhosePushesStoppedIsAskedForWithGetTrackInfo() throws Exception {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        String number = "JDQ" + (1_000_000_000L + order);
        dropflow.supplierSays("ACME", po(order, 1), "SHIPPED", null, "T17-DHL", number);
        dropflow.runJobs(order);
        // gettrackinfo (Tracking API v2.2): the same track_info a push carries
        String info = updated(number, "Delivered", soon(2), "Delivered to the recipient");
        // 17TRACK gettrackinfo (Tracking API v2.2, "gettrackinfo": data.accepted[].track_info): https://asset.17track.net/api/document/v2.2_en/index.html
        TestSupplierApi.server().stubFor(post("/track17/gettrackinfo").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":["
                + new com.fasterxml.jackson.databind.ObjectMapper().readTree(info).path("data") + "],\"rejected\":[]}}")));

        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(
                java.time.Duration.ofHours(13))));
        try {
            poller.pollQuietParcels();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }

        TestSupplierApi.server().verify(postRequestedFor(urlEqualTo("/track17/gettrackinfo"))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo(number))));
        assertThat(dropflow.getOrder(order).path("shipments").get(0).path("status").asText()).isEqualTo("DELIVERED");
        assertThat(dropflow.process(order)).isWaitingAt(Element.AFTER_SALES_WINDOWS_CLOSED.id());
    }

    /**
     * Our own API refuses a key twice in one JSON object; 17TRACK's push is read as 17TRACK sends it, so
     * a duplicate key there (the last one counts) does not cost the parcel its delivery.
     */
    @Test
    void aPushWithAKeyTwiceIsStillTaken() throws Exception {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        String number = "JDD" + (1_000_000_000L + order);
        dropflow.supplierSays("ACME", po(order, 1), "SHIPPED", null, "T17-DHL", number);
        dropflow.runJobs(order);
        String delivered = updated(number, "Delivered", soon(2), "Delivered to the recipient")
                .replace("\"tag\":null", "\"tag\":null,\"tag\":\"again\"");
        assertThat(delivered).contains("\"tag\":\"again\"");

        ResponseEntity<String> ok = push(delivered, sha256Hex(delivered + "/" + TestSupplierApi.TRACK17_KEY));

        assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(200);
        assertThat(dropflow.getOrder(order).path("shipments").get(0).path("status").asText()).isEqualTo("DELIVERED");
    }
}
