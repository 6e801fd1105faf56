package io.dropflow.carrier.kuaidi100;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.carrier.CarrierUnavailableException;
import io.dropflow.carrier.Consignee;
import io.dropflow.partners.internal.PartnerSettings;
import io.dropflow.partners.internal.ResilientPartnerCalls;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Kuaidi100's real-time query allows one call a second ("提交最大线程数：1单/秒", and no batch or frequent
 * programmatic querying: Kuaidi100's own article https://blog.csdn.net/kuaidi100API/article/details/116130836),
 * while the polling fallback (TrackingPoller) asks up to 100 quiet parcels back to back through
 * {@link Kuaidi100Client#poll}. The query has its own limit, {@code query-requests-per-second} (1); the
 * subscription keeps the partner's (10 a second). Nothing sleeps here: the limiter's {@code max-wait} is set to
 * 50 ms, so a query that would have to wait for the next second is refused at once instead of waiting for it.
 */
class Kuaidi100QueryRateTest {

    private final WireMockServer kuaidi100 = new WireMockServer(options().dynamicPort());
    private Kuaidi100Client client;

    @BeforeEach
    void start() {
        kuaidi100.start();
        // 订阅 accepted: https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c
        kuaidi100.stubFor(post("/poll").willReturn(okJson("{\"result\":true,\"returnCode\":\"200\",\"message\":\"提交成功\"}")));
        // 实时快递查询 answer: https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc
        kuaidi100.stubFor(post("/poll/query.do").willReturn(okJson("{\"message\":\"ok\",\"state\":\"0\",\"status\":\"200\","
                + "\"com\":\"yuantong\",\"nu\":\"YT1\",\"data\":[{\"time\":\"2026-11-27 09:00:00\",\"ftime\":"
                + "\"2026-11-27 09:00:00\",\"context\":\"已揽收\"}]}")));
        Kuaidi100Settings settings = new Kuaidi100Settings("CUST1", "KEY1", "SALT1", "http://dropflow.example/k100",
                kuaidi100.baseUrl() + "/poll", kuaidi100.baseUrl() + "/poll/query.do", Map.of("YTO", "yuantong"),
                Duration.ofSeconds(2), Duration.ofSeconds(5), null, null);
        // the partner's limit as application.yaml gives it (10 a second), with a wait short enough to see the pace
        PartnerSettings partners = new PartnerSettings(null, Map.of("kuaidi100",
                new PartnerSettings.Limit(10.0, false, Duration.ofMillis(50), null)), null);
        client = new Kuaidi100Client(settings, ResilientPartnerCalls.local(partners,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        kuaidi100.stop();
    }

    @Test
    void quietParcelsAskedBackToBackGoAtOneQueryASecond() {
        client.register("YTO", "YT0", Consignee.UNKNOWN); // the first call to the server, under the subscription's limit

        long started = System.nanoTime();
        int asked = 0;
        List<String> refused = new ArrayList<>();
        for (int parcel = 1; parcel <= 5; parcel++) {
            try {
                client.poll("YTO", "YT" + parcel, Consignee.UNKNOWN);
                asked++;
            } catch (CarrierUnavailableException held) {
                refused.add(held.getMessage());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // one a second: at most one per started second (and one more for a second boundary crossed on the way)
        assertThat(asked).as("queries in %.2f s", seconds).isBetween(1, 1 + (int) Math.ceil(seconds));
        kuaidi100.verify(asked, postRequestedFor(urlEqualTo("/poll/query.do")));
        assertThat(refused).allSatisfy(message -> assertThat(message).contains("query").contains("1.0 calls/s"));
    }

    @Test
    void subscriptionsDoNotWaitForTheQuerysLimit() {
        client.poll("YTO", "YT1", Consignee.UNKNOWN);

        for (int parcel = 1; parcel <= 3; parcel++) {
            client.register("YTO", "YT" + parcel, Consignee.UNKNOWN);
        }

        kuaidi100.verify(3, postRequestedFor(urlEqualTo("/poll")));
    }

    @Test
    void theQueryLimitIsOneASecondUnlessSet() {
        Kuaidi100Settings defaults = new Binder(new MapConfigurationPropertySource(Map.of(
                "dropflow.carriers.kuaidi100.customer", "CUST1"))).bind("dropflow.carriers.kuaidi100", Kuaidi100Settings.class)
                .get();
        Kuaidi100Settings set = new Binder(new MapConfigurationPropertySource(Map.of(
                "dropflow.carriers.kuaidi100.query-requests-per-second", "0.5")))
                .bind("dropflow.carriers.kuaidi100", Kuaidi100Settings.class).get();

        assertThat(defaults.queryRequestsPerSecond()).isEqualTo(1.0);
        assertThat(set.queryRequestsPerSecond()).isEqualTo(0.5);
    }
}
