package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_DELIVERY;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SHIPMENT;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AWAIT_SUPPLIER_ANSWER;
import static io.dropflow.order.process.OrderFulfillmentProcess.Element.AFTER_SALES_WINDOWS_CLOSED;
import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.claim.process.DefectClaimProcess;
import io.dropflow.partners.process.PartnerAttentionProcess;
import io.dropflow.returns.process.ReturnNegotiationProcess;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exploratory test s14 (shipping, defect 1): a supplier's first SHIPPED with the tracking number of another order's
 * parcel was APPLIED, the order went SHIPPED with no parcel of its own, and its "Register tracking" step failed into
 * an incident "process variable shipmentId holds 2, a shipment of orderId 3 ... (changed by hand?)". Carriers' numbers
 * are one parcel's: such a report is STALE, an operator is asked, the timeline names both purchase orders, and the
 * order keeps waiting for its own parcel, which the supplier then reports under its own number. So do a claim's
 * replacement and a return's exchange (note s14, "Not mended"): their first SHIPPED under such a number was taken,
 * with a timeline line only, and the case went on as if its parcel had left.
 */
@DropflowTest
class TrackingNumberOfAnotherOrderTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxStorefront storefront;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    /** An order whose purchase order ACME accepted: it waits for the parcel. */
    private long acceptedOrder() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SUPPLIER_ANSWER.id());
        dropflow.supplierSays("ACME", po(order, 1), "ACCEPTED");
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SHIPMENT.id());
        return order;
    }

    private List<String> timeline(long order) {
        List<String> lines = new ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> lines.add(entry.path("what").asText()));
        return lines;
    }

    /** An order whose parcel, under its own number "OWN-{order}", was delivered: it waits for the return window. */
    private long deliveredOrder() {
        long order = acceptedOrder();
        dropflow.supplierShipped("ACME", po(order, 1), "OWN-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("OWN-" + order, "DELIVERED");
        assertThat(dropflow.process(order)).isWaitingAt(AFTER_SALES_WINDOWS_CLOSED.id());
        return order;
    }

    /** The tracking numbers of the parcels the order shows (its own and its cases'). */
    private List<String> parcels(long order) {
        List<String> numbers = new ArrayList<>();
        dropflow.getOrder(order).path("shipments").forEach(s -> numbers.add(s.path("trackingNumber").asText()));
        return numbers;
    }

    /**
     * ACME's answer to shipping {@code purchaseOrder} under the number of the parcel of {@code other}'s purchase order,
     * after the checks that hold for every kind of purchase order: STALE, nothing recorded on either order, one new
     * task naming both purchase orders, and the order's timeline naming both.
     */
    private void shippedUnderTheNumberOf(long other, long order, String purchaseOrder, String status) {
        String number = "OWN-" + other;
        List<String> tasksBefore = attentionTasks().stream().map(Task::getId).toList();
        List<String> parcelsBefore = parcels(order);

        ResponseEntity<String> answer = dropflow.supplierShipped("ACME", purchaseOrder, number);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"STALE\"");
        assertThat(parcels(order)).as("no parcel recorded for " + purchaseOrder).isEqualTo(parcelsBefore);
        assertThat(parcels(other)).as("the other order's parcel stays its own").containsExactly(number);
        List<Task> tasks = attentionTasks().stream().filter(t -> !tasksBefore.contains(t.getId())).toList();
        assertThat(tasks).as("new tasks").hasSize(1);
        Task task = tasks.get(0);
        assertThat(task.getName()).isEqualTo("Supplier shipped under another order's tracking number");
        assertThat(dropflow.facts(task).get("lastError").toString())
                .startsWith("ACME shipped purchase order " + purchaseOrder + " as SANDBOX-POST " + number
                        + ", the number of the parcel of purchase order " + po(other, 1))
                .contains("close this task");
        assertThat(timeline(order)).contains("Supplier shipped purchase order " + purchaseOrder + " (" + status
                + ") as SANDBOX-POST " + number + ", the number of the parcel of purchase order " + po(other, 1)
                + ": not followed, an operator was asked to settle it")
                .noneMatch(line -> line.contains("shipped: SANDBOX-POST " + number));
    }

    private List<Task> attentionTasks() {
        List<Long> deliveries = jdbc.queryForList("select id from partner_delivery where partner = 'supplier'"
                + " and account = 'ACME' and topic like 'not-applied/SHIPPED/%/number-taken'", Long.class);
        return deliveries.stream().flatMap(id -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(PartnerAttentionProcess.businessKey(id)).list().stream()).toList();
    }

    @Test
    void aFirstShipmentUnderAnotherOrdersNumberIsNotTakenAndTheOrderWaitsForItsOwnParcel() {
        long first = acceptedOrder();
        String number = "TAKEN-" + first;
        dropflow.supplierShipped("ACME", po(first, 1), number);
        dropflow.runJobs(first);
        assertThat(dropflow.process(first)).isWaitingAt(AWAIT_DELIVERY.id());
        long second = acceptedOrder();
        List<String> tasksBefore = attentionTasks().stream().map(Task::getId).toList();

        // When ACME reports the second order's purchase order shipped under the first order's parcel's number
        ResponseEntity<String> answer = dropflow.supplierShipped("ACME", po(second, 1), number);
        dropflow.runJobs(second);

        // Then it is answered STALE (recorded, not retried), and the second order still waits for its own parcel
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"STALE\"");
        assertThat(dropflow.process(second)).isWaitingAt(AWAIT_SHIPMENT.id());
        List<Job> failed = engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.processInstanceId(second)).withException().list();
        assertThat(failed).as("failed jobs of the second order").isEmpty();
        assertThat(dropflow.getOrder(second).path("shipments")).isEmpty();
        assertThat(dropflow.getOrder(second).path("purchaseOrders").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        // and the first order's parcel stays the first order's
        assertThat(dropflow.getOrder(first).path("shipments")).hasSize(1);
        // An operator is asked, with both purchase orders named; the timeline names both too
        List<Task> tasks = attentionTasks().stream().filter(t -> !tasksBefore.contains(t.getId())).toList();
        assertThat(tasks).as("new tasks (the query's order is none)").hasSize(1);
        Task task = tasks.get(0);
        assertThat(task.getName()).isEqualTo("Supplier shipped under another order's tracking number");
        assertThat(dropflow.facts(task).get("lastError").toString())
                .startsWith("ACME shipped purchase order " + po(second, 1) + " as SANDBOX-POST " + number
                        + ", the number of the parcel of purchase order " + po(first, 1))
                .contains("close this task");
        assertThat(timeline(second)).contains("Supplier shipped purchase order " + po(second, 1)
                + " (Accepted) as SANDBOX-POST " + number + ", the number of the parcel of purchase order "
                + po(first, 1) + ": not followed, an operator was asked to settle it");

        // When ACME then reports the parcel under its own number: the order follows it, the storefront is told
        String own = "OWN-" + second;
        assertThat(dropflow.supplierShipped("ACME", po(second, 1), own).getBody()).contains("\"APPLIED\"");
        dropflow.runJobs(second);
        assertThat(dropflow.process(second)).isWaitingAt(AWAIT_DELIVERY.id());
        assertThat(dropflow.getOrder(second).path("shipments").get(0).path("trackingNumber").asText()).isEqualTo(own);
        assertThat(dropflow.storefrontCalls(storefront, second, "TRACKING")).hasSize(1);
    }

    /**
     * Exploratory test s17 (D3): the same report with the number or the carrier code in other letter case was APPLIED,
     * and two orders followed one parcel (the consumer was shown another's parcel). Carriers and tracking services
     * read numbers and codes without regard to case (17TRACK and Kuaidi100 push them in upper case).
     */
    @Test
    void aFirstShipmentUnderAnotherOrdersNumberInOtherLetterCaseIsNotTakenEither() {
        long first = acceptedOrder();
        String number = "TAKEN" + first + "N3G";
        dropflow.supplierShipped("ACME", po(first, 1), number);
        dropflow.runJobs(first);
        assertThat(dropflow.process(first)).isWaitingAt(AWAIT_DELIVERY.id());
        long exact = acceptedOrder();
        long lowerNumber = acceptedOrder();
        long lowerCarrier = acceptedOrder();

        // When ACME reports three other orders shipped under that parcel: as spelled, the number and the code lower case
        ResponseEntity<String> asSpelled = dropflow.supplierSays("ACME", po(exact, 1), "SHIPPED", null, "SANDBOX-POST",
                number);
        ResponseEntity<String> numberLower = dropflow.supplierSays("ACME", po(lowerNumber, 1), "SHIPPED", null,
                "SANDBOX-POST", number.toLowerCase(java.util.Locale.ROOT));
        ResponseEntity<String> carrierLower = dropflow.supplierSays("ACME", po(lowerCarrier, 1), "SHIPPED", null,
                "sandbox-post", " " + number + " ");

        // Then each is STALE, and none of the three orders follows a parcel
        assertThat(asSpelled.getBody()).contains("\"STALE\"");
        assertThat(numberLower.getBody()).contains("\"STALE\"");
        assertThat(carrierLower.getBody()).contains("\"STALE\"");
        for (long order : List.of(exact, lowerNumber, lowerCarrier)) {
            dropflow.runJobs(order);
            assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SHIPMENT.id());
            assertThat(dropflow.getOrder(order).path("shipments")).as("parcels of order " + order).isEmpty();
        }
        assertThat(parcels(first)).containsExactly(number);
    }

    /**
     * Exploratory test s18 (H3): the same report with the number written in groups (a space, a hyphen) or typed
     * full-width (a Chinese input method) was APPLIED, and three more orders followed one parcel; one was settled on
     * the other order's delivery. Carriers print and read numbers in groups ("RR 123 456 785 DE"); full-width letters
     * and digits are the plain ones (NFKC).
     */
    @Test
    void aFirstShipmentUnderAnotherOrdersNumberWithSpacesHyphensOrFullWidthCharactersIsNotTakenEither() {
        long first = acceptedOrder();
        String number = "SBX" + first + "33950Z";
        dropflow.supplierShipped("ACME", po(first, 1), number);
        dropflow.runJobs(first);
        assertThat(dropflow.process(first)).isWaitingAt(AWAIT_DELIVERY.id());
        long spaced = acceptedOrder();
        long hyphened = acceptedOrder();
        long fullWidth = acceptedOrder();

        // When ACME reports three other orders shipped under that parcel: in groups, with hyphens, full-width lower case
        ResponseEntity<String> withSpaces = dropflow.supplierShipped("ACME", po(spaced, 1),
                "SBX " + first + " 33950Z");
        ResponseEntity<String> withHyphens = dropflow.supplierShipped("ACME", po(hyphened, 1),
                "SBX-" + first + "-33950Z");
        ResponseEntity<String> inFullWidth = dropflow.supplierShipped("ACME", po(fullWidth, 1),
                fullWidth(number.toLowerCase(java.util.Locale.ROOT)));

        // Then each is STALE, and none of the three orders follows a parcel
        assertThat(withSpaces.getBody()).contains("\"STALE\"");
        assertThat(withHyphens.getBody()).contains("\"STALE\"");
        assertThat(inFullWidth.getBody()).contains("\"STALE\"");
        for (long order : List.of(spaced, hyphened, fullWidth)) {
            dropflow.runJobs(order);
            assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SHIPMENT.id());
            assertThat(dropflow.getOrder(order).path("shipments")).as("parcels of order " + order).isEmpty();
            assertThat(dropflow.storefrontCalls(storefront, order, "TRACKING")).as("tracking sent for " + order).isEmpty();
        }
        assertThat(parcels(first)).containsExactly(number);
    }

    /** The text with each printable ASCII character as its full-width form ("ｓｂｘ１"), as a Chinese input method types. */
    private static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }

    /**
     * Exploratory test s18 (H15): a tracking number with a control character, or made of emoji, was taken, registered
     * with the carrier and sent to the storefront (the consumer was shown "📦📦📦"); the timeline printed the control
     * character invisibly. Such a number is no carrier's: a 400 naming trackingNumber and showing the character,
     * nothing recorded, for a first SHIPPED and for a re-label alike.
     */
    @Test
    void aTrackingNumberWithAControlCharacterOrWithoutLettersAndDigitsIsRefusedNamingTheField() {
        long order = acceptedOrder();

        // When ACME reports the purchase order shipped under numbers that are no carrier's
        for (String notANumber : List.of("SBX\u0007" + order, "\uD83D\uDCE6\uD83D\uDCE6\uD83D\uDCE6",
                "SBX\u200B" + order, "- -", "SBX/" + order)) {
            ResponseEntity<String> answer = dropflow.supplierShipped("ACME", po(order, 1), notANumber);

            // Then each is a 400 that names the field and says what a number is
            assertThat(answer.getStatusCode().value()).as(notANumber + ": " + answer.getBody()).isEqualTo(400);
            assertThat(DropflowDriver.read(answer.getBody()).path("errors").toString())
                    .contains("trackingNumber").contains("must be letters and digits, spaces or hyphens between them");
        }
        assertThat(dropflow.supplierShipped("ACME", po(order, 1), "SBX\u0007" + order).getBody())
                .contains("U+0007");

        // and nothing was taken: the order waits for its parcel, the storefront was told nothing
        dropflow.runJobs(order);
        assertThat(dropflow.process(order)).isWaitingAt(AWAIT_SHIPMENT.id());
        assertThat(dropflow.getOrder(order).path("shipments")).isEmpty();
        assertThat(dropflow.storefrontCalls(storefront, order, "TRACKING")).isEmpty();

        // When the parcel then ships under its number, a re-label to emoji is refused, and the parcel stays followed
        String own = "OWN-" + order;
        assertThat(dropflow.supplierShipped("ACME", po(order, 1), own).getBody()).contains("\"APPLIED\"");
        dropflow.runJobs(order);
        ResponseEntity<String> relabel = dropflow.supplierShipped("ACME", po(order, 1),
                "\uD83D\uDCE6\uD83D\uDCE6\uD83D\uDCE6");
        assertThat(relabel.getStatusCode().value()).as(relabel.getBody()).isEqualTo(400);
        dropflow.runJobs(order);
        assertThat(parcels(order)).containsExactly(own);
        assertThat(dropflow.storefrontCalls(storefront, order, "TRACKING")).hasSize(1);
    }

    @Test
    void aClaimsReplacementShippedUnderAnotherOrdersNumberIsNotTakenAndTheClaimWaitsForItsOwnParcel() {
        long other = deliveredOrder();
        long order = deliveredOrder();
        var filed = dropflow.fileClaim(order, DropflowDriver.claim("DAMAGED", 1, "RESHIP"));
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isNotNull(); // kept, to assert on once it ended
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(dropflow.claimProcessInstanceId(claim)).singleResult().getId(),
                Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(DefectClaimProcess.Element.AWAIT_REPLACEMENT.id());
        String replacement = "DF-" + order + "-CL" + claim + "-RESHIP1";

        // When ACME reports the replacement shipped under the other order's parcel's number: STALE, to an operator
        shippedUnderTheNumberOf(other, order, replacement, "Forwarded");
        dropflow.runClaimJobs(claim);

        // and the claim still waits for its replacement (its lateness timer running), its history says no shipment
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(DefectClaimProcess.Element.AWAIT_REPLACEMENT.id());
        assertThat(dropflow.getClaim(claim).path("history").toString()).doesNotContain("Shipped the replacement");

        // When ACME then reports it under its parcel's own number, the claim takes it and the parcel is followed
        String own = "REPL-" + claim;
        assertThat(dropflow.supplierShipped("ACME", replacement, own).getBody()).contains("\"APPLIED\"");
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).hasPassed("event_replacement_shipped").isEnded();
        assertThat(timeline(order)).contains("Replacement for claim DF-CL" + claim + " shipped: SANDBOX-POST " + own);
        assertThat(parcels(order)).containsExactlyInAnyOrder("OWN-" + order, own);
    }

    @Test
    void aReturnsExchangeShippedUnderAnotherOrdersNumberIsNotTakenAndTheReturnWaitsForItsOwnParcel() {
        long other = deliveredOrder();
        long order = deliveredOrder();
        var requested = dropflow.requestReturn(order, DropflowDriver.returnRequest("DOES_NOT_FIT", "EXCHANGE",
                "DEMO-MUG-BLUE"));
        assertThat(requested.getStatusCode().value()).as(requested.getBody()).isEqualTo(201);
        long id = DropflowDriver.read(requested.getBody()).path("id").asLong();
        dropflow.returnProcess(id); // kept, to assert on once it ended
        dropflow.runReturnJobs(id);
        dropflow.supplierAnswersReturn("ACME", id, 1, "ACCEPTED", null);
        dropflow.runReturnJobs(id);
        JsonNode returned = dropflow.getReturn(id);
        dropflow.carrierSays(returned.path("returnParcel").path("trackingNumber").asText(), "DELIVERED");
        dropflow.supplierInspects("ACME", id, "OK");
        dropflow.runReturnJobs(id);
        assertThat(dropflow.returnProcess(id)).isWaitingAt(ReturnNegotiationProcess.Element.AWAIT_EXCHANGE.id());
        String exchange = "DF-" + order + "-RT" + id + "-EXCHANGE";

        // When ACME reports the exchange shipped under the other order's parcel's number: STALE, to an operator
        shippedUnderTheNumberOf(other, order, exchange, "Forwarded");
        dropflow.runReturnJobs(id);

        // and the return still waits for its exchange (its lateness timer running), its history says no shipment
        assertThat(dropflow.returnProcess(id)).isWaitingAt(ReturnNegotiationProcess.Element.AWAIT_EXCHANGE.id());
        assertThat(dropflow.getReturn(id).path("history").toString()).doesNotContain("Exchange purchase order: Shipped");

        // When ACME then reports it under its parcel's own number, the return takes it and the parcel is followed
        String own = "EXCH-" + id;
        assertThat(dropflow.supplierShipped("ACME", exchange, own).getBody()).contains("\"APPLIED\"");
        dropflow.runReturnJobs(id);
        assertThat(dropflow.returnProcess(id)).hasPassed(ReturnNegotiationProcess.Element.EXCHANGE_SHIPPED.id())
                .isEnded();
        assertThat(timeline(order)).contains("Exchange for return DF-RT" + id + " shipped: SANDBOX-POST " + own);
        assertThat(parcels(order)).contains(own);
    }

    /**
     * Review s17 (F1): V79's key is optional, so that a node from before it, still running during a rolling update,
     * can record parcels. Such a parcel, without its key, is found by its exact spelling, as before V79, and gets its
     * key when its row is next written.
     */
    @Test
    void aParcelRecordedWithoutItsKeyByANodeFromBeforeV79IsFoundByItsSpellingAndKeyedAtItsNextScan() {
        long order = acceptedOrder();
        String number = "OLDNODE-" + order;
        dropflow.supplierShipped("ACME", po(order, 1), number);
        dropflow.runJobs(order);
        jdbc.update("update shipment set tracking_key = null where tracking_number = ?", number);

        ResponseEntity<String> scan = dropflow.carrierSays(number, "IN_TRANSIT");

        assertThat(scan.getStatusCode().value()).as(scan.getBody()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select tracking_key from shipment where tracking_number = ?", String.class,
                number)).isEqualTo(io.dropflow.carrier.TrackingNumbers.key("SANDBOX-POST", number))
                .isEqualTo("SANDBOX-POST OLDNODE" + order);
    }
}
