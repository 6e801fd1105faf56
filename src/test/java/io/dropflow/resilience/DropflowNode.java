package io.dropflow.resilience;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Dropflow as an operating system process of its own, started the way an operator starts it
 * ({@code postgres} profile, environment variables), so that a test can kill it with SIGKILL.
 * Its output goes to {@code target/resilience/<name>.log}.
 */
final class DropflowNode {

    static final String ADMIN = "owner";
    static final String ADMIN_PASSWORD = "Correct-Horse-Battery-9";
    /** The storefront integration's login (Camunda ids allow no hyphen): an operator, as our API requires for placing and cancelling orders. */
    static final String SHOP = "shop";
    static final String SHOP_PASSWORD = "Integration-Secret-7";

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    private DropflowNode(String name, int port, List<String> command, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.environment = environment;
    }

    /**
     * @param properties Spring properties on top of the postgres profile (partners, timings)
     */
    static DropflowNode of(String name, int port, String jdbcUrl, String webhookToken, Map<String, String> properties) {
        // The application's own classes and dependencies; not the tests' (they would be component-scanned).
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The quick compiler only (C1): a node lives one or two minutes, too short for the optimising
                // compiler's work to pay back on 2 cores. ClusterIT, back to back: 104.4 and 98.9 s with the
                // JVM's default, 86.2 and 86.4 s with C1 only (docs/adr/0010-test-pyramid.md). C1 only reserves
                // 48 MB for compiled code, too little for a Dropflow application: 256 MB as the test JVMs.
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=256m", "-cp", classpath, "io.dropflow.DropflowApplication",
                "--spring.profiles.active=postgres", "--server.port=" + port,
                "--camunda.bpm.process-engine-name=" + name.replaceAll("[^A-Za-z0-9]", ""),
                // The job log then says which node executed each job.
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--dropflow.identity.users[0].id=" + SHOP, "--dropflow.identity.users[0].password=" + SHOP_PASSWORD,
                "--dropflow.identity.users[0].groups[0]=operators"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Map<String, String> environment = Map.ofEntries(
                Map.entry("DROPFLOW_DB_URL", jdbcUrl),
                Map.entry("DROPFLOW_DB_USER", "postgres"),
                Map.entry("DROPFLOW_DB_PASSWORD", "postgres"),
                Map.entry("DROPFLOW_ADMIN_USER", ADMIN),
                Map.entry("DROPFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("DROPFLOW_WEBHOOK_TOKEN", webhookToken),
                Map.entry("DROPFLOW_PUBLIC_BASE_URL", "http://localhost:" + port),
                // Production refuses a URL no partner reaches, unless it is a test's node on this machine.
                Map.entry("DROPFLOW_PUBLIC_BASE_URL_LOCAL_FOR_TESTS", "true"),
                Map.entry("DROPFLOW_SELLER_NAME", "Node Test Store"),
                Map.entry("DROPFLOW_SELLER_RETURN_ADDRESS", "1 Test Street, 10115 Berlin, DE"),
                Map.entry("DROPFLOW_QUALITY_CHECK_LINE1", "1 Test Street"),
                Map.entry("DROPFLOW_QUALITY_CHECK_POSTAL_CODE", "10115"),
                Map.entry("DROPFLOW_QUALITY_CHECK_CITY", "Berlin"),
                Map.entry("DROPFLOW_QUALITY_CHECK_COUNTRY", "DE"));
        return new DropflowNode(name, port, command, environment);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String name() {
        return name;
    }

    /** Starts the process and waits until its health endpoint answers UP. */
    DropflowNode start(Duration timeout) {
        try {
            Path logs = Path.of("target", "resilience");
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logs.resolve(name + ".log").toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": see target/resilience/"
                        + name + ".log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException(name + " did not come up within " + timeout + ": see target/resilience/" + name + ".log");
    }

    /** SIGKILL: no shutdown hook, no graceful stop, transactions cut off wherever they are. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGTERM: Spring's graceful shutdown. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many lines of this node's log contain {@code text}. */
    long logLines(String text) {
        try (var lines = Files.lines(Path.of("target", "resilience", name + ".log"))) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
