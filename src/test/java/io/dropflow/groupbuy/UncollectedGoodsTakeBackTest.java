package io.dropflow.groupbuy;

import static io.dropflow.support.GroupBuyDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropflow.groupbuy.process.GroupBuyBatchProcess.Element;
import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.supplier.sandbox.SandboxSupplier;
import io.dropflow.supplier.sandbox.SandboxSupplierSettings.ReturnBehaviour;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.GroupBuyDriver;
import io.dropflow.support.GroupBuyFixtures;
import io.dropflow.support.GroupBuyFixtures.Goods;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exploratory test s13 (groupbuy, D3): goods nobody collected went back to the supplier as return
 * DF-B{b}-PO{n}-UNCOLLECTED, and Dropflow's own return-answers webhook refused every answer to it (400 "returnNumber
 * must be a return number like DF-RT3"): the sandbox supplier retried for ever and its take-back or credit never
 * reached Dropflow. The answer is taken: on the order's timeline, and an ACCEPTED or ALTERNATIVE goes to an operator.
 */
@DropflowTest
class UncollectedGoodsTakeBackTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxSupplier supplier;
    @Autowired
    GroupBuyFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;
    GroupBuyDriver groupBuy;
    Goods goods;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        groupBuy = new GroupBuyDriver(dropflow, engine);
        goods = fixtures.goods(false);
        groupBuy.offer(goods.sku(), 100);
    }

    @AfterEach
    void backToTheConfiguredBehaviour() {
        supplier.answerReturns(goods.first(), null);
    }

    /** An order of one piece at a point of Leo's, at the point and not collected: an operator sends it back. */
    private long sentBack() {
        return uncollected("return_to_supplier");
    }

    /** An order of one piece at a point of Leo's, at the point and not collected, and the operator's decision on it. */
    private long uncollected(String decision) {
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", ZoneId.of("Europe/Berlin"));
        long order = groupBuy.order(point, goods.sku(), 1, "15.00");
        long batch = groupBuy.batchOf(order);
        groupBuy.cutoff(batch);
        dropflow.supplierSays(goods.first(), po(batch, 1), "ACCEPTED");
        dropflow.supplierShipped(goods.first(), po(batch, 1), "GBU-" + batch);
        groupBuy.runJobs(batch);
        dropflow.carrierSays("GBU-" + batch, "DELIVERED");
        groupBuy.runJobs(batch);
        assertThat(groupBuy.receipt(batch, GroupBuyDriver.asLeader()).getStatusCode().value()).isEqualTo(200);
        groupBuy.runJobs(batch);
        groupBuy.fire(batch, null, Element.COLLECTION_DEADLINE.id());
        groupBuy.complete(batch, null, Map.of("uncollectedDecision", decision));
        assertThat(supplier.returnRoundsReceived(po(batch, 1) + "-UNCOLLECTED"))
                .hasSize(decision.equals("return_to_supplier") ? 1 : 0);
        return order;
    }

    /** The order's ledger entries of {@code type}: "amount currency originalAmount originalCurrency reference" (3.5, 5). */
    private List<String> ledger(long order, String type) {
        List<String> entries = new ArrayList<>();
        dropflow.getOrder(order).path("ledger").forEach(e -> {
            if (e.path("type").asText().equals(type)) {
                entries.add(plain(e.path("amount")) + " " + e.path("currency").asText() + " "
                        + plain(e.path("originalAmount")) + " "
                        + e.path("originalCurrency").asText() + " " + e.path("reference").asText());
            }
        });
        return entries;
    }

    private static String plain(com.fasterxml.jackson.databind.JsonNode number) {
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    private List<String> timeline(long order) {
        List<String> what = new ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> what.add(entry.path("what").asText()));
        return what;
    }

    /** The order's timeline once a line contains {@code text}, waiting up to 20 s for the sandbox's call. */
    private List<String> timelineOnceItSays(long order, String text) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> timeline(order), what -> what.stream().anyMatch(w -> w.contains(text)));
    }

    private List<Task> attentionTasks(String supplierCode) {
        List<Long> deliveries = jdbc.queryForList("select id from partner_delivery where partner = 'supplier-take-back'"
                + " and account = ?", Long.class, supplierCode);
        return deliveries.stream().flatMap(id -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PartnerAttentionProcess.businessKey(id)).list().stream()).toList();
    }

    private ResponseEntity<String> answer(String supplierCode, String eventId, String number, int round,
            String answer) {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("eventId", eventId, "returnNumber", number,
                "round", round, "answer", answer));
        return dropflow.post("/api/webhooks/suppliers/" + supplierCode + "/return-answers", event,
                DropflowDriver.asPartner());
    }

    @Test
    void theSandboxSuppliersCreditOfferReachesTheOrdersTimelineAndAnOperator() {
        supplier.answerReturns(goods.first(), ReturnBehaviour.PROPOSES_PARTIAL_REFUND_FIRST);
        long order = sentBack();
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";

        // The sandbox supplier answers through the webhook, as it does a consumer's return: half as a credit
        assertThat(timelineOnceItSays(order, "offers a credit")).contains(goods.first()
                + " offers a credit of 2.50 EUR instead of taking back the uncollected goods (return " + number
                + "), booked in the ledger: an operator settles the rest");
        List<Task> tasks = attentionTasks(goods.first());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).getName()).isEqualTo("Supplier offers a credit for uncollected goods");
        // s14 tasklist #1: the task says in words what happened, with the orders, the purchase order and the credit
        // as money in the purchase order's currency (it said "0.5 of the goods' supply cost", "supplier-take-back",
        // "ALTERNATIVE" and the model's generic description)
        Map<String, Object> facts = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> dropflow.facts(tasks.get(0)), shown -> shown.get("whatHappened") != null);
        String credit = goods.first() + " offers to credit 50 % of the goods' supply cost of [0-9.]+ [A-Z]{3}, that is"
                + " [0-9.]+ [A-Z]{3}, instead of taking back 1 × " + goods.sku() + " nobody collected \\(return "
                + number + "; its reason: keep the item, we refund half\\).*";
        assertThat(facts.get("lastError").toString()).matches(credit);
        assertThat(facts.get("whatHappened").toString()).matches(credit);
        assertThat(engine.getTaskService().createTaskQuery().taskId(tasks.get(0).getId()).singleResult()
                .getDescription()).matches(credit);
        assertThat(facts).containsEntry("orderNumber", dropflow.getOrder(order).path("storefrontOrderId").asText())
                .containsEntry("purchaseOrder", po(groupBuy.batchOf(order), 1))
                .containsEntry("supplierCode", goods.first())
                .containsEntry("partner", "Supplier, about uncollected goods")
                .containsEntry("topic", "Take-back of uncollected goods: the supplier offers a credit instead");
    }

    /**
     * s14 tasklist #1: a second, different answer to a take-back answered already was taken too (a second task, a
     * contradictory timeline); it is a 409 return-refused that changes nothing, the same answer again a redelivery.
     */
    @Test
    void anotherAnswerToATakeBackAnsweredAlreadyIsRefusedAndChangesNothing() {
        long order = sentBack();
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";
        assertThat(answer(goods.first(), "tb-rej-" + number, number, 1, "REJECTED").getBody()).contains("APPLIED");

        ResponseEntity<String> credit = dropflow.post("/api/webhooks/suppliers/" + goods.first() + "/return-answers",
                Map.of("eventId", "tb-alt-" + number, "returnNumber", number, "round", 1, "answer", "ALTERNATIVE",
                        "amount", "3.00"), DropflowDriver.asPartner());

        assertThat(credit.getStatusCode().value()).as(credit.getBody()).isEqualTo(409);
        assertThat(credit.getBody()).contains("return-refused", number, "answered already");
        assertThat(timeline(order)).noneMatch(w -> w.contains("offers a credit"));
        assertThat(attentionTasks(goods.first())).isEmpty();
        // the same answer under another event id: a redelivery
        assertThat(answer(goods.first(), "tb-rej2-" + number, number, 1, "REJECTED").getBody())
                .contains("ALREADY_RECEIVED");
        assertThat(timeline(order).stream().filter(w -> w.contains("refuses to take back"))).hasSize(1);
    }

    @Test
    void anAnswerIsTakenOnceForItsSupplierAndRoundOnly() {
        long order = sentBack(); // the supplier driven by hand (the tests' configuration): it answers here
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";

        ResponseEntity<String> accepted = answer(goods.first(), "tb-" + number, number, 1, "ACCEPTED");

        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
        assertThat(accepted.getBody()).contains("APPLIED");
        assertThat(timeline(order)).contains(goods.first() + " agrees to take back the uncollected goods (return "
                + number + ") and credits 5.00 EUR, booked in the ledger: an operator sends them");
        assertThat(attentionTasks(goods.first())).extracting(Task::getName).contains("Supplier takes back uncollected goods");
        // Sent again: a redelivery, nothing twice
        assertThat(answer(goods.first(), "tb-" + number, number, 1, "ACCEPTED").getBody()).contains("ALREADY_RECEIVED");
        assertThat(timeline(order).stream().filter(w -> w.contains("agrees to take back"))).hasSize(1);
        // Another supplier, a round never asked, a purchase nothing went back from
        assertThat(answer("SOMEONE-ELSE", "tb-other-" + number, number, 1, "ACCEPTED").getStatusCode().value())
                .isEqualTo(404);
        ResponseEntity<String> round2 = answer(goods.first(), "tb-r2-" + number, number, 2, "ACCEPTED");
        assertThat(round2.getStatusCode().value()).isEqualTo(409);
        assertThat(round2.getBody()).contains("return-refused", "round 2 was never asked");
        assertThat(answer(goods.first(), "tb-none-" + number, number.replace("-PO1-", "-PO9-"), 1, "REJECTED")
                .getStatusCode().value()).isEqualTo(404);
        // And a consumer's return number is still checked as before
        assertThat(answer(goods.first(), "tb-bad", "DF-B1-UNCOLLECTED", 1, "ACCEPTED").getBody())
                .contains("must be a return number like DF-RT3 or DF-B6-PO1-UNCOLLECTED");
    }

    /**
     * Closing notes s15: a take-back's credit was left to an operator to book by hand (the ledger showed the goods'
     * supply cost and no credit). The supplier's credit is booked on the order, in the purchase order's currency
     * with its decimals, once for the take-back however often the answer comes.
     */
    @Test
    void aCreditOfferedForUncollectedGoodsIsBookedOnTheOrderOnce() {
        long order = sentBack();
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";
        Map<String, Object> event = Map.of("eventId", "tb-credit-" + number, "returnNumber", number, "round", 1,
                "answer", "ALTERNATIVE", "amount", "3.5");

        ResponseEntity<String> credit = dropflow.post("/api/webhooks/suppliers/" + goods.first() + "/return-answers",
                event, DropflowDriver.asPartner());
        dropflow.post("/api/webhooks/suppliers/" + goods.first() + "/return-answers", event, DropflowDriver.asPartner());
        dropflow.post("/api/webhooks/suppliers/" + goods.first() + "/return-answers",
                Map.of("eventId", "tb-credit-again-" + number, "returnNumber", number, "round", 1,
                        "answer", "ALTERNATIVE", "amount", "3.50"), DropflowDriver.asPartner());

        assertThat(credit.getStatusCode().value()).as(credit.getBody()).isEqualTo(200);
        assertThat(ledger(order, "SUPPLIER_CREDIT")).containsExactly("3.5 EUR 3.5 EUR " + number);
        assertThat(timeline(order)).contains(goods.first() + " offers a credit of 3.50 EUR instead of taking back the"
                + " uncollected goods (return " + number + "), booked in the ledger: an operator settles the rest");
    }

    /** The same for an ACCEPTED take-back: the supplier credits the goods' supply cost (5.00 EUR a piece). */
    @Test
    void anAcceptedTakeBackBooksTheGoodsSupplyCostAsTheSuppliersCredit() {
        long order = sentBack();
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";

        assertThat(answer(goods.first(), "tb-acc-" + number, number, 1, "ACCEPTED").getBody()).contains("APPLIED");

        assertThat(ledger(order, "SUPPLIER_CREDIT")).containsExactly("5 EUR 5 EUR " + number);
        assertThat(ledger(order, "SUPPLY_COST")).containsExactly("-5 EUR -5 EUR " + po(groupBuy.batchOf(order), 1));
    }

    /** A credit with more decimals than the purchase order's currency has is refused, not rounded: nothing booked. */
    @Test
    void aCreditInMoreDecimalsThanTheCurrencyHasIsRefused() {
        long order = sentBack();
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";

        ResponseEntity<String> credit = dropflow.post("/api/webhooks/suppliers/" + goods.first() + "/return-answers",
                Map.of("eventId", "tb-dec-" + number, "returnNumber", number, "round", 1, "answer", "ALTERNATIVE",
                        "amount", "3.505"), DropflowDriver.asPartner());

        assertThat(credit.getStatusCode().value()).as(credit.getBody()).isEqualTo(422);
        assertThat(credit.getBody()).contains("3.505");
        assertThat(ledger(order, "SUPPLIER_CREDIT")).isEmpty();
        assertThat(attentionTasks(goods.first())).isEmpty();
    }

    private ResponseEntity<String> credit(String eventId, String number, String amount) {
        return dropflow.post("/api/webhooks/suppliers/" + goods.first() + "/return-answers",
                Map.of("eventId", eventId, "returnNumber", number, "round", 1, "answer", "ALTERNATIVE",
                        "amount", amount, "reason", "typo"), DropflowDriver.asPartner());
    }

    /**
     * Exploratory test s17 (D8): a credit of 999.00 EUR for goods that cost 5.00 EUR was booked (the order's final
     * margin rose by 999.00) and, being the take-back's first answer, could not be mended: a corrected one was
     * "answered already". As for a consumer's return, an amount above the goods' supply cost is a 422 naming both
     * with their currency that records nothing; the corrected answer is then taken, once.
     */
    @Test
    void aCreditAboveTheGoodsSupplyCostIsRefusedAndACorrectedOneIsTakenOnce() {
        long order = sentBack();
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";
        String margin = plain(dropflow.getOrder(order).path("margin"));
        assertThat(dropflow.getOrder(order).path("margin").isNumber()).as("the order's margin").isTrue();

        ResponseEntity<String> typo = credit("tb-typo-" + number, number, "999.00");

        assertThat(typo.getStatusCode().value()).as(typo.getBody()).isEqualTo(422);
        assertThat(typo.getBody()).contains("invalid-return", "999.00 EUR", "5.00 EUR");
        assertThat(ledger(order, "SUPPLIER_CREDIT")).isEmpty();
        assertThat(plain(dropflow.getOrder(order).path("margin"))).isEqualTo(margin);
        assertThat(timeline(order)).noneMatch(w -> w.contains("offers a credit"));
        assertThat(attentionTasks(goods.first())).isEmpty();
        // The refused answer is not the take-back's answer: the corrected one is taken, and only once
        ResponseEntity<String> corrected = credit("tb-fixed-" + number, number, "5.00");
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
        assertThat(corrected.getBody()).contains("APPLIED");
        assertThat(credit("tb-fixed-again-" + number, number, "5.00").getBody()).contains("ALREADY_RECEIVED");
        assertThat(ledger(order, "SUPPLIER_CREDIT")).containsExactly("5 EUR 5 EUR " + number);
        assertThat(timeline(order).stream().filter(w -> w.contains("offers a credit"))).hasSize(1);
        assertThat(attentionTasks(goods.first())).hasSize(1);
    }

    /** The cap is the goods' supply cost itself: one cent above it is refused, the exact cost taken. */
    @Test
    void aCreditOfExactlyTheGoodsSupplyCostIsTakenOneCentAboveIsNot() {
        long order = sentBack();
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";

        ResponseEntity<String> above = credit("tb-cent-" + number, number, "5.01");
        assertThat(above.getStatusCode().value()).as(above.getBody()).isEqualTo(422);
        assertThat(above.getBody()).contains("the amount 5.01 EUR is more than", "5.00 EUR");
        assertThat(ledger(order, "SUPPLIER_CREDIT")).isEmpty();

        ResponseEntity<String> exact = credit("tb-exact-" + number, number, "5");
        assertThat(exact.getStatusCode().value()).as(exact.getBody()).isEqualTo(200);
        assertThat(ledger(order, "SUPPLIER_CREDIT")).containsExactly("5 EUR 5 EUR " + number);
    }

    /** Review s17 (F3): only an alternative's amount is booked, so an acceptance stating more is no refusal. */
    @Test
    void anAcceptanceStatingAnAmountAboveTheCostCreditsTheSupplyCost() {
        long order = sentBack();
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";

        ResponseEntity<String> accepted = dropflow.post("/api/webhooks/suppliers/" + goods.first() + "/return-answers",
                Map.of("eventId", "tb-acc-" + number, "returnNumber", number, "round", 1, "answer", "ACCEPTED",
                        "amount", "9.00", "reason", "goods and postage"), DropflowDriver.asPartner());

        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);
        assertThat(accepted.getBody()).contains("APPLIED");
    }

    /**
     * Review s16: an answer taken before, arriving again, is a redelivery whatever it says now: the supplier gets its
     * 200 again, not a 422 for an amount the first delivery did not carry (it would keep retrying).
     */
    @Test
    void anAnswerTakenBeforeArrivingAgainIsARedeliveryWhateverItsAmount() {
        long order = sentBack();
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";
        String url = "/api/webhooks/suppliers/" + goods.first() + "/return-answers";
        ResponseEntity<String> first = dropflow.post(url, Map.of("eventId", "tb-again-" + number, "returnNumber", number,
                "round", 1, "answer", "ALTERNATIVE", "amount", "3.50"), DropflowDriver.asPartner());
        assertThat(first.getStatusCode().is2xxSuccessful()).as(first.getBody()).isTrue();

        ResponseEntity<String> again = dropflow.post(url, Map.of("eventId", "tb-again-" + number, "returnNumber", number,
                "round", 1, "answer", "ALTERNATIVE", "amount", "3.505"), DropflowDriver.asPartner());

        assertThat(again.getStatusCode().is2xxSuccessful()).as(again.getBody()).isTrue();
        assertThat(ledger(order, "SUPPLIER_CREDIT")).hasSize(1);
    }

    /**
     * Closing notes s15: goods nobody collected that the operator refunded and left with the leader were never offered
     * back to the supplier, yet an answer to their take-back was taken (a timeline line, a task). It is a 409.
     */
    @Test
    void anAnswerToATakeBackNobodyAskedIsRefused() {
        long order = uncollected("refund");
        String number = po(groupBuy.batchOf(order), 1) + "-UNCOLLECTED";

        ResponseEntity<String> accepted = answer(goods.first(), "tb-unasked-" + number, number, 1, "ACCEPTED");

        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(409);
        assertThat(accepted.getBody()).contains("return-refused", number, "was never asked");
        assertThat(timeline(order)).noneMatch(w -> w.contains("agrees to take back"));
        assertThat(attentionTasks(goods.first())).isEmpty();
        assertThat(ledger(order, "SUPPLIER_CREDIT")).isEmpty();
    }
}
