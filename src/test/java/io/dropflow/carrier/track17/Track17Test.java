package io.dropflow.carrier.track17;

import io.dropflow.carrier.Consignee;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.carrier.CarrierUnavailableException;
import io.dropflow.carrier.TrackingStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 17TRACK's register and gettrackinfo against a real HTTP server in their documented shapes, and its statuses. */
class Track17Test {

    private final WireMockServer track17 = new WireMockServer(options().dynamicPort());
    private Track17Client client;

    @BeforeEach
    void start() {
        track17.start();
        client = new Track17Client(new Track17Settings("KEY17", track17.baseUrl() + "/track/v2.2", Map.of("DHL", 100001),
                Duration.ofSeconds(1), Duration.ofMillis(1200), Map.of("DHL", java.time.ZoneId.of("Europe/Berlin"))),
                io.dropflow.partners.internal.ResilientPartnerCalls.local(new io.dropflow.partners.internal.PartnerSettings(
                        null, null, null), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                        java.time.Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        track17.stop();
    }

    /** 17TRACK refusing the connection read "…: java.net.ConnectException" (exploratory test s14 production, 7). */
    @Test
    void aRefusedConnectionIsToldWithTheHost() {
        int closed = io.dropflow.support.ClosedPort.any();
        Track17Client unreachable = new Track17Client(new Track17Settings("KEY17", "http://127.0.0.1:" + closed
                + "/track/v2.2", Map.of("DHL", 100001), Duration.ofSeconds(1), Duration.ofMillis(1200), Map.of()),
                io.dropflow.partners.internal.ResilientPartnerCalls.local(new io.dropflow.partners.internal.PartnerSettings(
                        null, null, null), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                        java.time.Clock.systemUTC()));
        assertThatThrownBy(() -> unreachable.register(List.of(new Track17Client.Parcel("DHL", "JD1"))))
                .isInstanceOf(CarrierUnavailableException.class)
                .hasMessageStartingWith("17TRACK did not answer /register: connection refused by 127.0.0.1:" + closed + " (")
                .hasMessageNotContaining("java.net");
    }

    @ParameterizedTest
    @CsvSource({"NotFound, PENDING", "InfoReceived, INFO_RECEIVED", "InTransit, IN_TRANSIT", "Expired, EXCEPTION",
            "AvailableForPickup, OUT_FOR_DELIVERY", "OutForDelivery, OUT_FOR_DELIVERY", "DeliveryFailure, DELIVERY_FAILED",
            "Delivered, DELIVERED", "Exception, EXCEPTION", "SomethingNew, IN_TRANSIT"})
    void mainStatusesMapToOurs(String status, TrackingStatus expected) {
        assertThat(Track17Statuses.of(status)).isEqualTo(expected);
    }

    @Test
    void everyDocumentedMainStatusIsMapped() {
        assertThat(Track17Statuses.STATUSES.keySet()).containsExactlyInAnyOrder("NotFound", "InfoReceived", "InTransit",
                "Expired", "AvailableForPickup", "OutForDelivery", "DeliveryFailure", "Delivered", "Exception");
    }

    private static String accepted() {
        return "{\"code\":0,\"data\":{\"accepted\":[],\"rejected\":[]}}";
    }

    @Test
    void numbersAreRegisteredFortyAtATimeWithTheToken() {
        // 17TRACK register (Tracking API v2.2, "register": code 0, data.accepted/rejected, at most 40 numbers):
        // https://asset.17track.net/api/document/v2.2_en/index.html
        track17.stubFor(post("/track/v2.2/register").willReturn(okJson(accepted())));
        List<Track17Client.Parcel> parcels = IntStream.range(0, 85)
                .mapToObj(i -> new Track17Client.Parcel("DHL", "JD0146000000" + i)).toList();

        client.register(parcels);

        assertThat(track17.getAllServeEvents()).hasSize(3);
        track17.verify(3, postRequestedFor(urlEqualTo("/track/v2.2/register")).withHeader("17token", equalTo("KEY17")));
        track17.verify(2, postRequestedFor(urlEqualTo("/track/v2.2/register"))
                .withRequestBody(matchingJsonPath("$.length()", equalTo("40"))));
        track17.verify(postRequestedFor(urlEqualTo("/track/v2.2/register"))
                .withRequestBody(matchingJsonPath("$.length()", equalTo("5")))
                .withRequestBody(matchingJsonPath("$[0].carrier", equalTo("100001"))));
    }

    @Test
    void anAlreadyRegisteredNumberIsDoneOtherRefusalsAndErrorsAreNot() {
        // register's rejected[] (v2.2, https://asset.17track.net/api/document/v2.2_en/index.html) with -18019901
        // "already registered" from the error codes:
        // https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting
        track17.stubFor(post("/track/v2.2/register").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":[],\"rejected\":"
                + "[{\"number\":\"JD1\",\"error\":{\"code\":-18019901,\"message\":\"The tracking number is already registered.\"}}]}}")));
        client.register(List.of(new Track17Client.Parcel("DHL", "JD1")));

        // register's rejected[] with -18019903 (carrier not supported), from the error codes:
        // https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting
        track17.stubFor(post("/track/v2.2/register").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":[],\"rejected\":"
                + "[{\"number\":\"JD1\",\"error\":{\"code\":-18019903,\"message\":\"The carrier is not supported.\"}}]}}")));
        // final (exploratory test s14, shipping D4): refused, so that the order goes on without 17TRACK's news
        assertThatThrownBy(() -> client.register(List.of(new Track17Client.Parcel("DHL", "JD1"))))
                .isInstanceOf(io.dropflow.carrier.TrackingRegistrationRefused.class).hasMessageContaining("-18019903");

        // -18010012 "The format of data {0} is invalid", from the error codes:
        // https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting
        track17.stubFor(post("/track/v2.2/register").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":[],\"rejected\":"
                + "[{\"number\":\"JDREJ1\",\"error\":{\"code\":-18010012,\"message\":\"The format of JDREJ1 is invalid.\"}}]}}")));
        assertThatThrownBy(() -> client.register("DHL", "JDREJ1", io.dropflow.carrier.Consignee.UNKNOWN))
                .isInstanceOf(io.dropflow.carrier.TrackingRegistrationRefused.class)
                .hasMessageContaining("DHL JDREJ1").hasMessageContaining("-18010012 The format of JDREJ1 is invalid.")
                .satisfies(e -> assertThat(((io.dropflow.carrier.TrackingRegistrationRefused) e).missing())
                        .isEqualTo("valid tracking number for its carrier"));

        // an invalid 17token: 401 with -18010002 (invalid access key), from the error codes:
        // https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting
        track17.stubFor(post("/track/v2.2/register").willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":401,\"data\":{\"errors\":[{\"code\":-18010002,\"message\":\"Invalid access key.\"}]}}")));
        assertThatThrownBy(() -> client.register(List.of(new Track17Client.Parcel("DHL", "JD1"))))
                .hasMessageContaining("api-key").hasMessageNotContaining("KEY17");

        // a network fault (no answer in time), not a 17TRACK answer; it exercises the retry rule of
        // docs/partners/17track.md
        track17.stubFor(post("/track/v2.2/register").willReturn(okJson(accepted()).withFixedDelay(1500)));
        assertThatThrownBy(() -> client.register(List.of(new Track17Client.Parcel("DHL", "JD1"))))
                .isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("in time");

        // 429: waited out and tried again (twice), then the account pauses and the job retries later
        track17.resetRequests();
        // 429: the request frequency limit of the Tracking API v2.2,
        // https://asset.17track.net/api/document/v2.2_en/index.html (and docs/partners/17track.md's retry rule)
        track17.stubFor(post("/track/v2.2/register").willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> client.register(List.of(new Track17Client.Parcel("DHL", "JD1"))))
                .isInstanceOf(CarrierUnavailableException.class);
        track17.verify(3, postRequestedFor(urlEqualTo("/track/v2.2/register")).withRequestBody(containing("JD1")));
    }

    @Test
    void aStoppedNumberIsRestartedWithRetrackAndOneStillFollowedCountsAsDone() {
        // Stubs follow 17TRACK's retrack (Tracking API v2.2) and its error codes
        // (https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting):
        // -18019904 "Only stopped numbers can be re-tracked".
        track17.stubFor(post("/track/v2.2/retrack").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":"
                + "[{\"number\":\"JD1\",\"carrier\":100001}],\"rejected\":[]}}")));
        client.retrack("DHL", "JD1");
        track17.verify(postRequestedFor(urlEqualTo("/track/v2.2/retrack")).withHeader("17token", equalTo("KEY17"))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo("JD1")))
                .withRequestBody(matchingJsonPath("$[0].carrier", equalTo("100001"))));

        // 17TRACK retrack (Tracking API v2.2, "retrack"): https://asset.17track.net/api/document/v2.2_en/index.html
        track17.stubFor(post("/track/v2.2/retrack").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":[],\"rejected\":"
                + "[{\"number\":\"JD1\",\"error\":{\"code\":-18019904,\"message\":\"Only stopped numbers can be re-tracked.\"}}]}}")));
        client.retrack("DHL", "JD1");

        // retrack's rejected[] with -18019904, from the error codes:
        // https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting
        track17.stubFor(post("/track/v2.2/retrack").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":[],\"rejected\":"
                + "[{\"number\":\"JD1\",\"error\":{\"code\":-18019902,\"message\":\"not registered yet\"}}]}}")));
        assertThatThrownBy(() -> client.retrack("DHL", "JD1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-18019902");
    }

    @Test
    void trackInfoIsAskedForWithTheCarrierNumber() {
        // retrack's rejected[] with -18019902 (not registered), from the error codes:
        // https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting
        track17.stubFor(post("/track/v2.2/gettrackinfo").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":[{\"number\":"
                + "\"JD1\",\"carrier\":100001,\"track_info\":{\"latest_status\":{\"status\":\"Delivered\"}}}],\"rejected\":[]}}")));

        var data = client.trackInfo(List.of(new Track17Client.Parcel("DHL", "JD1")));

        assertThat(Track17Statuses.of(data.path("accepted").get(0).path("track_info").path("latest_status").path("status")
                .asText())).isEqualTo(TrackingStatus.DELIVERED);
        track17.verify(postRequestedFor(urlEqualTo("/track/v2.2/gettrackinfo"))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo("JD1"))));
    }

    /** Sub-status table of the Tracking API v2.2 (https://asset.17track.net/api/document/v2.2_en/index.html). */
    @ParameterizedTest
    @CsvSource({"Exception, Exception_Returning, RETURNED", "Exception, Exception_Returned, RETURNED",
            "Exception, Exception_Lost, EXCEPTION", "Delivered, Delivered_Other, DELIVERED",
            "DeliveryFailure, DeliveryFailure_NoBody, DELIVERY_FAILED", "InTransit, InTransit_PickedUp, INFO_RECEIVED"})
    void aSubStatusSaysMoreThanItsMainStatusAndAReturnIsReturned(String status, String subStatus,
            io.dropflow.carrier.TrackingStatus ours) {
        org.assertj.core.api.Assertions.assertThat(Track17Statuses.of(status, subStatus)).isEqualTo(ours);
    }

    /**
     * The polling fallback leaves a parcel to its next round only for a lookup held back before it was sent; a 429
     * answer (three tries sent) is not held back, so the parcel waits poll-after (docs/partners/17track.md).
     */
    @Test
    void aLookupAnswered429IsNotHeldBackButOneRefusedDuringThePauseIs() {
        // 17TRACK gettrackinfo (Tracking API v2.2, "gettrackinfo": data.accepted[].track_info):
        // https://asset.17track.net/api/document/v2.2_en/index.html
        track17.stubFor(post("/track/v2.2/gettrackinfo").willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> client.poll("DHL", "JJD0001", Consignee.UNKNOWN))
                .isInstanceOf(CarrierUnavailableException.class)
                .isNotInstanceOf(io.dropflow.carrier.internal.CarrierCallHeldBack.class);
        track17.verify(3, postRequestedFor(urlEqualTo("/track/v2.2/gettrackinfo")));

        // the account now pauses: the next lookup is not sent, and is held back
        assertThatThrownBy(() -> client.poll("DHL", "JJD0002", Consignee.UNKNOWN))
                .isInstanceOf(io.dropflow.carrier.internal.CarrierCallHeldBack.class);
        track17.verify(3, postRequestedFor(urlEqualTo("/track/v2.2/gettrackinfo")));
    }

    @Test
    void theInternalErrorRetryLaterCodeIsRetriedNotRefused() {
        // Error codes: -18010003 "internal service error, please retry later"
        // 429 on gettrackinfo: the request frequency limit of the Tracking API v2.2,
        // https://asset.17track.net/api/document/v2.2_en/index.html
        track17.stubFor(post("/track/v2.2/register").willReturn(okJson("{\"code\":-18010003,\"data\":{\"errors\":[]}}")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.register("DHL", "JJD0001", Consignee.UNKNOWN))
                .isInstanceOf(io.dropflow.carrier.CarrierUnavailableException.class).hasMessageContaining("retried");
    }

    @Test
    void eventsWithoutAZoneOffsetAreReadInTheCarriersZoneAndStagesGiveEachEventItsStatus() {
        // gettrackinfo's track_info: events with time_iso (no offset here), stage and sub_status
        // -18010003, from the error codes:
        // https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting
        track17.stubFor(post("/track/v2.2/gettrackinfo").willReturn(okJson("{\"code\":0,\"data\":{\"accepted\":[{"
                + "\"number\":\"JJD0001\",\"carrier\":100001,\"track_info\":{"
                + "\"latest_status\":{\"status\":\"Exception\",\"sub_status\":\"Exception_Returning\"},"
                + "\"latest_event\":{\"time_iso\":\"2026-11-29T10:00:00\",\"description\":\"Returned to sender\","
                + "\"stage\":\"Returning\"},"
                + "\"tracking\":{\"providers\":[{\"events\":["
                + "{\"time_iso\":\"2026-11-29T10:00:00\",\"description\":\"Returned to sender\",\"stage\":\"Returning\"},"
                + "{\"time_iso\":\"2026-11-27T09:00:00+01:00\",\"description\":\"Picked up\",\"stage\":\"PickedUp\"},"
                + "{\"time_iso\":\"not a time\",\"description\":\"garbled\"}]}]}}}],\"rejected\":[]}}")));

        var events = client.poll("DHL", "JJD0001", Consignee.UNKNOWN);

        org.assertj.core.api.Assertions.assertThat(events).extracting(e -> e.status()).containsExactly(
                io.dropflow.carrier.TrackingStatus.RETURNED, io.dropflow.carrier.TrackingStatus.RETURNED,
                io.dropflow.carrier.TrackingStatus.INFO_RECEIVED);
        org.assertj.core.api.Assertions.assertThat(events.get(0).occurredAt()).isEqualTo("2026-11-29T09:00:00Z");
    }
}
