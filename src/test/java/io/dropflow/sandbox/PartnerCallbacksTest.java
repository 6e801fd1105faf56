package io.dropflow.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox partners' HTTP side, against a real HTTP server standing in for our webhooks. */
class PartnerCallbacksTest {

    private static final String PATH = "/api/webhooks/suppliers/ACME/events";

    private final WireMockServer webhooks = new WireMockServer(options().dynamicPort());
    private PartnerCallbacks callbacks;

    @BeforeEach
    void start() {
        webhooks.start();
        // our own webhook the sandbox supplier calls, POST /api/webhooks/suppliers/{supplierCode}/events:
        // docs/partners/supplier-api.yaml
        webhooks.stubFor(post(urlEqualTo(PATH)).willReturn(ok()));
        callbacks = new PartnerCallbacks(new io.dropflow.security.WebhookSettings("partner-secret"), webhooks.baseUrl(), 4);
    }

    @AfterEach
    void stop() {
        callbacks.close();
        webhooks.stop();
    }

    @Test
    void postsJsonWithThePartnerTokenAfterTheDelay() {
        long sentAt = System.nanoTime();
        callbacks.post("PO-1", Duration.ofMillis(300), PATH, Map.of("eventId", "e-1", "type", "ACCEPTED"));

        await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        webhooks.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("X-Dropflow-Webhook-Token", equalTo("partner-secret"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"eventId\": \"e-1\", \"type\": \"ACCEPTED\"}")));
    }

    @Test
    void eventsAboutOneThingArriveInTheOrderThePartnerSentThemEvenWhenTheFirstIsSlow() {
        // our supplier events webhook, answering slowly: docs/partners/supplier-api.yaml
        webhooks.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("ACCEPTED"))
                .willReturn(ok().withFixedDelay(500)));

        callbacks.post("PO-1", Duration.ZERO, PATH, Map.of("eventId", "e-1", "type", "ACCEPTED"));
        callbacks.post("PO-1", Duration.ZERO, PATH, Map.of("eventId", "e-2", "type", "SHIPPED"));

        await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() == 2);
        assertThat(requests()).extracting(LoggedRequest::getBodyAsString)
                .satisfiesExactly(first -> assertThat(first).contains("ACCEPTED"),
                        second -> assertThat(second).contains("SHIPPED"));
    }

    @Test
    void differentConversationsDoNotWaitForEachOther() {
        // our supplier events webhook, answering slowly: docs/partners/supplier-api.yaml
        webhooks.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("SLOW"))
                .willReturn(ok().withFixedDelay(4000)));

        callbacks.post("PO-1", Duration.ZERO, PATH, Map.of("eventId", "e-1", "type", "SLOW"));
        callbacks.post("PO-2", Duration.ofMillis(100), PATH, Map.of("eventId", "e-2", "type", "FAST"));

        // Were the lanes one queue, FAST would only be sent once SLOW is answered, after 4 s.
        await().atMost(Duration.ofSeconds(3))
                .until(() -> requests().stream().anyMatch(r -> r.getBodyAsString().contains("FAST")));
    }

    @Test
    void aFailedCallIsRetriedLikeAPartnerWould() {
        // our supplier events webhook failing once (503), docs/partners/supplier-api.yaml; the supplier sends the
        // event again under its eventId (a redelivery is answered 200, docs/partners/supplier-api.md)
        webhooks.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        // docs/partners/supplier-api.yaml
        webhooks.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(ok()));

        callbacks.post("PO-1", Duration.ZERO, PATH, Map.of("eventId", "e-1", "type", "SHIPPED"));

        await().atMost(Duration.ofSeconds(10)).until(() -> requests().size() == 2);
        assertThat(requests()).extracting(LoggedRequest::getBodyAsString).allSatisfy(body -> assertThat(body).contains("e-1"));
    }

    @Test
    void aCallCalledOffBeforeItIsMadeNeverArrives() {
        PartnerCallbacks.Callback shipment = callbacks.post("PO-1", Duration.ofMillis(400), PATH,
                Map.of("eventId", "e-1", "type", "SHIPPED"));

        assertThat(shipment.callOff()).isTrue();
        callbacks.post("PO-1", Duration.ofMillis(500), PATH, Map.of("eventId", "e-2", "type", "CANCELLATION_ACCEPTED"));

        // The lane's later call goes only once its earlier one is done: made, or known never to be.
        await().atMost(Duration.ofSeconds(5)).until(() -> requests().stream()
                .anyMatch(r -> r.getBodyAsString().contains("CANCELLATION_ACCEPTED")));
        assertThat(requests()).singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains("CANCELLATION_ACCEPTED"));
    }

    @Test
    void aCallAlreadyMadeCannotBeCalledOff() {
        PartnerCallbacks.Callback shipment = callbacks.post("PO-1", Duration.ZERO, PATH,
                Map.of("eventId", "e-1", "type", "SHIPPED"));

        await().atMost(Duration.ofSeconds(5)).until(() -> requests().size() == 1);
        assertThat(shipment.callOff()).isFalse();
    }

    private List<LoggedRequest> requests() {
        return webhooks.findAll(postRequestedFor(urlEqualTo(PATH)));
    }
}
