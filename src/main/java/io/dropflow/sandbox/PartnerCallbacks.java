package io.dropflow.sandbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * How sandbox partners call us back: later, on their own threads, over HTTP to our public webhook
 * URLs with the partner token, exactly as a remote partner would. A failed call is retried a few
 * times, as partners do.
 */
@Component
public class PartnerCallbacks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartnerCallbacks.class);
    private static final int ATTEMPTS = 5;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sandbox-partner");
        t.setDaemon(true);
        return t;
    });
    private final String token;
    private volatile RestClient http;

    PartnerCallbacks(@Value("${dropflow.webhooks.token:}") String token,
            @Value("${dropflow.public-base-url}") String baseUrl) {
        this.token = token;
        this.http = RestClient.builder().baseUrl(baseUrl).build();
    }

    /** With a random server port (tests), the base URL is only known once the server runs. */
    @EventListener
    void on(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            http = RestClient.builder().baseUrl("http://localhost:" + event.getWebServer().getPort()).build();
        }
    }

    public ScheduledFuture<?> post(Duration delay, String path, Object body) {
        return scheduler.schedule(() -> send(path, body, 1), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Calls our webhook right now, on the caller's thread, as a supplier answering inside our request would. */
    public void postNow(String path, Object body) {
        send(path, body, ATTEMPTS);
    }

    private void send(String path, Object body, int attempt) {
        try {
            http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                    .header("X-Dropflow-Webhook-Token", token)
                    .body(body).retrieve().toBodilessEntity();
        } catch (RuntimeException e) {
            if (attempt < ATTEMPTS) {
                log.info("Sandbox partner call to {} failed ({}); retrying", path, e.getMessage());
                scheduler.schedule(() -> send(path, body, attempt + 1), attempt * 2L, TimeUnit.SECONDS);
            } else {
                log.warn("Sandbox partner gave up calling {}: {}", path, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
