package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.OnboardingDriver;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An amount whose exponent makes it a number of billions of digits ("1e2147483647", "1e-2147483647", as text or as a
 * JSON number) is a 400 naming the field on every endpoint that takes amounts (an import lists the row as refused),
 * never a 500: it passed {@code @Digits} and failed in the checks after it, or at the database.
 */
@DropflowTest
class AmountsOutOfRangeApiTest {

    private static final List<String> EXTREMES = List.of("1e2147483647", "1e-2147483647");
    private static final String OUT_OF_RANGE = "is out of range: written without its exponent it has more than 1000 digits";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    DropflowDriver dropflow;
    String supplier;

    static Consumer<HttpHeaders> asSupervisor() {
        return h -> h.setBasicAuth("sam", "sam");
    }

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        supplier = "AMT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ResponseEntity<String> created = dropflow.post("/api/suppliers", Map.of("code", supplier, "name", "Amounts Co",
                "region", "DE", "score", 50, "tier", 2), asSupervisor());
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    }

    private static Map<String, Object> offer(String sku, String price, String shipping) {
        return new HashMap<>(Map.of("sku", sku, "supplierSku", "S-" + sku, "supplyPrice", price, "currency", "EUR",
                "shippingCost", shipping, "stock", 5, "shipFrom", "DE", "shipByHours", 48, "category", "homeware"));
    }

    private static void refusedNaming(ResponseEntity<String> answer, String field) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        JsonNode errors = DropflowDriver.read(answer.getBody()).path("errors");
        assertThat(errors.size()).as(answer.getBody()).isEqualTo(1);
        assertThat(errors.get(0).path("field").asText()).as(answer.getBody()).isEqualTo(field);
        assertThat(errors.get(0).path("message").asText()).isEqualTo(OUT_OF_RANGE);
    }

    @Test
    void anOrderWithSuchASalePriceIsRefusedNamingTheLineAsTextOrAsANumber() {
        for (String amount : EXTREMES) {
            String id = "BIG-" + UUID.randomUUID();
            refusedNaming(dropflow.post("/api/orders", DropflowDriver.order(id, "DEMO-MUG", 1, amount),
                    DropflowDriver.asOperator()), "lines[0].salePrice");
            refusedNaming(dropflow.postRaw("/api/orders", "{\"storefrontOrderId\":\"" + id + "\",\"currency\":\"EUR\","
                    + "\"consumer\":{\"name\":\"E\",\"email\":\"e@example.com\"},\"shippingAddress\":{\"name\":\"E\","
                    + "\"line1\":\"Heidestrasse 17\",\"city\":\"Köln\",\"postalCode\":\"51147\",\"country\":\"DE\"},"
                    + "\"lines\":[{\"sku\":\"DEMO-MUG\",\"quantity\":1,\"salePrice\":" + amount + "}]}",
                    DropflowDriver.asOperator()), "lines[0].salePrice");
        }
    }

    @Test
    void anOfferWithSuchAPriceOrShippingCostIsRefusedNamingIt() {
        for (String amount : EXTREMES) {
            refusedNaming(dropflow.post("/api/suppliers/" + supplier + "/offers", offer("DEMO-X10", amount, "1"),
                    asSupervisor()), "supplyPrice");
            refusedNaming(dropflow.post("/api/suppliers/" + supplier + "/offers", offer("DEMO-X10", "2.00", amount),
                    asSupervisor()), "shippingCost");
        }
        assertThat(dropflow.get("/api/suppliers/" + supplier + "/offers/DEMO-X10", asSupervisor())
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anImportListsSuchRowsAsRefusedAndTakesTheOthers() {
        String csv = "sku,supplierSku,supplyPrice,currency,shippingCost,stock,shipFrom,shipByHours,category,active\n"
                + "DEMO-Z1,S-Z1,1e2147483647,EUR,1,5,DE,48,homeware,true\n"
                + "DEMO-Z2,S-Z2,2.00,EUR,1e-2147483647,5,DE,48,homeware,true\n"
                + "DEMO-Z3,S-Z3,2.00,EUR,1.00,5,DE,48,homeware,true\n";
        ResponseEntity<String> imported = dropflow.http().post().uri("/api/suppliers/{code}/offers/import", supplier)
                .headers(asSupervisor()).contentType(new MediaType("text", "csv")).body(csv).retrieve()
                .toEntity(String.class);

        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
        JsonNode report = DropflowDriver.read(imported.getBody());
        assertThat(report.path("created").asInt()).as(imported.getBody()).isEqualTo(1);
        assertThat(report.path("refused").findValuesAsText("reason")).containsExactly(
                "supplyPrice '1e2147483647' " + OUT_OF_RANGE, "shippingCost '1e-2147483647' " + OUT_OF_RANGE);

        ResponseEntity<String> json = dropflow.http().post().uri("/api/suppliers/{code}/offers/import", supplier)
                .headers(asSupervisor()).contentType(MediaType.APPLICATION_JSON)
                .body("[{\"sku\":\"DEMO-Z4\",\"supplierSku\":\"S-Z4\",\"supplyPrice\":1E+2147483647,\"currency\":\"EUR\","
                        + "\"shippingCost\":\"1\",\"stock\":5,\"shipFrom\":\"DE\",\"shipByHours\":48,"
                        + "\"category\":\"homeware\",\"active\":true}]")
                .retrieve().toEntity(String.class);
        assertThat(json.getStatusCode().value()).as(json.getBody()).isEqualTo(200);
        assertThat(DropflowDriver.read(json.getBody()).path("refused").findValuesAsText("reason"))
                .containsExactly("supplyPrice " + OUT_OF_RANGE); // as POST /offers words it (s15 D2)
    }

    @Test
    void aSuppliersPushClaimAnswerOrReturnAnswerWithSuchAnAmountIsRefusedNamingIt() {
        ResponseEntity<String> offered = dropflow.post("/api/suppliers/" + supplier + "/offers",
                offer("DEMO-X5", "2.00", "1.00"), asSupervisor());
        assertThat(offered.getStatusCode().value()).as(offered.getBody()).isEqualTo(201);
        for (String amount : EXTREMES) {
            refusedNaming(dropflow.post("/api/webhooks/suppliers/" + supplier + "/offers", Map.of("eventId",
                    UUID.randomUUID().toString(), "offers", List.of(Map.of("supplierSku", "S-DEMO-X5", "supplyPrice",
                            amount, "currency", "EUR"))), DropflowDriver.asPartner()), "offers[0].supplyPrice");
            refusedNaming(dropflow.supplierAnswersClaim(supplier, 1, 1, "COUNTER_OFFER", "COMPENSATION", amount, "x"),
                    "amount");
            refusedNaming(dropflow.supplierAnswersReturn(supplier, 2, 2, "ALTERNATIVE", amount), "amount");
        }
    }

    @Test
    void anOnboardingApplicationWithSuchAPriceIsRefusedNamingIt() {
        OnboardingDriver onboarding = new OnboardingDriver(port, engine);
        Map<String, Object> application = OnboardingDriver.application("AMTON" + UUID.randomUUID().toString()
                .substring(0, 6).toUpperCase(), "CN", "DEMO-WOK", OnboardingDriver.crossBorderPapers(
                        LocalDate.now().plusYears(2)));
        application.put("agreement", OnboardingDriver.agreement(List.of(OnboardingDriver.offer("DEMO-WOK",
                "1e2147483647"))));

        refusedNaming(onboarding.apply(application), "agreement.offers[0].supplyPrice");
    }
}
