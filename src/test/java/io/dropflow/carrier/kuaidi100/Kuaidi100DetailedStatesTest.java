package io.dropflow.carrier.kuaidi100;

import io.dropflow.carrier.Consignee;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.TrackingStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kuaidi100's detailed states (高级物流状态), asked for with {@code resultv2=4}, in our status set, one test per
 * main state of Kuaidi100's table (物流状态值 / 高级物流状态值 / 含义, on its 订阅推送 page
 * https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c; resultv2=4 on that page, on the 实时快递查询 page
 * https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc and in its SDK kuaidi100-api/java-demo). The main
 * states themselves are {@link Kuaidi100Test}'s. The stubs are in src/test/resources/wiremock/kuaidi100/mappings,
 * each naming its source.
 */
class Kuaidi100DetailedStatesTest {

    @ParameterizedTest(name = "揽收 {0} -> {1}")
    @CsvSource({"101, INFO_RECEIVED", "102, INFO_RECEIVED", "103, INFO_RECEIVED"})
    void collected(String code, TrackingStatus ours) {
        assertMapped(code, ours);
    }

    @ParameterizedTest(name = "在途 {0} -> {1}")
    @CsvSource({"1001, IN_TRANSIT", "1002, IN_TRANSIT", "1003, IN_TRANSIT"})
    void inTransit(String code, TrackingStatus ours) {
        assertMapped(code, ours);
    }

    @ParameterizedTest(name = "派件 {0} -> {1}")
    @CsvSource({"501, OUT_FOR_DELIVERY"})
    void outForDelivery(String code, TrackingStatus ours) {
        assertMapped(code, ours);
    }

    @ParameterizedTest(name = "签收 {0} -> {1}")
    @CsvSource({"301, DELIVERED", "302, DELIVERED", "303, DELIVERED", "304, DELIVERED"})
    void signedFor(String code, TrackingStatus ours) {
        assertMapped(code, ours);
    }

    /** 4 退签 itself stays returned, 14 拒签 delivery failed ({@link Kuaidi100Test}); a cancelled waybill needs a look. */
    @ParameterizedTest(name = "退签 {0} -> {1}")
    @CsvSource({"401, EXCEPTION"})
    void signedBack(String code, TrackingStatus ours) {
        assertMapped(code, ours);
    }

    @ParameterizedTest(name = "疑难 {0} -> {1}")
    @CsvSource({"201, EXCEPTION", "202, EXCEPTION", "203, DELIVERY_FAILED", "204, DELIVERY_FAILED",
            "205, DELIVERY_FAILED", "206, DELIVERY_FAILED", "207, EXCEPTION", "208, EXCEPTION", "209, EXCEPTION",
            "210, EXCEPTION"})
    void problems(String code, TrackingStatus ours) {
        assertMapped(code, ours);
    }

    /** A code of Kuaidi100's table (main or detailed), mapped as the table means it. */
    private static void assertMapped(String code, TrackingStatus ours) {
        assertThat(Kuaidi100States.STATES.containsKey(code) || Kuaidi100States.DETAILED.containsKey(code))
                .as("%s is in Kuaidi100's table", code).isTrue();
        assertThat(Kuaidi100States.of(code)).isEqualTo(ours);
    }

    @Test
    void everyDetailedCodeOfTheTableIsMapped() {
        assertThat(Kuaidi100States.DETAILED.keySet()).containsExactlyInAnyOrder("101", "102", "103", "1001", "1002",
                "1003", "501", "301", "302", "303", "304", "401", "201", "202", "203", "204", "205", "206", "207", "208",
                "209", "210");
    }

    /** Codes not in the table: the main state their number belongs to (101 → 1, 1002 → 0), never an error. */
    @ParameterizedTest(name = "unknown {0} -> {1}")
    @CsvSource({"104, INFO_RECEIVED", "305, DELIVERED", "211, EXCEPTION", "502, OUT_FOR_DELIVERY", "402, RETURNED",
            "601, RETURNED"})
    void anUnknownCodeCountsAsItsMainState(String code, TrackingStatus ours) {
        assertThat(Kuaidi100States.of(code)).isEqualTo(ours);
    }

    private final WireMockServer kuaidi100 = new WireMockServer(options().dynamicPort()
            .usingFilesUnderClasspath("wiremock/kuaidi100"));
    private Kuaidi100Client client;

    @BeforeEach
    void start() {
        kuaidi100.start();
        client = new Kuaidi100Client(new Kuaidi100Settings("CUST1", "KEY1", "SALT1",
                "https://dropflow.example/api/webhooks/kuaidi100", kuaidi100.baseUrl() + "/poll",
                kuaidi100.baseUrl() + "/poll/query.do", Map.of("YTO", "yuantong"), Duration.ofSeconds(1),
                Duration.ofMillis(1200), null, null), io.dropflow.partners.internal.ResilientPartnerCalls.local(
                new io.dropflow.partners.internal.PartnerSettings(null, null, null),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        kuaidi100.stop();
    }

    private static String resultV2(String value) {
        return URLEncoder.encode("\"resultv2\":\"" + value + "\"", StandardCharsets.UTF_8);
    }

    @Test
    void theQueryAsksForDetailedStatesAndEachRecordKeepsItsOwn() {
        List<CarrierEvent> events = client.poll("YTO", "YT4000000001", Consignee.UNKNOWN);

        kuaidi100.verify(postRequestedFor(urlEqualTo("/poll/query.do")).withRequestBody(containing(resultV2("4"))));
        // oldest first; the latest carries the parcel's state (304), 1004 is not in the table: its main state, 0
        assertThat(events).extracting(CarrierEvent::status).containsExactly(TrackingStatus.INFO_RECEIVED,
                TrackingStatus.INFO_RECEIVED, TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT,
                TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.OUT_FOR_DELIVERY,
                TrackingStatus.DELIVERED);
        assertThat(events.get(6).description()).contains("投递到丰巢柜");
    }

    @Test
    void theSubscriptionAsksForDetailedStates() {
        client.register("YTO", "YT4000000001", Consignee.UNKNOWN);

        kuaidi100.verify(postRequestedFor(urlEqualTo("/poll")).withRequestBody(containing(resultV2("4"))));
    }
}
