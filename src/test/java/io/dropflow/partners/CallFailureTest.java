package io.dropflow.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/**
 * The words a failed partner call is told in (exploratory test s14 production, 7: a refused connection read
 * "I/O error on POST request for "…": null", an unknown host the same, 17TRACK's "…: java.net.ConnectException").
 */
class CallFailureTest {

    @Test
    void aRefusedConnectionOfTheJdkClientIsNamedWithItsHost() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + io.dropflow.support.ClosedPort.any() + "/v1/purchase-orders");
        Throwable refused = catchThrowable(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(closed)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(refused).isInstanceOf(ConnectException.class); // whose message is null

        assertThat(CallFailure.why(refused, closed)).isEqualTo("connection refused by 127.0.0.1:" + closed.getPort());
        // as Spring's RestClient wraps it: "I/O error on POST request for "…": null"
        ResourceAccessException wrapped = new ResourceAccessException("I/O error on POST request for \"" + closed + "\": "
                + refused.getMessage(), (IOException) refused);
        assertThat(CallFailure.why(wrapped, closed)).isEqualTo("connection refused by 127.0.0.1:" + closed.getPort())
                .doesNotContain("null");
    }

    @Test
    void anUnknownHostATimeoutAndTheUnforeseenAreNamedNeverNull() {
        URI shop = URI.create("https://acme-prod-test.myshopify.com/admin/oauth/access_token");
        // the JDK client's unknown host: ConnectException(null) <- ConnectException(null) <- UnresolvedAddressException
        ConnectException unknown = new ConnectException();
        unknown.initCause(new ConnectException());
        unknown.getCause().initCause(new UnresolvedAddressException());
        assertThat(CallFailure.why(new ResourceAccessException("I/O error on POST request: null", unknown), shop))
                .isEqualTo("unknown host acme-prod-test.myshopify.com (its name could not be resolved)");

        ConnectException refused = new ConnectException();
        refused.initCause(new ClosedChannelException());
        assertThat(CallFailure.why(refused, "api.17track.net")).isEqualTo("connection refused by api.17track.net");

        assertThat(CallFailure.why(new HttpConnectTimeoutException("HTTP connect timed out"), shop))
                .isEqualTo("no connection to acme-prod-test.myshopify.com in time (connect timeout)");
        assertThat(CallFailure.why(new ResourceAccessException("x", new HttpTimeoutException("request timed out")), shop))
                .isEqualTo("no answer from acme-prod-test.myshopify.com in time (read timeout)");

        assertThat(CallFailure.why(new ResourceAccessException("I/O error on POST request for \"x\": null",
                new IOException()), URI.create("http://10.0.0.7:8080/v1"))).isEqualTo("IOException calling 10.0.0.7:8080");
        assertThat(CallFailure.why(new ResourceAccessException("I/O error on POST request for \"x\": HTTP/1.1 header"
                + " parser received no bytes", new IOException("HTTP/1.1 header parser received no bytes")), (URI) null))
                .isEqualTo("IOException calling the partner: HTTP/1.1 header parser received no bytes");
    }

    /** Exploratory s16 ops, 5: the metric's code for a refused connection was "timeout"; it is what happened. */
    @Test
    void theMetricsCodeNamesWhatHappenedNotATimeoutForEverything() {
        ConnectException refused = new ConnectException();
        refused.initCause(new ClosedChannelException());
        assertThat(CallFailure.code(new ResourceAccessException("I/O error on POST request: null", refused)))
                .isEqualTo("refused");
        ConnectException unknown = new ConnectException();
        unknown.initCause(new UnresolvedAddressException());
        assertThat(CallFailure.code(unknown)).isEqualTo("unknown-host");
        assertThat(CallFailure.code(new ResourceAccessException("x", new HttpTimeoutException("request timed out"))))
                .isEqualTo("timeout");
        assertThat(CallFailure.code(new HttpConnectTimeoutException("HTTP connect timed out"))).isEqualTo("connect-timeout");
        assertThat(CallFailure.code(new ResourceAccessException("x", new javax.net.ssl.SSLHandshakeException("bad cert"))))
                .isEqualTo("tls");
        assertThat(CallFailure.code(new java.net.NoRouteToHostException("No route to host"))).isEqualTo("unreachable");
        assertThat(CallFailure.code(new IOException("HTTP/1.1 header parser received no bytes"))).isEqualTo("io-error");
        assertThat(CallFailure.NOT_REACHED).contains("refused", "unknown-host", "timeout", "tls");
    }
}
