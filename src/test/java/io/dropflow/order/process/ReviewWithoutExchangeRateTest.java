package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SUPPLIER_ANSWER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.HANDLE_OUT_OF_STOCK;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.REVIEW_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Exploratory test of the demo: an order whose supplier's offers no exchange rate converts went to
 * "Review order"; the operator proceeded with the rate still missing, and the order became
 * OUT_OF_STOCK ("No supplier can fill the order") though the supplier had stock. Now "proceed" is
 * refused while no supplier's offers can be converted, naming the rate, and the task stays; a rate to
 * the settlement currency (EUR) is enough, the rest converts through it (a cross rate). Currencies no
 * other test gives a rate: DKK and PLN, NOK and RON.
 */
@DropflowTest
class ReviewWithoutExchangeRateTest {

    /** Rates kept from the start of the year, as MoneyInItsCurrencyTest keeps its own. */
    private static final String VALID_FROM = "2026-01-01T00:00:00Z";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    DropflowDriver dropflow;
    String code;

    private static Consumer<HttpHeaders> asSupervisor() {
        return h -> h.setBasicAuth("sam", "sam");
    }

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        code = "DK-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** 1 EUR = {@code rate} {@code quote}. */
    private void euroRate(String quote, String rate) {
        ResponseEntity<String> added = dropflow.post("/api/exchange-rates", Map.of("base", "EUR", "quote", quote,
                "rate", rate, "validFrom", VALID_FROM), asSupervisor());
        assertThat(added.getStatusCode().value()).as(added.getBody()).isIn(200, 201);
    }

    /** A supplier with stock of {@code sku} priced in {@code currency}. */
    private String supplierSelling(String sku, String currency, String supplyPrice, String shippingCost) {
        return supplierSelling(code, sku, currency, supplyPrice, shippingCost);
    }

    /** The supplier {@code supplier}, with stock of {@code sku} priced in {@code currency}. */
    private String supplierSelling(String supplier, String sku, String currency, String supplyPrice,
            String shippingCost) {
        return supplierSelling(supplier, sku, currency, supplyPrice, shippingCost, 100);
    }

    /** The supplier {@code supplier}, with {@code stock} of {@code sku} priced in {@code currency}. */
    private String supplierSelling(String supplier, String sku, String currency, String supplyPrice,
            String shippingCost, int stock) {
        assertThat(dropflow.post("/api/suppliers", Map.of("code", supplier, "name", "Nordic Lamps", "region", "DK",
                "score", 90, "tier", 1), asSupervisor()).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> offer = dropflow.post("/api/suppliers/" + supplier + "/offers", Map.of("sku", sku,
                "supplierSku", "NL-" + sku, "supplyPrice", supplyPrice, "currency", currency, "shippingCost",
                shippingCost, "stock", stock, "shipFrom", "DK", "shipByHours", 72, "category", "lighting"), asSupervisor());
        assertThat(offer.getStatusCode().value()).as(offer.getBody()).isEqualTo(201);
        return sku;
    }

    private long placed(String currency, String sku, String salePrice) {
        return placed(currency, sku, salePrice, "Heidestrasse 17");
    }

    private long placed(String currency, String sku, String salePrice, String addressLine1) {
        Map<String, Object> order = new HashMap<>(DropflowDriver.order("SHOP-" + UUID.randomUUID(), sku, 1, salePrice,
                addressLine1));
        order.put("currency", currency);
        DropflowDriver.Placed placed = dropflow.place(order);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.orderId();
    }

    private Task task(long order) {
        return engine.getTaskService().createTaskQuery().processInstanceId(dropflow.processInstanceId(order))
                .singleResult();
    }

    /** The operator's decision, sent as Tasklist sends it. */
    private ResponseEntity<String> decide(Task task, String decision) {
        return dropflow.postRaw("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"reviewDecision\": {\"value\": \"" + decision + "\"}}}", DropflowDriver.asOperator());
    }

    @Test
    void proceedingWhileNoRateConvertsTheSuppliersOffersIsRefusedNamingTheRateNotOutOfStock() {
        euroRate("PLN", "4.25");
        String sku = supplierSelling(code + "-LAMP", "DKK", "150.00", "30.00");
        long order = placed("PLN", sku, "200.00");
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(REVIEW_ORDER.id());
        Task review = task(order);

        ResponseEntity<String> proceeded = decide(review, "proceed");

        assertThat(proceeded.getStatusCode().value()).as("before: 204, and the order OUT_OF_STOCK; " + proceeded.getBody())
                .isEqualTo(400);
        assertThat(proceeded.getBody()).contains("no exchange rate from DKK to EUR, the settlement currency, to buy from "
                + code);
        assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).as("the task stays open")
                .isEqualTo(1);
        JsonNode view = dropflow.getOrder(order);
        assertThat(view.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(view.path("purchaseOrders")).isEmpty();
        assertThat(view.path("timeline").findValuesAsText("what")).as("what the operator reads on the order")
                .anySatisfy(what -> assertThat(what).startsWith("Order needs review: ")
                        .contains("no exchange rate from DKK to EUR, the settlement currency, to buy from " + code))
                .noneSatisfy(what -> assertThat(what).startsWith("No supplier can fill"));

        // A supervisor adds DKK's rate to the settlement currency only: DKK converts into PLN through EUR
        euroRate("DKK", "7.46");
        assertThat(decide(review, "proceed").getStatusCode().value()).isEqualTo(204);
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        JsonNode purchaseOrder = dropflow.getOrder(order).path("purchaseOrders").get(0);
        assertThat(purchaseOrder.path("supplierCode").asText()).isEqualTo(code);
        assertThat(purchaseOrder.path("currency").asText()).isEqualTo("DKK");
        assertThat(purchaseOrder.path("landedCostInOrderCurrency").decimalValue())
                .as("180.00 DKK / 7.46 = 24.13 EUR, x 4.25 = 102.55 PLN").isEqualByComparingTo("102.55");
    }

    /**
     * Second review, session 10 (M2): the refusal passed as soon as one supplier of the whole order could be
     * converted, whether ranking would keep it or not. Here it converts (EUR) but has none in stock, so
     * supplier-selection.dmn gives it no tier; the one with stock sells in MXN, which has no rate. "Proceed" was
     * a 204 and the order went out of stock. Now the refusal sees what ranking sees (MXN: no other test gives it a
     * rate). The review is there for a PO box, and names the rate too.
     */
    @Test
    void proceedingIsRefusedWhileTheSupplierThatConvertsHasNoStockAndTheOneWithStockLacksARate() {
        String sku = supplierSelling(code, code + "-JUG", "EUR", "10.00", "2.00", 0);
        String keptOut = "MX-" + code.substring(3);
        supplierSelling(keptOut, sku, "MXN", "200.00", "40.00", 100);
        long order = placed("EUR", sku, "40.00", "PO Box 42");
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(REVIEW_ORDER.id());
        Task review = task(order);
        String rate = "no exchange rate from MXN to EUR, the settlement currency, to buy from " + keptOut;

        ResponseEntity<String> proceeded = decide(review, "proceed");

        assertThat(proceeded.getStatusCode().value()).as("before: 204, and the order OUT_OF_STOCK; " + proceeded.getBody())
                .isEqualTo(400);
        assertThat(proceeded.getBody()).contains(rate);
        assertThat(problems(order)).as("the review shows the rate too").contains(rate);
        assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).as("the task stays open")
                .isEqualTo(1);

        euroRate("MXN", "20.00");
        assertThat(decide(review, "proceed").getStatusCode().value()).isEqualTo(204);
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("supplierCode").asText()).isEqualTo(keptOut);
    }

    /**
     * Exploratory test s10 (D0): a 1.00 CHF mug whose supply and shipping cost 8.50 EUR waited at review for
     * the CHF rate (its margin could not be checked); a supervisor added the rate, the operator proceeded, and
     * the order was forwarded, shipped and booked at a loss (margin -7.48 EUR), never shown as sold below
     * cost. Now "proceed" checks the order again: the loss is a problem the review did not show, and the order
     * is back at review with it; proceeding on that review accepts it.
     */
    @Test
    void anOrderWhoseMarginAMissingRateKeptFromBeingCheckedGoesBackToReviewWhenTheRateShowsALoss() {
        String sku = supplierSelling(code + "-MUG", "EUR", "6.00", "2.50");
        long order = placed("CHF", sku, "1.00");
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(REVIEW_ORDER.id());
        Task review = task(order);
        assertThat(problems(order)).as("the margin cannot be computed yet").contains("no exchange rate from EUR to CHF")
                .doesNotContain("margin");
        euroRate("CHF", "0.95");

        assertThat(decide(review, "proceed").getStatusCode().value()).isEqualTo(204);
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).as("before: forwarded at a loss").isWaitingAt(REVIEW_ORDER.id());
        Task again = task(order);
        assertThat(again.getId()).isNotEqualTo(review.getId());
        assertThat(problems(order)).as("what the review form shows now")
                .startsWith("negative margin: cheapest supply and shipping 8.08 CHF plus the platform fee")
                .doesNotContain("exchange rate");
        JsonNode view = dropflow.getOrder(order);
        assertThat(view.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(view.path("purchaseOrders")).isEmpty();
        assertThat(view.path("timeline").findValuesAsText("what")).as("what the operator reads on the order")
                .anySatisfy(what -> assertThat(what).startsWith("Order needs review again: negative margin: "));

        // The operator accepts the loss: the order is bought
        assertThat(decide(again, "proceed").getStatusCode().value()).isEqualTo(204);
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        assertThat(dropflow.getOrder(order).path("timeline").findValuesAsText("what"))
                .contains("Order checked again after the review: no new problem");
    }

    /**
     * Exploratory test s10 (D0, D10): an order whose only supplier with stock a missing rate keeps out reached
     * "Decide on out-of-stock order", whose facts said "Out of stock" and nothing of the rate. The form now names
     * the rate and the supplier it kept out of the ranking.
     */
    @Test
    void anOutOfStockOrderNamesTheRateThatKeptASupplierOutOfTheRanking() {
        String sku = supplierSelling(code + "-BOWL", "EUR", "10.00", "2.00");
        String keptOut = "SA-" + code.substring(3);
        supplierSelling(keptOut, sku, "SAR", "40.00", "8.00");
        long order = placed("EUR", sku, "30.00");
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());

        dropflow.supplierSays(code, DropflowDriver.po(order, 1), "OUT_OF_STOCK");
        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).isWaitingAt(HANDLE_OUT_OF_STOCK.id());
        assertThat(dropflow.facts(task(order))).as("before: no such fact, the form said only 'Out of stock'")
                .containsEntry("missingRates", "no exchange rate from SAR to EUR, the settlement currency, to buy from "
                        + keptOut + ": ask a supervisor to add one (POST /api/exchange-rates), then wait for restock");
    }

    /** The review's problems, as its form shows them. */
    private String problems(long order) {
        return String.valueOf(engine.getRuntimeService().getVariable(dropflow.processInstanceId(order),
                OrderFulfillmentProcess.VALIDATION_PROBLEMS.name()));
    }

    @Test
    void anOrderWhoseCurrenciesBothHaveARateToTheSettlementCurrencyIsBoughtThroughItWithoutReview() {
        euroRate("RON", "4.97");
        euroRate("NOK", "11.70");
        String sku = supplierSelling(code + "-VASE", "NOK", "100.00", "20.00");
        long order = placed("RON", sku, "150.00");

        dropflow.runJobs(order);

        assertThat(dropflow.process(order)).as("before: to review, 'no exchange rate from NOK to RON'")
                .isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        JsonNode purchaseOrder = dropflow.getOrder(order).path("purchaseOrders").get(0);
        assertThat(purchaseOrder.path("currency").asText()).isEqualTo("NOK");
        assertThat(purchaseOrder.path("landedCostInOrderCurrency").decimalValue())
                .as("120.00 NOK / 11.70 = 10.26 EUR (in cents, as the ledger books it), x 4.97 = 50.99 RON")
                .isEqualByComparingTo("50.99");
        assertThat(purchaseOrder.path("rate").decimalValue()).as("4.97 / 11.70")
                .isCloseTo(new BigDecimal("0.424786"), within(new BigDecimal("0.000001")));
    }
}
