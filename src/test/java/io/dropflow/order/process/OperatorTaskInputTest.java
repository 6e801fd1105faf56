package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SUPPLIER_ANSWER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.DECIDE_SHIP_BY_BREACH;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.HANDLE_OUT_OF_STOCK;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.RESTOCK_WAIT;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.REVIEW_ORDER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.SHIP_BY_DEADLINE;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * Bad input on an operator's task, sent through the engine REST API as Tasklist or any client
 * would: a clear 4xx naming the field, the task stays open, and a correct answer afterwards works.
 * Never a 500. And a task's answers do not pre-fill (or silently decide) the next task of its kind.
 */
@DropflowTest
class OperatorTaskInputTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    io.dropflow.supplier.internal.CatalogFixtures catalog;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    private Task task(long order) {
        return engine.getTaskService().createTaskQuery().processInstanceId(dropflow.processInstanceId(order)).singleResult();
    }

    private ResponseEntity<String> submit(Task task, String variables) {
        return dropflow.postRaw("/engine-rest/task/" + task.getId() + "/submit-form", "{\"variables\": " + variables + "}",
                DropflowDriver.asOperator());
    }

    private void assertRefused(Task task, String variables, String why) {
        ResponseEntity<String> answer = submit(task, variables);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains(why);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
    }

    private void assertTaken(Task task, String variables) {
        ResponseEntity<String> answer = submit(task, variables);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    }

    private static String v(String value) {
        return "{\"value\": \"" + value + "\"}";
    }

    private long orderToReview() {
        DropflowDriver.Placed placed = dropflow.place(DropflowDriver.order("SHOP-" + java.util.UUID.randomUUID(),
                "DEMO-MUG", 1, "15.00", "PO Box 42"));
        dropflow.runJobs(placed.orderId());
        assertThat(dropflow.process(placed.orderId())).isWaitingAt(REVIEW_ORDER.id());
        return placed.orderId();
    }

    private long forwardedOrder(String sku) {
        DropflowDriver.Placed placed = dropflow.placeOrder(sku, 1, "45.00");
        dropflow.runJobs(placed.orderId());
        assertThat(dropflow.process(placed.orderId())).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        return placed.orderId();
    }

    private long outOfStockOrder() {
        long order = forwardedOrder("DEMO-RARE");
        dropflow.supplierSays("ODDITY", po(order, 1), "REJECTED", "DISCONTINUED", null, null);
        dropflow.runJobs(order);
        dropflow.supplierSays("RAREHOUSE", po(order, 2), "OUT_OF_STOCK");
        assertThat(dropflow.process(order)).isWaitingAt(HANDLE_OUT_OF_STOCK.id());
        return order;
    }

    private long missedDeadline() {
        long order = forwardedOrder("DEMO-MUG");
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.fireTimer(order, SHIP_BY_DEADLINE.id());
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(DECIDE_SHIP_BY_BREACH.id());
        dropflow.fireTimer(order, DECIDE_SHIP_BY_BREACH.id()); // the form's facts
        return order;
    }

    /** Item 1: a missing or unknown decision was a 500 (unknown property in the gateway, no outgoing flow). */
    @Test
    void aMissingOrUnknownDecisionIsA400AndTheTaskStaysOpen() {
        long order = orderToReview();
        Task review = task(order);

        assertRefused(review, "{}", "reviewDecision is required");
        assertRefused(review, "{\"reviewDecision\": " + v("PROCEED") + "}",
                "reviewDecision must be one of [proceed, reject], was PROCEED");

        assertTaken(review, "{\"reviewDecision\": " + v("reject") + "}");
        assertThat(dropflow.process(order)).hasPassed(REVIEW_ORDER.id());
    }

    private static java.util.function.Consumer<org.springframework.http.HttpHeaders> asAdministrator() {
        return h -> h.setBasicAuth("demo", "demo");
    }

    /**
     * Exploratory test s10 (D5): our own API refuses text with the NUL character (PostgreSQL cannot store it), task
     * completions took it. A 400 naming the field, on a completion and on a variable an administrator writes through
     * a task or a process; nothing is taken, and the task stays open.
     */
    @Test
    void textWithTheNulCharacterIsRefusedNamingTheField() {
        long order = orderToReview();
        Task review = task(order);
        String why = "operatorNote must not contain the NUL character (U+0000)";

        assertRefused(review, "{\"reviewDecision\": " + v("reject") + ", \"operatorNote\": " + v("bad\\u0000note") + "}",
                why);
        ResponseEntity<String> completed = dropflow.postRaw("/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\": {\"reviewDecision\": " + v("reject") + ", \"operatorNote\": " + v("\\u0000") + "}}",
                DropflowDriver.asOperator());
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(400);
        assertThat(completed.getBody()).contains(why);
        ResponseEntity<String> onTheTask = dropflow.put("/engine-rest/task/" + review.getId() + "/variables/operatorNote",
                java.util.Map.of("value", "bad\u0000note", "type", "String"), asAdministrator());
        assertThat(onTheTask.getStatusCode().value()).as(onTheTask.getBody()).isEqualTo(400);
        assertThat(onTheTask.getBody()).contains(why);
        ResponseEntity<String> onTheProcess = dropflow.postRaw("/engine-rest/process-instance/"
                + dropflow.processInstanceId(order) + "/variables", "{\"modifications\": {\"operatorNote\": "
                + v("bad\\u0000note") + "}}", asAdministrator());
        assertThat(onTheProcess.getStatusCode().value()).as(onTheProcess.getBody()).isEqualTo(400);
        assertThat(onTheProcess.getBody()).contains(why);
        assertThat(engine.getRuntimeService().getVariable(dropflow.processInstanceId(order), "operatorNote")).isNull();

        assertTaken(review, "{\"reviewDecision\": " + v("reject") + ", \"operatorNote\": " + v("no NUL") + "}");
    }

    /**
     * Exploratory test s10 (D4): a note within the form's limit counted in characters but longer in UTF-16 units
     * (1 500 emoji) passed the form's check and failed the update on H2, whose varchar counts UTF-16 units: a 500
     * quoting the SQL. The limit is counted as form-js and H2 count it, which never exceeds PostgreSQL's characters.
     */
    @Test
    void aNoteIsAsLongAsItsUtf16UnitsAsTheFormAndTheColumnsCountIt() {
        long order = orderToReview();
        Task review = task(order);
        String emoji = new String(Character.toChars(0x1F600));

        assertRefused(review, "{\"reviewDecision\": " + v("reject") + ", \"operatorNote\": " + v(emoji.repeat(1500)) + "}",
                "operatorNote may be at most 2000 characters long, was 3000");
        assertTaken(review, "{\"reviewDecision\": " + v("reject") + ", \"operatorNote\": " + v(emoji.repeat(1000)) + "}");
    }

    /**
     * Item 2 of the exploratory test (routing): the form hid "reroute" (no backup left: DEMO-MUG has
     * ACME only), yet the API took it, asked the only supplier to cancel and ended the order out of
     * stock. Refused with the reason, in Chinese for a Chinese operator; the task stays open.
     */
    @Test
    void aRerouteTheFormHidBecauseNoBackupIsLeftIsRefused() {
        long order = missedDeadline();
        Task breach = task(order);
        assertThat(DropflowDriver.factsOf(engine, breach)).containsEntry("canReroute", false);

        String why = "no backup supplier is left to reroute to: extend the deadline or cancel and refund";
        ResponseEntity<String> answer = dropflow.postRaw("/engine-rest/task/" + breach.getId() + "/complete",
                "{\"variables\": {\"slaDecision\": " + v("reroute") + "}}", DropflowDriver.asOperator());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains(why);
        assertThat(io.dropflow.translation.OperatorTexts.of("zh").findMessage(why))
                .hasValue("已没有可改派的备选供应商：请延长发货期限，或取消订单并给消费者退款");
        assertThat(engine.getTaskService().createTaskQuery().taskId(breach.getId()).count()).as("the task stays open")
                .isEqualTo(1);
        assertThat(dropflow.getOrder(order).path("purchaseOrders").get(0).path("status").asText())
                .as("the supplier was not asked to cancel").isEqualTo("ACCEPTED");

        assertTaken(breach, "{\"slaDecision\": " + v("cancel_and_refund") + "}");
    }

    /**
     * Item 3 of the exploratory test (routing): a substitute whose only offer is switched off was taken
     * (204, the line rewritten, the order to review "no supplier offers … any more"). Refused like a
     * SKU nobody offers.
     */
    @Test
    void aSubstituteWhoseOnlyOfferIsSwitchedOffIsRefused() {
        catalog.offer("ACME", "TEST-MUG-BLUE", "ACME-MUG-BLUE", "6.00", "2.00", "DE", 48, "homeware");
        catalog.switchOff("ACME", "TEST-MUG-BLUE");
        long order = outOfStockOrder();
        Task task = task(order);

        assertRefused(task, "{\"outOfStockDecision\": " + v("substitute") + ", \"skuToReplace\": " + v("DEMO-RARE")
                + ", \"substituteSku\": " + v("TEST-MUG-BLUE") + "}", "no supplier offers the substitute SKU TEST-MUG-BLUE");
        assertThat(dropflow.getOrder(order).path("lines").toString()).contains("DEMO-RARE").doesNotContain("TEST-MUG-BLUE");
    }

    /** Items 1, 5 and 8: the extension's hours as the form takes them; a note as long as the form allows. */
    @Test
    void theShipByExtensionTakesWholeHoursWithinTheFormsBoundsAndTheWholeNote() {
        long order = missedDeadline();
        Task breach = task(order);

        assertRefused(breach, "{\"slaDecision\": " + v("extend") + "}", "extendByHours is required");
        assertRefused(breach, "{\"slaDecision\": " + v("extend") + ", \"extendByHours\": " + v("abc") + "}",
                "extendByHours must be a number, was abc");
        assertRefused(breach, "{\"slaDecision\": " + v("extend") + ", \"extendByHours\": {\"value\": -5, \"type\": \"Long\"}}",
                "extendByHours must be at least 1, was -5");
        assertRefused(breach, "{\"slaDecision\": " + v("extend") + ", \"extendByHours\": {\"value\": 2.5, \"type\": \"Double\"}}",
                "extendByHours must be a whole number, was 2.5");
        assertRefused(breach, "{\"slaDecision\": " + v("cancel_and_refund") + ", \"operatorNote\": " + v("x".repeat(2500)) + "}",
                "operatorNote may be at most 2000 characters long, was 2500");

        String note = "n".repeat(1999) + "!";
        assertTaken(breach, "{\"slaDecision\": " + v("extend") + ", \"extendByHours\": {\"value\": 12, \"type\": \"Long\"}, "
                + "\"operatorNote\": " + v(note) + "}");
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        assertThat(dropflow.getOrder(order).path("timeline").findValuesAsText("what"))
                .as("the whole note, not its first 1000 characters").anyMatch(what -> what.endsWith(note));

        // Item 7: the next missed deadline's task opens empty, and an empty answer is no decision
        dropflow.fireTimer(order, SHIP_BY_DEADLINE.id());
        dropflow.runJobs(order);
        Task again = task(order);
        assertThat(again.getId()).isNotEqualTo(breach.getId());
        ResponseEntity<String> formVariables = dropflow.get("/engine-rest/task/" + again.getId() + "/form-variables",
                DropflowDriver.asOperator());
        assertThat(DropflowDriver.read(formVariables.getBody()).has("slaDecision")).as(formVariables.getBody()).isFalse();
        assertThat(DropflowDriver.read(formVariables.getBody()).has("extendByHours")).isFalse();
        assertRefused(again, "{}", "slaDecision is required");
    }

    /**
     * A field the form hides for the decision made (extendByHours, shown only for "extend") came with a
     * cancellation and was taken unchecked (the form checks no hidden field), -5 hours set on the process. Form-js
     * never sends a hidden field: refused naming it, in Chinese for a Chinese operator; the task stays open.
     */
    @Test
    void aFieldTheFormHidesForTheDecisionMadeIsRefused() {
        long order = missedDeadline();
        Task breach = task(order);
        String why = "extendByHours is hidden by its form for this answer and takes no value: send it only where the"
                + " form shows it";

        assertRefused(breach, "{\"slaDecision\": " + v("cancel_and_refund") + ", \"extendByHours\": {\"value\": -5,"
                + " \"type\": \"Long\"}}", why);
        assertThat(engine.getRuntimeService().getVariable(dropflow.processInstanceId(order), "extendByHours")).isNull();
        assertThat(io.dropflow.translation.OperatorTexts.of("zh").findMessage(why))
                .hasValueSatisfying(zh -> assertThat(zh).endsWith("在此回答下被表单隐藏，不能填写：只有表单显示该字段时才能发送"));
        // empty, as a client sending every field of the form would: no value
        assertTaken(breach, "{\"slaDecision\": " + v("cancel_and_refund") + ", \"extendByHours\": " + v("") + "}");
    }

    /** Items 7 and 9: the second out-of-stock task opens empty; a substitute must be another product. */
    @Test
    void theSecondOutOfStockTaskOpensEmptyAndASubstituteMustDiffer() {
        long order = outOfStockOrder();
        Task first = task(order);

        assertRefused(first, "{\"outOfStockDecision\": " + v("substitute") + ", \"skuToReplace\": " + v("DEMO-RARE")
                + ", \"substituteSku\": " + v("DEMO-RARE") + "}", "DEMO-RARE");
        assertTaken(first, "{\"outOfStockDecision\": " + v("wait_for_restock") + "}");
        dropflow.fireTimer(order, RESTOCK_WAIT.id());
        dropflow.runJobs(order);
        // ODDITY declined for good (discontinued) in the first round: only RAREHOUSE is asked again
        dropflow.supplierSays("RAREHOUSE", po(order, 3), "OUT_OF_STOCK");
        assertThat(dropflow.process(order)).isWaitingAt(HANDLE_OUT_OF_STOCK.id());

        Task second = task(order);
        assertThat(engine.getTaskService().getVariable(second.getId(), "outOfStockDecision")).isNull();
        assertRefused(second, "{}", "outOfStockDecision is required");
        assertTaken(second, "{\"outOfStockDecision\": " + v("cancel_and_refund") + "}");
    }

    /** Item 15: a task that does not exist (or no longer) is a 404, as reading it is. */
    @Test
    void completingATaskThatIsNotThereIsNotFound() {
        ResponseEntity<String> unknown = dropflow.postRaw("/engine-rest/task/doesnotexist/complete", "{}",
                DropflowDriver.asOperator());
        assertThat(unknown.getStatusCode().value()).as(unknown.getBody()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("doesnotexist");

        long order = orderToReview();
        Task review = task(order);
        assertTaken(review, "{\"reviewDecision\": " + v("reject") + "}");
        ResponseEntity<String> twice = submit(review, "{\"reviewDecision\": " + v("reject") + "}");
        assertThat(twice.getStatusCode().value()).as(twice.getBody()).isEqualTo(404);
    }

    @Autowired
    jakarta.servlet.ServletContext servletContext;

    /**
     * Tasklist submits through the webapps' own engine API ({@code /camunda/api/engine}), a Jersey
     * servlet of the webapp starter's: it gets the same answers as /engine-rest (a refusal a 400, an
     * unknown task a 404) from the same mapper, named to it as a provider.
     */
    @Test
    void tasklistsOwnEngineApiAnswersWithTheSameMapper() {
        jakarta.servlet.ServletRegistration engineApi = servletContext.getServletRegistration("Engine Api");
        assertThat(engineApi).isNotNull();
        assertThat(engineApi.getMappings()).containsExactly("/camunda/api/engine/*");
        assertThat(engineApi.getInitParameter("jakarta.ws.rs.Application"))
                .isEqualTo(org.camunda.bpm.webapp.impl.engine.EngineRestApplication.class.getName());
        assertThat(engineApi.getInitParameter(org.glassfish.jersey.server.ServerProperties.PROVIDER_CLASSNAMES))
                .isEqualTo("io.dropflow.processengine.EngineRestAnswers$RefusedInput,"
                        + "io.dropflow.processengine.EngineRestAnswers$ClaimedAlready,"
                        + "io.dropflow.processengine.JsonVariablesShown,io.dropflow.processengine.TaskDoneMeanwhile$Refused,"
                        + "io.dropflow.processengine.EngineRestAnswers$InUse,io.dropflow.processengine.EngineRestAnswers$UnreadableValue,"
                        + "io.dropflow.processengine.PersistenceFailures$AnyFailure,"
                        + "io.dropflow.processengine.PersistenceFailures$EngineFailure,"
                        + "io.dropflow.processengine.UnreadableJsonBody$NotJson,"
                        + "io.dropflow.processengine.UnreadableJsonBody$WrongShape");
    }
}
