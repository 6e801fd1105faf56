package io.dropflow.carrier.track17;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.TrackingRegistrationRefused;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 17TRACK refuses to register a number whose carrier needs a postal code, a country and postal code, or a phone
 * (error codes -18010018, -18010019, -18010020:
 * https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting); Dropflow registers it
 * again with that as the number's {@code param} (Tracking API v2.2, https://asset.17track.net/api/document/v2.2_en/index.html).
 * The stubs are in src/test/resources/wiremock/track17/mappings, each naming its source.
 */
class Track17ExtraInfoTest {

    private final WireMockServer track17 = new WireMockServer(options().dynamicPort()
            .usingFilesUnderClasspath("wiremock/track17"));
    private Track17Client client;

    @BeforeEach
    void start() {
        track17.start();
        client = new Track17Client(new Track17Settings("KEY17", track17.baseUrl() + "/track/v2.2", Map.of("GLS", 100005),
                Duration.ofSeconds(1), Duration.ofMillis(1200), Map.of()),
                io.dropflow.partners.internal.ResilientPartnerCalls.local(new io.dropflow.partners.internal.PartnerSettings(
                        null, null, null), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                        java.time.Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        track17.stop();
    }

    private static final Consignee ERIKA = new Consignee("+86 138-0013-8000", "51147", "DE");

    @Test
    void aNumberWhoseCarrierNeedsThePostalCodeIsRegisteredAgainWithIt() {
        client.register("GLS", "GLS0000000001", ERIKA);

        track17.verify(2, postRequestedFor(urlEqualTo("/track/v2.2/register")));
        track17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/register"))
                .withRequestBody(matchingJsonPath("$[0].number", equalTo("GLS0000000001")))
                .withRequestBody(matchingJsonPath("$[0].carrier", equalTo("100005")))
                .withRequestBody(matchingJsonPath("$[0].param", equalTo("51147"))));
    }

    @Test
    void aNumberWhoseCarrierNeedsThePhoneIsRegisteredAgainWithTheDigitsTheExampleShows() {
        client.register("GLS", "GLS0000000002", ERIKA);

        track17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/register"))
                .withRequestBody(matchingJsonPath("$[0].param", equalTo("8000"))));
    }

    @Test
    void aNumberWhoseCarrierNeedsCountryAndPostalCodeGetsThemShapedLikeTheExample() {
        client.register("GLS", "GLS0000000003", ERIKA);

        track17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/register"))
                .withRequestBody(matchingJsonPath("$[0].param", equalTo("DE-51147"))));
    }

    @Test
    void withoutThePostalCodeTheRefusalNamesWhatIsMissingAndNothingIsSentAgain() {
        assertThatThrownBy(() -> client.register("GLS", "GLS0000000001", Consignee.ofPhone("+86 138-0013-8000")))
                .isInstanceOf(TrackingRegistrationRefused.class)
                .hasMessageContaining("GLS GLS0000000001").hasMessageContaining("postal code")
                .hasMessageContaining("-18010019")
                .satisfies(e -> assertThat(((TrackingRegistrationRefused) e).missing())
                        .isEqualTo("postal code of the delivery address"));

        track17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/register")));
    }

    @Test
    void withoutACountryThereIsNoCountryAndPostalCodeToSend() {
        assertThatThrownBy(() -> client.register("GLS", "GLS0000000003", new Consignee(null, "51147", null)))
                .isInstanceOf(TrackingRegistrationRefused.class).hasMessageContaining("country and postal code");

        track17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/register")));
    }

    @Test
    void aPostalCode17TrackDoesNotAcceptIsShownNotRetriedAndNotRepeatedInTheMessage() {
        assertThatThrownBy(() -> client.register("GLS", "GLS0000000004", ERIKA))
                .isInstanceOf(TrackingRegistrationRefused.class)
                .hasMessageContaining("did not accept the postal code").hasMessageNotContaining("51147");

        track17.verify(2, postRequestedFor(urlEqualTo("/track/v2.2/register")));
    }

    @Test
    void aPhoneOnlyRegistrationStillReachesThePhoneCarriers() {
        // the phone the order fulfillment passes today (Tracking.register(shipmentId, phone)) is enough for -18010020
        client.register("GLS", "GLS0000000002", Consignee.ofPhone("+86 138-0013-8000"));

        track17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/register"))
                .withRequestBody(matchingJsonPath("$[0].param", equalTo("8000"))));
    }
}
