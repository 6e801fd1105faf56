package io.dropflow.carrier.track17;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.carrier.OneParcelTracked;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.partners.DeliveryHandler;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 17TRACK's TRACKING_STOPPED push: 17TRACK stops a number 15 days after delivery or after 30 days
 * without news, and a stopped number gets no news until it is restarted with retrack
 * (https://help.17track.net/hc/en-us/articles/37524573677721-Why-tracking-stopped-How-to-restart-it).
 * The retrack stub follows Tracking API v2.2's answer envelope (code, data.accepted, data.rejected).
 */
class Track17StoppedTest {

    private static final String NUMBER = "JD0123456789";

    private final WireMockServer track17 = new WireMockServer(options().dynamicPort());
    private Track17Settings settings;
    private Track17Client client;

    @BeforeEach
    void start() {
        track17.start();
        // 17TRACK retrack (Tracking API v2.2, "retrack": code 0, data.accepted):
        // https://asset.17track.net/api/document/v2.2_en/index.html
        track17.stubFor(post("/track/v2.2/retrack").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":"
                + "[{\"number\":\"" + NUMBER + "\",\"carrier\":100001}],\"rejected\":[]}}")));
        settings = new Track17Settings("KEY17", track17.baseUrl() + "/track/v2.2", Map.of("DHL", 100001),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Map.of()); // no timeout is tested here: a slow first call must not fail it
        client = new Track17Client(settings, io.dropflow.partners.internal.ResilientPartnerCalls.local(
                new io.dropflow.partners.internal.PartnerSettings(null, null, null),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), java.time.Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        track17.stop();
    }

    private static DeliveryHandler.Delivery stopped(int attempts) {
        return new DeliveryHandler.Delivery(3L, "17track", "17track", "TRACKING_STOPPED", "17t-x",
                "{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"" + NUMBER + "\",\"carrier\":100001}}", attempts);
    }

    private Track17Pushes pushesFor(TrackingStatus ours) {
        return new Track17Pushes(settings, new OneParcelTracked("DHL", NUMBER, null, ours), client);
    }

    @Test
    void aParcelStillOnItsWayIsRestartedByTheNextTryNotWhile17TrackWaitsForOurAnswer() {
        assertThat(pushesFor(TrackingStatus.IN_TRANSIT).handle(stopped(0)).outcome())
                .isEqualTo(DeliveryHandler.Outcome.NOT_YET);
        assertThat(track17.getAllServeEvents()).isEmpty();

        DeliveryHandler.Result retried = pushesFor(TrackingStatus.IN_TRANSIT).handle(stopped(1));

        assertThat(retried.outcome()).isEqualTo(DeliveryHandler.Outcome.TAKEN);
        track17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/retrack"))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo(NUMBER)))
                .withRequestBody(matchingJsonPath("$[0].carrier", equalTo("100001"))));
    }

    @Test
    void aDeliveredParcelOrANumberNotOursIsNotRestarted() {
        assertThat(pushesFor(TrackingStatus.DELIVERED).handle(stopped(1)).outcome())
                .isEqualTo(DeliveryHandler.Outcome.TAKEN);
        assertThat(pushesFor(null).handle(stopped(1)).outcome()).isEqualTo(DeliveryHandler.Outcome.TAKEN);

        assertThat(track17.getAllServeEvents()).isEmpty();
    }
}
