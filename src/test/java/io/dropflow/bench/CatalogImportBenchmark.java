package io.dropflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A supplier's price list of N offers (-Dorders, default 10 000) imported through the catalog API
 * on embedded PostgreSQL: a first import that creates every offer, a second of the same file that
 * changes nothing, and a third in which every tenth row changed. Prints each figure next to the
 * target (issue 14: 10 000 offers in under 30 s, bad rows reported).
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.dropflow.bench.CatalogImportBenchmark</pre>
 */
public final class CatalogImportBenchmark {

    static final double TARGET_SECONDS = 30;

    private CatalogImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int offers = Integer.getInteger("orders", 10_000);
        String jdbcUrl = BenchApp.database("catalog_bench_" + System.nanoTime());
        try (ConfigurableApplicationContext app = BenchApp.start(BenchApp.settings(jdbcUrl, Map.of(
                "dropflow.identity.users[1].id", "sam", "dropflow.identity.users[1].password", "sam",
                "dropflow.identity.users[1].groups[0]", "supervisors")))) {
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            String supplier = "{\"code\":\"BULK\",\"name\":\"Bulk Wholesale\",\"region\":\"CN\",\"score\":80,\"tier\":2}";
            send(http, port, "/api/suppliers", "application/json", supplier);

            String file = priceList(offers, 0);
            Import first = timed(http, port, file);
            Import again = timed(http, port, file);
            Import changed = timed(http, port, priceList(offers, 10));

            System.out.printf(Locale.ROOT, "catalog import: %d offers, 2 cores, embedded PostgreSQL%n", offers);
            print("first import", first, offers);
            print("same file again", again, offers);
            print("every tenth row changed", changed, offers);
            System.out.printf(Locale.ROOT, "import of %d offers: %.1f s (target < %.0f s)%n", offers, first.seconds,
                    TARGET_SECONDS);
        }
        System.exit(0);
    }

    record Import(double seconds, JsonNode report) {
    }

    private static void print(String what, Import i, int offers) {
        System.out.printf(Locale.ROOT, "%s: %.1f s, %.0f offers/s; created %d, changed %d, unchanged %d, refused %d%n",
                what, i.seconds, offers / i.seconds, i.report.path("created").asInt(), i.report.path("changed").asInt(),
                i.report.path("unchanged").asInt(), i.report.path("refused").size());
    }

    /** N rows plus two bad ones (a negative price, an unknown currency) that must be reported. */
    private static String priceList(int offers, int changeEvery) {
        StringBuilder csv = new StringBuilder("sku,supplierSku,supplyPrice,currency,shippingCost,stock,shipFrom,"
                + "shipByHours,category,active\n");
        for (int i = 0; i < offers; i++) {
            int stock = changeEvery > 0 && i % changeEvery == 0 ? 7 : 100;
            csv.append("BULK-").append(i).append(",CJ-").append(i).append(',').append(10 + i % 90).append(".50,CNY,")
                    .append("3.00,").append(stock).append(",CN,72,homeware,true\n");
        }
        csv.append("BULK-BAD-1,CJ-BAD-1,-1.00,CNY,3.00,1,CN,72,homeware,true\n");
        csv.append("BULK-BAD-2,CJ-BAD-2,1.00,QQQ,3.00,1,CN,72,homeware,true\n");
        return csv.toString();
    }

    private static Import timed(HttpClient http, int port, String file) throws Exception {
        long t = System.nanoTime();
        String answer = send(http, port, "/api/suppliers/BULK/offers/import", "text/csv", file);
        return new Import((System.nanoTime() - t) / 1e9, new ObjectMapper().readTree(answer));
    }

    private static String send(HttpClient http, int port, String path, String type, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("sam:sam".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
