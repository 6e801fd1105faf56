package io.dropflow.carrier.kuaidi100;

import io.dropflow.carrier.Consignee;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.carrier.CarrierUnavailableException;
import io.dropflow.carrier.TrackingStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kuaidi100's subscription and query against a real HTTP server in its documented shapes, and its
 * state codes. Stubs follow Kuaidi100's 订阅推送 and 实时快递查询 pages
 * (https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c, https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc).
 */
class Kuaidi100Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer kuaidi100 = new WireMockServer(options().dynamicPort());
    private Kuaidi100Client client;

    @BeforeEach
    void start() {
        kuaidi100.start();
        client = new Kuaidi100Client(new Kuaidi100Settings("CUST1", "KEY1", "SALT1", "https://dropflow.example/api/webhooks/kuaidi100",
                kuaidi100.baseUrl() + "/poll", kuaidi100.baseUrl() + "/poll/query.do", Map.of("YTO", "yuantong"),
                Duration.ofSeconds(1), Duration.ofMillis(1200), null, null), io.dropflow.partners.internal.ResilientPartnerCalls.local(
                new io.dropflow.partners.internal.PartnerSettings(null, null, null),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        kuaidi100.stop();
    }

    /** Kuaidi100 refusing the connection read "…: java.net.ConnectException" (as 17TRACK, s14 production, 7). */
    @Test
    void aRefusedConnectionIsToldWithTheHost() {
        int closed = io.dropflow.support.ClosedPort.any();
        String root = "http://127.0.0.1:" + closed;
        Kuaidi100Client unreachable = new Kuaidi100Client(new Kuaidi100Settings("CUST1", "KEY1", "SALT1",
                "https://dropflow.example/api/webhooks/kuaidi100", root + "/poll", root + "/poll/query.do",
                Map.of("YTO", "yuantong"), Duration.ofSeconds(1), Duration.ofMillis(1200), null, null),
                io.dropflow.partners.internal.ResilientPartnerCalls.local(new io.dropflow.partners.internal.PartnerSettings(
                        null, null, null), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                        java.time.Clock.systemUTC()));
        assertThatThrownBy(() -> unreachable.register("YTO", "YT1", Consignee.UNKNOWN))
                .isInstanceOf(CarrierUnavailableException.class)
                .hasMessageStartingWith("Kuaidi100 did not answer: connection refused by 127.0.0.1:" + closed + " (")
                .hasMessageNotContaining("java.net");
    }

    @ParameterizedTest
    @CsvSource({"0, IN_TRANSIT", "1, INFO_RECEIVED", "2, EXCEPTION", "3, DELIVERED", "4, RETURNED", "5, OUT_FOR_DELIVERY",
            "6, RETURNED", "7, IN_TRANSIT", "8, IN_TRANSIT", "10, IN_TRANSIT", "11, IN_TRANSIT", "12, IN_TRANSIT",
            "13, EXCEPTION", "14, DELIVERY_FAILED", "99, IN_TRANSIT"})
    void stateCodesMapToOurStatuses(String state, TrackingStatus expected) {
        assertThat(Kuaidi100States.of(state)).isEqualTo(expected);
    }

    @Test
    void everyDocumentedStateIsMapped() {
        assertThat(Kuaidi100States.STATES.keySet()).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8",
                "10", "11", "12", "13", "14");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void aSubscriptionCarriesCompanyNumberKeyCallbackAndSalt() throws Exception {
        // 订阅 accepted (result true, returnCode 200): https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{\"result\":true,\"returnCode\":\"200\",\"message\":\"提交成功\"}")));

        client.register("YTO", "YT1234567890", Consignee.UNKNOWN);

        Map<String, String> fields = form(kuaidi100.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(fields.get("schema")).isEqualTo("json");
        JsonNode param = JSON.readTree(fields.get("param"));
        assertThat(param.path("company").asText()).isEqualTo("yuantong");
        assertThat(param.path("number").asText()).isEqualTo("YT1234567890");
        assertThat(param.path("key").asText()).isEqualTo("KEY1");
        assertThat(param.path("parameters").path("callbackurl").asText()).isEqualTo("https://dropflow.example/api/webhooks/kuaidi100");
        assertThat(param.path("parameters").path("salt").asText()).isEqualTo("SALT1");
        kuaidi100.verify(postRequestedFor(urlEqualTo("/poll"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded")));
    }

    @Test
    void subscribingAgainIsHarmlessButAccountErrorsAreNot() {
        // 订阅 "already subscribed": https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c ("超过4次的订阅在提交时会报重复订阅");
        // its code 501 (重复订阅) from Kuaidi100's own column, https://cloud.tencent.com/developer/article/1828132
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{\"result\":false,\"returnCode\":\"501\",\"message\":\"重复订阅\"}")));
        client.register("YTO", "YT1", Consignee.UNKNOWN);

        // a refused subscriber, in the subscription answer's shape (result/returnCode/message):
        // https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c; 600 您不是合法的订阅者 from Kuaidi100's column
        // https://cloud.tencent.com/developer/article/1828132
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{\"result\":false,\"returnCode\":\"600\",\"message\":\"您不是合法的订阅者\"}")));
        assertThatThrownBy(() -> client.register("YTO", "YT1", Consignee.UNKNOWN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("600").hasMessageContaining("dropflow.carriers.kuaidi100").hasMessageNotContaining("KEY1");

        // returnCode 500 (服务器错误) in the subscription answer's shape:
        // https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c; 500 from https://cloud.tencent.com/developer/article/1828132
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{\"result\":false,\"returnCode\":\"500\",\"message\":\"服务器错误\"}")));
        assertThatThrownBy(() -> client.register("YTO", "YT1", Consignee.UNKNOWN)).isInstanceOf(CarrierUnavailableException.class);

        // not a Kuaidi100 answer but a gateway fault; it exercises the retry rule of docs/partners/kuaidi100.md
        // (500/502/503 retried)
        kuaidi100.stubFor(post("/poll").willReturn(aResponse().withStatus(502)));
        // true once the step has no tries left too (exploratory test s14: "retried while the step has tries left")
        assertThatThrownBy(() -> client.register("YTO", "YT1", Consignee.UNKNOWN)).isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining("with none left, retry its incident");

        // a network fault (no answer in time); it exercises the same retry rule, docs/partners/kuaidi100.md
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{}").withFixedDelay(1500)));
        assertThatThrownBy(() -> client.register("YTO", "YT1", Consignee.UNKNOWN)).isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("in time");
    }

    @Test
    void aQueryIsSignedWithUppercaseMd5OfParamKeyAndCustomer() throws Exception {
        // 实时快递查询 answer (status 200, state, data[]): https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc
        kuaidi100.stubFor(post("/poll/query.do").willReturn(okJson("{\"message\":\"ok\",\"nu\":\"YT1\",\"com\":\"yuantong\","
                + "\"status\":\"200\",\"state\":\"3\",\"data\":[{\"time\":\"2026-11-27 10:00:00\",\"ftime\":\"2026-11-27 10:00:00\","
                + "\"context\":\"已签收\"}]}")));

        JsonNode answer = client.query("YTO", "YT1");

        assertThat(Kuaidi100States.of(answer.path("state").asText())).isEqualTo(TrackingStatus.DELIVERED);
        Map<String, String> fields = form(kuaidi100.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(fields.get("customer")).isEqualTo("CUST1");
        assertThat(JSON.readTree(fields.get("param")).path("com").asText()).isEqualTo("yuantong");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((fields.get("param") + "KEY1" + "CUST1").getBytes(StandardCharsets.UTF_8))).toUpperCase();
        assertThat(fields.get("sign")).isEqualTo(expected);

        // returnCode 408 as the real-time query answers without the phone SF Express needs:
        // https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc (param.phone)
        kuaidi100.stubFor(post("/poll/query.do").willReturn(okJson("{\"result\":false,\"returnCode\":\"408\",\"message\":\"验证码错误\"}")));
        assertThatThrownBy(() -> client.query("YTO", "YT1")).hasMessageContaining("408");
    }

    @Test
    void anSfExpressParcelIsSubscribedWithTheConsigneesPhone() throws Exception {
        // 订阅 parameters.phone: 顺丰单号必填
        // 订阅 accepted: https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{\"result\":true,\"returnCode\":\"200\",\"message\":\"提交成功\"}")));

        client.register("YTO", "SF1234567890", Consignee.ofPhone("+86 138-0013-8000"));

        String param = java.net.URLDecoder.decode(kuaidi100.getAllServeEvents().get(0).getRequest().getBodyAsString()
                .replaceAll(".*param=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(JSON.readTree(param).path("parameters").path("phone").asText())
                .isEqualTo("8000");
    }

    /**
     * The phone as Kuaidi100 wants it, in the subscription and in the real-time query alike: its last four
     * digits, never a landline's extension, and for an e-commerce virtual number the four digits after "-"
     * (实时快递单号查询技术文档 https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc, param.phone:
     * "如座机号码有分机号，分机号无需传入；如号码是电商虚拟号码需传入“-“后的后四位"; kuaidi100-api/java-demo
     * SubscribeParameters.phone: "也可以填写后四位，如果是固话，请不要上传分机号"). Every digit was sent before:
     * "0755-1234567 ext 89" went as 0755123456789 and a virtual 13800138000-1234 as 138001380001234.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "13800138000 | 8000",
            "+86 138-0013-8000 | 8000",
            "0086 138 0013 8000 | 8000",
            "13800138000-1234 | 1234",
            "+86 13800138000-5678 | 5678",
            "138 0013 8000转4321 | 4321",
            "0755-1234567 ext 89 | 4567",
            "0755-12345678-123 | 5678",
            "(010) 6123 4567 x12 | 4567",
            "021 61234567转808 | 4567",
            "+49 221 123 | 1123",
            "+49 221 1234567 ext. 9 | 4567"})
    void thePhoneSentIsItsLastFourDigitsOrAVirtualNumbersFourAfterTheDash(String phone, String sent) throws Exception {
        // 订阅 accepted: https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{\"result\":true,\"returnCode\":\"200\",\"message\":\"提交成功\"}")));
        // 实时快递查询 answer: https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc
        kuaidi100.stubFor(post("/poll/query.do").willReturn(okJson("{\"message\":\"ok\",\"state\":\"0\",\"status\":\"200\","
                + "\"com\":\"yuantong\",\"nu\":\"YT1\",\"data\":[]}")));

        client.register("YTO", "YT1", Consignee.ofPhone(phone));
        client.poll("YTO", "YT1", Consignee.ofPhone(phone));

        JsonNode subscribed = JSON.readTree(form(kuaidi100.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/poll")).findFirst().orElseThrow().getRequest().getBodyAsString())
                .get("param"));
        JsonNode asked = JSON.readTree(form(kuaidi100.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/poll/query.do")).findFirst().orElseThrow().getRequest()
                .getBodyAsString()).get("param"));
        assertThat(subscribed.path("parameters").path("phone").asText()).isEqualTo(sent);
        assertThat(asked.path("phone").asText()).isEqualTo(sent);
    }

    @Test
    void aPhoneWithoutDigitsIsNotSent() throws Exception {
        // 订阅 accepted: https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{\"result\":true,\"returnCode\":\"200\",\"message\":\"提交成功\"}")));

        client.register("YTO", "YT1", Consignee.ofPhone("n/a"));

        JsonNode param = JSON.readTree(form(kuaidi100.getAllServeEvents().get(0).getRequest().getBodyAsString()).get("param"));
        assertThat(param.path("parameters").has("phone")).isFalse();
    }

    @Test
    void anSfExpressParcelIsAskedForWithTheConsigneesPhoneTheWayItWasSubscribed() throws Exception {
        // 实时快递查询 (https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc): param.phone is required for
        // SF Express; without it Kuaidi100 answers returnCode 408. This stub answers as Kuaidi100 does.
        kuaidi100.stubFor(post("/poll/query.do").atPriority(2).willReturn(okJson(
                "{\"result\":false,\"returnCode\":\"408\",\"message\":\"验证码错误\"}")));
        // 实时快递查询 answer when param.phone is sent: https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc
        kuaidi100.stubFor(post("/poll/query.do").atPriority(1)
                .withRequestBody(containing(java.net.URLEncoder.encode("\"phone\":\"8000\"", StandardCharsets.UTF_8)))
                .willReturn(okJson("{\"message\":\"ok\",\"state\":\"0\",\"status\":\"200\",\"com\":\"shunfeng\","
                        + "\"nu\":\"SF1234567890\",\"data\":[{\"time\":\"2026-11-27 09:00:00\",\"ftime\":"
                        + "\"2026-11-27 09:00:00\",\"context\":\"顺丰速运 已收取快件\"}]}")));
        Kuaidi100Client sf = new Kuaidi100Client(new Kuaidi100Settings("CUST1", "KEY1", "SALT1",
                "https://dropflow.example/api/webhooks/kuaidi100", kuaidi100.baseUrl() + "/poll",
                kuaidi100.baseUrl() + "/poll/query.do", Map.of("SF", "shunfeng"), Duration.ofSeconds(1),
                Duration.ofMillis(1200), null, null), io.dropflow.partners.internal.ResilientPartnerCalls.local(
                new io.dropflow.partners.internal.PartnerSettings(null, null, null),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Clock.systemUTC()));

        var events = sf.poll("SF", "SF1234567890", Consignee.ofPhone("+86 138-0013-8000"));

        assertThat(events).singleElement().satisfies(e -> assertThat(e.description()).contains("已收取快件"));
        Map<String, String> fields = form(kuaidi100.getAllServeEvents().get(0).getRequest().getBodyAsString());
        JsonNode param = JSON.readTree(fields.get("param"));
        assertThat(param.path("com").asText()).isEqualTo("shunfeng");
        assertThat(param.path("phone").asText()).isEqualTo("8000");
        // the phone is part of what is signed
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((fields.get("param") + "KEY1" + "CUST1").getBytes(StandardCharsets.UTF_8))).toUpperCase();
        assertThat(fields.get("sign")).isEqualTo(expected);
    }

    /**
     * The query's return codes as integrations copy them from Kuaidi100's older query document (no Kuaidi100 page
     * in reach has the table; e.g. "501 服务器错误，快递100服务器压力过大或需要升级，暂停服务 · 502 服务器繁忙 · 503 验证签名失败").
     * Searched again on 2026-12-08: Kuaidi100's query page, its column's copy of it (cloud.tencent.com/developer/article/
     * 1825387) and Kuaidi100's SDKs (github.com/kuaidi100-api) carry no return-code table; see docs/partners/kuaidi100.md.
     */
    @ParameterizedTest
    @CsvSource({"501, 服务器错误", "502, 服务器繁忙"})
    void aServerErrorOrBusyQueryIsRetriedNotFinal(String code, String message) {
        // the query's answer shape is https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc; the codes are not
        // on it (see the Javadoc above and docs/partners/kuaidi100.md)
        kuaidi100.stubFor(post("/poll/query.do").willReturn(okJson("{\"result\":false,\"returnCode\":\"" + code
                + "\",\"message\":\"" + message + "\"}")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.query("YTO", "YT1"))
                .isInstanceOf(io.dropflow.carrier.CarrierUnavailableException.class).hasMessageContaining("retried");
    }

    @Test
    void aRefusedSignatureIsNotRetriedAndNamesTheSettingsToCheck() {
        // the query's answer shape is https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc; 503 is not on it
        // (see the Javadoc above and docs/partners/kuaidi100.md)
        kuaidi100.stubFor(post("/poll/query.do").willReturn(okJson(
                "{\"result\":false,\"returnCode\":\"503\",\"message\":\"验证签名失败\"}")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.query("YTO", "YT1"))
                .isNotInstanceOf(io.dropflow.carrier.CarrierUnavailableException.class)
                .hasMessageContaining("dropflow.carriers.kuaidi100.key").hasMessageContaining("customer");
    }

    @Test
    void theQueryAnswersThePollingFallbackWithTheParcelsRecords() {
        // 实时快递查询 answer, records newest first, China Standard Time:
        // https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc
        kuaidi100.stubFor(post("/poll/query.do").willReturn(okJson("{\"message\":\"ok\",\"state\":\"3\",\"status\":\"200\","
                + "\"com\":\"yuantong\",\"nu\":\"YT1\",\"data\":[{\"time\":\"2026-11-28 10:00:00\",\"ftime\":"
                + "\"2026-11-28 10:00:00\",\"context\":\"已签收\"},{\"time\":\"2026-11-27 09:00:00\",\"ftime\":"
                + "\"2026-11-27 09:00:00\",\"context\":\"已揽收\"}]}")));

        var events = client.poll("YTO", "YT1", Consignee.UNKNOWN);

        org.assertj.core.api.Assertions.assertThat(events).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(events.get(1).status()).isEqualTo(io.dropflow.carrier.TrackingStatus.DELIVERED);
        org.assertj.core.api.Assertions.assertThat(events.get(1).occurredAt()).isEqualTo("2026-11-28T02:00:00Z");
    }
}
