package io.dropflow.carrier.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.kuaidi100.Kuaidi100Clients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The polling fallback asks up to 100 quiet parcels back to back; Kuaidi100's real-time query allows one a second
 * ("提交最大线程数：1单/秒", Kuaidi100's own article https://blog.csdn.net/kuaidi100API/article/details/116130836).
 * The poller goes through the real Kuaidi100 client and its limiter, configured (max-wait 50 ms) so that a query
 * that would have to wait for the next second is refused at once rather than slept for. Kuaidi100 was not asked
 * for that parcel, so the poller does not count it as asked: it is asked at the next round (docs/partners/kuaidi100.md),
 * not {@code poll-after} (12 h) later.
 */
class PollingPacedByKuaidi100Test {

    private final WireMockServer kuaidi100 = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        kuaidi100.start();
        // 实时快递查询 answer: https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc
        kuaidi100.stubFor(post("/poll/query.do").willReturn(okJson("{\"message\":\"ok\",\"state\":\"0\",\"status\":\"200\","
                + "\"com\":\"yuantong\",\"nu\":\"YT1\",\"data\":[]}")));
    }

    @AfterEach
    void stop() {
        kuaidi100.stop();
    }

    @Test
    void quietKuaidi100ParcelsAreAskedAtMostOneASecond() {
        Instant now = Instant.now();
        Map<Long, Shipment> quiet = LongStream.rangeClosed(1, 6).boxed().collect(Collectors.toMap(Function.identity(),
                id -> withId(id, new Shipment(id, id, "YTO", "YT" + id, now.minus(Duration.ofDays(1))))));
        Shipments shipments = mock(Shipments.class);
        when(shipments.claimQuietSince(any(), any())).thenReturn(List.copyOf(quiet.values()));
        when(shipments.findById(any())).thenAnswer(call -> Optional.ofNullable(quiet.get(call.<Long>getArgument(0))));
        CarrierRouter carriers = new CarrierRouter(List.of(Kuaidi100Clients.following(kuaidi100.baseUrl(),
                Duration.ofMillis(50))), List.of(), Set.of());
        TrackingPoller poller = new TrackingPoller(shipments, carriers, mock(Tracking.class),
                mock(PlatformTransactionManager.class), Clock.systemUTC(), Duration.ofHours(12), true);

        long started = System.nanoTime();
        int looked = poller.pollQuietParcels();
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(looked).isEqualTo(6);
        int asked = kuaidi100.findAll(postRequestedFor(urlEqualTo("/poll/query.do"))).size();
        // one a second: at most one per started second (and one more for a second boundary crossed on the way)
        assertThat(asked).as("queries in %.2f s", seconds).isBetween(1, 1 + (int) Math.ceil(seconds));
        // the parcels asked count as asked; those held back do not, so the next round's quiet parcels include them
        assertThat(quiet.values().stream().filter(s -> s.getPolledAt() != null)).as("counted as asked").hasSize(asked);
    }

    /**
     * A 429 is an answer: the queries went out (and are paid, and count towards Kuaidi100's lock of a number asked
     * too often), so the parcel counts as asked and waits {@code poll-after}, not the next round 15 minutes later.
     */
    @Test
    void aParcelKuaidi100Answered429ForWaitsPollAfter() {
        // no Kuaidi100 page names a 429; the nearest is its own query-rate article (提交最大线程数：1单/秒),
        // https://blog.csdn.net/kuaidi100API/article/details/116130836, and docs/partners/kuaidi100.md says how a 429
        // counts
        kuaidi100.stubFor(post("/poll/query.do").willReturn(aResponse().withStatus(429)));
        Instant now = Instant.now();
        Shipment parcel = withId(1L, new Shipment(1L, 1L, "YTO", "YT1", now.minus(Duration.ofDays(1))));
        Shipments shipments = mock(Shipments.class);
        when(shipments.claimQuietSince(any(), any())).thenReturn(List.of(parcel));
        when(shipments.findById(any())).thenReturn(Optional.of(parcel));
        CarrierRouter carriers = new CarrierRouter(List.of(Kuaidi100Clients.following(kuaidi100.baseUrl(),
                Duration.ofSeconds(5))), List.of(), Set.of());
        TrackingPoller poller = new TrackingPoller(shipments, carriers, mock(Tracking.class),
                mock(PlatformTransactionManager.class), Clock.systemUTC(), Duration.ofHours(12), true);

        poller.pollQuietParcels();

        assertThat(kuaidi100.findAll(postRequestedFor(urlEqualTo("/poll/query.do")))).as("Kuaidi100 was asked")
                .isNotEmpty();
        assertThat(parcel.getPolledAt()).as("a parcel Kuaidi100 answered 429 for counts as asked (poll-after)")
                .isNotNull().isAfterOrEqualTo(now);
    }

    private static Shipment withId(Long id, Shipment shipment) {
        ReflectionTestUtils.setField(shipment, "id", id);
        return shipment;
    }
}
