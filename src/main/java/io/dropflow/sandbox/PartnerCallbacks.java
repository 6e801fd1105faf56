package io.dropflow.sandbox;

import io.dropflow.security.WebhookSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * How sandbox partners call us back: later, on their own threads, over HTTP to our public webhook
 * URLs with the partner token, exactly as a remote partner would. A failed call is retried a few
 * times, as partners do.
 *
 * <p>Calls travel in lanes, one per conversation (a purchase order, a parcel): a call waits for
 * the lane's previous call to finish, so one partner's events about one thing arrive in the order
 * it sent them, as they do from real partners, while different conversations go in parallel.
 */
@Component
@Profile({"demo", "test", "bench"})
public class PartnerCallbacks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartnerCallbacks.class);
    private static final int ATTEMPTS = 5;

    private final ExecutorService threads;
    private final Map<String, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();
    private final String token;
    private volatile RestClient http;

    PartnerCallbacks(WebhookSettings webhooks,
            @Value("${dropflow.public-base-url}") String baseUrl,
            @Value("${dropflow.sandbox.callback-threads:8}") int callbackThreads) {
        this.token = webhooks.token();
        this.http = client(baseUrl);
        AtomicInteger numbers = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(callbackThreads, r -> {
            Thread t = new Thread(r, "sandbox-partner-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** With a random server port (tests), the base URL is only known once the server runs. */
    @EventListener
    void on(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            http = client("http://localhost:" + event.getWebServer().getPort());
        }
    }

    /** HttpURLConnection: keeps connections alive and, unlike the JDK HttpClient factory, starts no thread per request body. */
    private static RestClient client(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl).requestFactory(new SimpleClientHttpRequestFactory()).build();
    }

    /** A call that has not been made yet can be called off, like a shipment not yet handed over. */
    public static final class Callback {
        private static final int WAITING = 0;
        private static final int STARTED = 1;
        private static final int CALLED_OFF = 2;
        private final AtomicInteger state = new AtomicInteger(WAITING);

        /** @return true when the call will never be made; false when it is made or already was */
        public boolean callOff() {
            return state.compareAndSet(WAITING, CALLED_OFF) || state.get() == CALLED_OFF;
        }

        boolean start() {
            return state.compareAndSet(WAITING, STARTED);
        }

        /** Whether the call has been made (or is being made): a shipment handed over. */
        public boolean isMade() {
            return state.get() == STARTED;
        }
    }

    /** Calls our webhook after {@code delay}, and not before the lane's earlier calls are done. */
    public Callback post(String lane, Duration delay, String path, Object body) {
        Callback callback = new Callback();
        CompletableFuture<Void> due = new CompletableFuture<>();
        AtomicReference<CompletableFuture<Void>> sent = new AtomicReference<>();
        lanes.compute(lane, (key, previous) -> {
            CompletableFuture<Void> after = previous == null ? due : CompletableFuture.allOf(previous, due);
            sent.set(after.thenRunAsync(() -> {
                if (callback.start()) {
                    send(path, body);
                }
            }, threads));
            return sent.get();
        });
        sent.get().whenComplete((done, failure) -> lanes.remove(lane, sent.get()));
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, threads).execute(() -> due.complete(null));
        return callback;
    }

    /** Calls our webhook right now, on the caller's thread, as a supplier answering inside our request would. */
    public void postNow(String path, Object body) {
        send(path, body);
    }

    private void send(String path, Object body) {
        for (int attempt = 1; ; attempt++) {
            try {
                http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                        .header("X-Dropflow-Webhook-Token", token)
                        .body(body).retrieve().toBodilessEntity();
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    log.warn("Sandbox partner gave up calling {}: {}", path, e.getMessage());
                    return;
                }
                log.info("Sandbox partner call to {} failed ({}); retrying", path, e.getMessage());
                try {
                    TimeUnit.SECONDS.sleep(attempt * 2L);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
