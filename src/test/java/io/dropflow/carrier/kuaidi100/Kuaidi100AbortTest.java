package io.dropflow.carrier.kuaidi100;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.carrier.OneParcelTracked;
import io.dropflow.partners.DeliveryHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kuaidi100's {@code status=abort} push, as its push page and its own SDK (kuaidi100-api/java-demo,
 * SubscribePushParamResp) describe it: "3天查询无记录" / "60天无变化" - to keep following the parcel,
 * subscribe again half an hour later; with {@code comNew}, Kuaidi100 corrected our company code and
 * follows the number itself under the new one (https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c).
 * The subscription stub follows the same page's answer ({"result":true,"returnCode":"200"}).
 */
class Kuaidi100AbortTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-12-01T08:00:00Z");
    private static final String NUMBER = "YT9876543210";

    private final WireMockServer kuaidi100 = new WireMockServer(options().dynamicPort());
    private Kuaidi100Settings settings;
    private Kuaidi100Client client;

    @BeforeEach
    void start() {
        kuaidi100.start();
        // 订阅 accepted: https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{\"result\":true,\"returnCode\":\"200\",\"message\":\"提交成功\"}")));
        settings = new Kuaidi100Settings("CUST1", "KEY1", "SALT1", "https://dropflow.example/api/webhooks/kuaidi100",
                kuaidi100.baseUrl() + "/poll", kuaidi100.baseUrl() + "/poll/query.do", Map.of("YTO", "yuantong"),
                Duration.ofSeconds(2), Duration.ofSeconds(5), null, null); // no timeout is tested here: a slow first call must not fail it
        client = new Kuaidi100Client(settings, io.dropflow.partners.internal.ResilientPartnerCalls.local(
                new io.dropflow.partners.internal.PartnerSettings(null, null, null),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        kuaidi100.stop();
    }

    private Kuaidi100Pushes pushesAt(Instant now) {
        return pushesAt(now, io.dropflow.carrier.TrackingStatus.IN_TRANSIT);
    }

    private Kuaidi100Pushes pushesAt(Instant now, io.dropflow.carrier.TrackingStatus ours) {
        return new Kuaidi100Pushes(settings, client, new OneParcelTracked("YTO", NUMBER, "+86 138-0013-8000", ours),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static DeliveryHandler.Delivery abort(String extra, int attempts) {
        String param = "{\"status\":\"abort\",\"billstatus\":\"got\",\"message\":\"3天查询无记录\"" + extra
                + ",\"lastResult\":{\"message\":\"ok\",\"nu\":\"" + NUMBER + "\",\"ischeck\":\"0\",\"com\":\"yuantong\","
                + "\"status\":\"200\",\"state\":\"0\",\"data\":[]}}";
        return new DeliveryHandler.Delivery(7L, "kuaidi100", "kuaidi100", "abort", "k100-" + NUMBER, param, attempts,
                RECEIVED);
    }

    @Test
    void anAbortedParcelIsSubscribedAgainHalfAnHourLaterNotWhileKuaidi100WaitsForOurAnswer() throws Exception {
        // the push itself (first try, Kuaidi100 waiting for our answer): recorded and parked, nothing sent
        assertThat(pushesAt(RECEIVED).handle(abort("", 0)).outcome()).isEqualTo(DeliveryHandler.Outcome.NOT_YET);
        // a retry before the half hour: still nothing sent
        assertThat(pushesAt(RECEIVED.plus(Duration.ofMinutes(15))).handle(abort("", 4)).outcome())
                .isEqualTo(DeliveryHandler.Outcome.NOT_YET);
        assertThat(kuaidi100.getAllServeEvents()).isEmpty();

        DeliveryHandler.Result result = pushesAt(RECEIVED.plus(Duration.ofMinutes(31))).handle(abort("", 5));

        assertThat(result.outcome()).isEqualTo(DeliveryHandler.Outcome.TAKEN);
        assertThat(kuaidi100.getAllServeEvents()).hasSize(1);
        String body = kuaidi100.getAllServeEvents().get(0).getRequest().getBodyAsString();
        var param = JSON.readTree(URLDecoder.decode(body.replaceAll(".*param=([^&]*).*", "$1"), StandardCharsets.UTF_8));
        assertThat(param.path("company").asText()).isEqualTo("yuantong");
        assertThat(param.path("number").asText()).isEqualTo(NUMBER);
        assertThat(param.path("parameters").path("phone").asText()).isEqualTo("8000");
    }

    @Test
    void anAbortNamingTheCorrectedCompanyIsNotSubscribedAgainUnderTheWrongOne() {
        // Kuaidi100: status=abort, autoCheck=0, comOld empty, comNew = the corrected code; it follows the number itself
        DeliveryHandler.Result result = pushesAt(RECEIVED.plus(Duration.ofHours(1)))
                .handle(abort(",\"autoCheck\":\"0\",\"comOld\":\"\",\"comNew\":\"yuantongkuaiyun\"", 5));

        assertThat(result.outcome()).isEqualTo(DeliveryHandler.Outcome.TAKEN);
        assertThat(result.detail()).contains("yuantongkuaiyun");
        assertThat(kuaidi100.getAllServeEvents()).isEmpty();
    }

    @Test
    void aParcelAlreadyDeliveredIsNotSubscribedAgain() {
        // "若贵司校验快递公司编码和单号无误后仍需继续跟踪" - only when it still needs following
        DeliveryHandler.Result result = pushesAt(RECEIVED.plus(Duration.ofHours(1)),
                io.dropflow.carrier.TrackingStatus.DELIVERED).handle(abort("", 5));

        assertThat(result.outcome()).isEqualTo(DeliveryHandler.Outcome.TAKEN);
        assertThat(kuaidi100.getAllServeEvents()).isEmpty();
    }
}
