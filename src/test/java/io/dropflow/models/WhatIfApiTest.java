package io.dropflow.models;

import static io.dropflow.support.DropflowDriver.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * What-if on recorded history: real orders make real shipping-SLA decisions, recorded by the
 * engine with their order; a stricter table is replayed on them and reports exactly those it changes.
 */
@DropflowTest
class WhatIfApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    DropflowDriver dropflow;
    RestClient http;
    String category;

    static Consumer<HttpHeaders> asAnalyst() {
        return h -> h.setBasicAuth("anna", "anna");
    }

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(s -> s.isError(), (request, response) -> { }).build();
        category = "whatif-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String deployedShippingSla() throws IOException {
        return Files.readString(Path.of("bpmn", "shipping-sla.dmn"));
    }

    /** The deployed table with one rule first: goods of this test's category ship within 12 hours. */
    private String stricterForThisCategory() throws IOException {
        String rule = "<rule id=\"rule_whatif\"><description>What-if goods ship the same day</description>"
                + "<inputEntry id=\"rule_whatif_in0\"><text></text></inputEntry>"
                + "<inputEntry id=\"rule_whatif_in1\"><text></text></inputEntry>"
                + "<inputEntry id=\"rule_whatif_in2\"><text>\"" + category + "\"</text></inputEntry>"
                + "<inputEntry id=\"rule_whatif_in3\"><text></text></inputEntry>"
                + "<outputEntry id=\"rule_whatif_hours\"><text>min([12, agreedHours])</text></outputEntry>"
                + "<outputEntry id=\"rule_whatif_why\"><text>\"What-if goods\"</text></outputEntry></rule>";
        return deployedShippingSla().replace("<rule id=\"rule_1\">", rule + "<rule id=\"rule_1\">");
    }

    /** A supplier in China whose only offer is of this test's category, and three orders forwarded to it. */
    private List<Long> threeOrdersForwardedInThisCategory() {
        String code = "WI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sku = code + "-BOWL";
        Consumer<HttpHeaders> supervisor = h -> h.setBasicAuth("sam", "sam");
        assertThat(dropflow.post("/api/suppliers", Map.of("code", code, "name", "What-if Goods", "region", "CN",
                "score", 90, "tier", 1), supervisor).getStatusCode().value()).isEqualTo(201);
        assertThat(dropflow.post("/api/suppliers/" + code + "/offers", Map.of("sku", sku, "supplierSku", "B-1",
                "supplyPrice", "5.00", "currency", "EUR", "shippingCost", "2.00", "stock", 100, "shipFrom", "CN",
                "shipByHours", 72, "category", category), supervisor).getStatusCode().value()).isEqualTo(201);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long order = dropflow.placeOrder(sku, 1, "25.00").orderId();
            dropflow.runJobs(order);
            assertThat(dropflow.process(order)).isWaitingAt(Element.AWAIT_SUPPLIER_ANSWER.id());
            orders.add(order);
        }
        return orders;
    }

    private ResponseEntity<String> whatIf(String table, Consumer<HttpHeaders> who) {
        return http.post().uri("/api/models/what-if?days=1&examples=10").headers(who)
                .contentType(MediaType.APPLICATION_XML).body(table).retrieve().toEntity(String.class);
    }

    private static JsonNode shippingSla(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        for (JsonNode decision : DropflowDriver.read(response.getBody()).path("decisions")) {
            if (decision.path("key").asText().equals("shipping_sla")) {
                return decision;
            }
        }
        throw new AssertionError("no shipping_sla in " + response.getBody());
    }

    @Test
    void theEngineRecordsEachDecisionWithTheOrderItWasMadeFor() {
        long order = threeOrdersForwardedInThisCategory().get(0);

        List<HistoricDecisionInstance> decisions = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("shipping_sla").processInstanceId(dropflow.processInstanceId(order))
                .includeInputs().list();

        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.getActivityId()).isEqualTo(Element.FORWARD_PURCHASE_ORDER.id());
            assertThat(d.getInputs()).anySatisfy(i -> assertThat(i.getValue()).isEqualTo(category));
        });
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(dropflow.processInstanceId(order)).singleResult().getBusinessKey())
                .isEqualTo(OrderFulfillmentProcess.businessKey(order));
    }

    @Test
    void aStricterTableReportsExactlyTheDecisionsItWouldChangeAndTheirOrders() throws IOException {
        List<Long> orders = threeOrdersForwardedInThisCategory();

        JsonNode sla = shippingSla(whatIf(stricterForThisCategory(), asAnalyst()));

        assertThat(sla.path("changed").asInt()).isEqualTo(3);
        assertThat(sla.path("replayed").asInt()).isEqualTo(sla.path("recorded").asInt());
        assertThat(sla.path("summary").asText()).startsWith("3 of " + sla.path("replayed").asInt() + " decisions");
        assertThat(sla.path("ruleChanges")).singleElement().satisfies(change -> {
            assertThat(change.path("before").asText()).isEqualTo("rule 3: Cross-border: consolidation and customs paperwork");
            assertThat(change.path("after").asText()).isEqualTo("rule 1: What-if goods ship the same day");
            assertThat(change.path("decisions").asInt()).isEqualTo(3);
        });
        assertThat(sla.path("examples")).extracting(e -> e.path("businessKey").asText())
                .containsExactlyInAnyOrderElementsOf(orders.stream().map(OrderFulfillmentProcess::businessKey).toList());
        JsonNode example = sla.path("examples").get(0);
        assertThat(example.path("before").get(0).path("shipByHours").asInt()).isEqualTo(72);
        assertThat(example.path("after").get(0).path("shipByHours").asInt()).isEqualTo(12);
        assertThat(example.path("inputs").path("Product category").asText()).isEqualTo(category);
    }

    @Test
    void theDeployedTableAsItIsChangesNothingAndSaysSo() throws IOException {
        threeOrdersForwardedInThisCategory();
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("table", new ByteArrayResource(deployedShippingSla().getBytes()) {
            @Override
            public String getFilename() {
                return "shipping-sla.dmn";
            }
        });

        ResponseEntity<String> uploaded = http.post().uri("/api/models/what-if?days=1").headers(asAnalyst())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(String.class);

        JsonNode sla = shippingSla(uploaded);
        assertThat(sla.path("changed").asInt()).isZero();
        assertThat(sla.path("recorded").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(sla.path("summary").asText()).startsWith("No recorded decision would change");
    }

    /**
     * The group-buy cutoff is decided at order intake, outside any process: decisions without a process
     * instance (and so without a business key) are replayed too, not a 500.
     */
    @Test
    void decisionsMadeOutsideAProcessAreReplayedToo() throws IOException {
        engine.getDecisionService().evaluateDecisionByKey("group_buy_cutoff")
                .variables(Map.of("pickupPoint", "WI-POINT", "country", "CN", "region", "Tibet")).evaluate();

        ResponseEntity<String> answer = whatIf(Files.readString(Path.of("bpmn", "group-buy-cutoff.dmn")), asAnalyst());

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode cutoff = DropflowDriver.read(answer.getBody()).path("decisions").get(0);
        assertThat(cutoff.path("recorded").asInt()).isPositive();
        assertThat(cutoff.path("replayed").asInt()).isEqualTo(cutoff.path("recorded").asInt());
        assertThat(cutoff.path("changed").asInt()).isZero();
    }

    @Test
    void onlyAnalystsAndSupervisorsAskAndBadFilesAreProblems() throws IOException {
        assertThat(whatIf(deployedShippingSla(), asOperator()).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> garbage = whatIf("<not-dmn/>", asAnalyst());
        assertThat(garbage.getStatusCode().value()).isEqualTo(400);
        assertThat(garbage.getHeaders().getContentType().toString()).contains("application/problem+json");
        ResponseEntity<String> renamed = whatIf(deployedShippingSla().replace("id=\"shipping_sla\"", "id=\"ship_sla\""),
                asAnalyst());
        assertThat(renamed.getStatusCode().value()).isEqualTo(422);
        assertThat(DropflowDriver.read(renamed.getBody()).path("detail").asText()).contains("no decision ship_sla is deployed");
        ResponseEntity<String> tooLong = http.post().uri("/api/models/what-if?days=400").headers(asAnalyst())
                .contentType(MediaType.APPLICATION_XML).body(deployedShippingSla()).retrieve().toEntity(String.class);
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(DropflowDriver.read(tooLong.getBody()).path("detail").asText()).startsWith("days must be");
    }

    /** Explore s16, defect 10: an uploaded file's refusal names the file as it was uploaded, not "the file". */
    @Test
    void anUploadedFilesRefusalNamesTheFile() throws IOException {
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        parts.part("table", deployedShippingSla().replace("hitPolicy=\"FIRST\"", "hitPolicy=\"COLLECT\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).filename("sla-draft.dmn")
                .contentType(MediaType.APPLICATION_XML);
        ResponseEntity<String> refused = http.post().uri("/api/models/what-if").headers(asAnalyst())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).retrieve().toEntity(String.class);

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        assertThat(DropflowDriver.read(refused.getBody()).path("detail").asText())
                .startsWith("deploying it would be refused: sla-draft.dmn, table shipping_sla: hit policy COLLECT");
    }
}
