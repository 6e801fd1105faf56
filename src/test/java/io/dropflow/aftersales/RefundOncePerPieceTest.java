package io.dropflow.aftersales;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.claim.process.DefectClaimProcess;
import io.dropflow.returns.process.ReturnNegotiationProcess;
import io.dropflow.storefront.sandbox.SandboxStorefront;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A piece is paid back once, also for cases taken in before claims and returns took turns on the order at
 * intake: two claims, or a claim and a return, holding the same single piece, both open (set up as such data
 * looks: the second case taken in while the first was briefly marked as ended). Both reach their refund; the
 * first pays, the second pays nothing: the BPMN error "Refund withheld" closes it with the reason naming the
 * case that paid, no refund is booked for it, and the consumer is told, as intake would have refused it (no
 * incident, no operator needed). The storefront is asked to refund once. The case closed so holds the piece no
 * more: the case that paid does, and a new case on it is refused naming that one.
 */
@DropflowTest
class RefundOncePerPieceTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxStorefront storefront;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    @Test
    void twoClaimsOnOnePieceArePaidOnceAndTheSecondClosesSayingWhichPaid() {
        long order = deliveredMug();
        long first = claim(order);
        long second = takenInBeside("claim", first, () -> claim(order));

        claimAtItsRefund(first);
        claimAtItsRefund(second);
        dropflow.runClaimJobs(first);
        dropflow.runClaimJobs(second);

        assertThat(dropflow.claimProcess(first)).hasPassed(DefectClaimProcess.Element.REFUND_CONSUMER.id()).isEnded();
        assertThat(dropflow.getClaim(first).path("status").asText()).isEqualTo("RESOLVED");
        assertThat(storefrontRefunds(order)).containsExactly("15.00 EUR");

        String instance = dropflow.claimProcessInstanceId(second);
        String reason = "paid back already through DF-CL" + first + " (line 1, 1 of 1 piece(s)): a piece is paid back"
                + " once, so nothing more is paid";
        assertThat(dropflow.claimProcess(second)).hasPassed(DefectClaimProcess.Element.REFUND_WITHHELD.id(),
                DefectClaimProcess.Element.CLOSED_PAID_BACK_ALREADY.id(), DefectClaimProcess.Element.TELL_CONSUMER.id())
                .hasNotPassed(DefectClaimProcess.Element.BOOK_OUTCOME.id()).isEnded();
        assertNoIncident(instance);
        com.fasterxml.jackson.databind.JsonNode closed = dropflow.getClaim(second);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("outcome").path("reason").asText()).isEqualTo(reason);
        assertThat(closed.path("ledger")).as("nothing booked for the withheld refund").isEmpty();
        assertThat(history(closed)).containsOnlyOnce("Refund of 15.00 EUR withheld, nothing paid: line 1"
                + " has 1 piece(s), 1 of them paid back already (DF-CL" + first + "; the consumer is paid back for a piece"
                + " once); DF-CL" + second + " would pay back 1 more")
                .contains("Claim closed: " + reason);
        assertThat(storefrontRefunds(order)).containsExactly("15.00 EUR");
        assertThat(dropflow.storefrontCalls(storefront, order, "MESSAGE"))
                .contains("Your claim DF-CL" + second + " is closed: " + reason);
    }

    @Test
    void aReturnOfAPieceAClaimPaidBackIsNotRefundedAgain() {
        long order = deliveredMug();
        ResponseEntity<String> asked = dropflow.requestReturn(order, DropflowDriver.returnRequest("DEFECTIVE", "REFUND", null));
        assertThat(asked.getStatusCode().value()).as(asked.getBody()).isEqualTo(201);
        long returned = DropflowDriver.read(asked.getBody()).path("id").asLong();
        dropflow.returnProcess(returned);
        dropflow.runReturnJobs(returned);
        assertThat(dropflow.returnProcess(returned)).isWaitingAt(ReturnNegotiationProcess.Element.AWAIT_PARCEL.id());
        long claim = takenInBeside("return_request", returned, () -> claim(order));

        claimAtItsRefund(claim);
        dropflow.runClaimJobs(claim);
        assertThat(storefrontRefunds(order)).containsExactly("15.00 EUR");

        String tracking = dropflow.getReturn(returned).path("returnParcel").path("trackingNumber").asText();
        dropflow.carrierSays(tracking, "DELIVERED");
        dropflow.supplierInspects("ACME", returned, "OK");
        assertThat(dropflow.returnProcess(returned)).isWaitingAt(ReturnNegotiationProcess.Element.REFUND_CONSUMER.id());
        dropflow.runReturnJobs(returned);

        assertThat(storefrontRefunds(order)).containsExactly("15.00 EUR");
        String reason = "paid back already through DF-CL" + claim + " (line 1, 1 of 1 piece(s)): a piece is paid back"
                + " once, so nothing more is paid";
        assertThat(dropflow.returnProcess(returned)).hasPassed(ReturnNegotiationProcess.Element.REFUND_WITHHELD.id(),
                ReturnNegotiationProcess.Element.CLOSED_PAID_BACK_ALREADY.id(),
                ReturnNegotiationProcess.Element.TELL_CONSUMER.id())
                .hasNotPassed(ReturnNegotiationProcess.Element.BOOK_RETURN.id()).isEnded();
        // ACME paid the claim back and pays the defect's label: the return books nothing (ReturnNegotiationProcessTest)
        assertNoIncident(dropflow.returnProcessInstanceId(returned));
        com.fasterxml.jackson.databind.JsonNode closed = dropflow.getReturn(returned);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("outcomeReason").asText()).isEqualTo(reason);
        assertThat(closed.has("refundAmount")).as("nothing was refunded: " + closed.path("refundAmount")).isFalse();
        assertThat(closed.path("refundWithheld").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(closed.path("ledger")).as("nothing booked for the withheld refund").isEmpty();
        assertThat(history(closed)).anyMatch(h -> h.startsWith("Refund of 15.00 EUR withheld"))
                .contains("Return closed: " + reason);
        assertThat(dropflow.storefrontCalls(storefront, order, "MESSAGE"))
                .contains("Your return DF-RT" + returned + " is closed: " + reason);

        // The return closed as paid back already holds the piece no more: the claim that paid holds it, and a new
        // case on it is refused naming that claim, the piece counted once (it read "2 of them", naming the return)
        ResponseEntity<String> again = dropflow.fileClaim(order, DropflowDriver.claim("DAMAGED", 1, "REFUND"));
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
        assertThat(DropflowDriver.read(again.getBody()).path("detail").asText()).isEqualTo("line 1 has 1 piece(s), 1 of"
                + " them claimed or returned already (DF-CL" + claim + "; the consumer is paid back for a piece once); 1"
                + " more cannot be claimed");
        ResponseEntity<String> returnedAgain = dropflow.requestReturn(order,
                DropflowDriver.returnRequest("DEFECTIVE", "REFUND", null));
        assertThat(returnedAgain.getStatusCode().value()).as(returnedAgain.getBody()).isEqualTo(409);
        assertThat(DropflowDriver.read(returnedAgain.getBody()).path("detail").asText()).isEqualTo("line 1 has 1"
                + " piece(s), 1 of them claimed or returned already (DF-CL" + claim + "; the consumer is paid back for a"
                + " piece once); 1 more cannot be returned");
    }

    /**
     * Both claims' refunds run at the same moment (two job executor threads): they take turns on the order's
     * row, so the second sees the first's refund and pays nothing. The race is made certain: a trigger holds the
     * refund's record at its insert on an advisory lock the test holds, until both refunds wait on a lock.
     * Without the order's lock both would pass the check and wait at their insert, and both would pay.
     */
    @Test
    void twoRefundsOfOnePieceAtOnceTakeTurnsAndPayOnce() throws Exception {
        long order = deliveredMug();
        long first = claim(order);
        long second = takenInBeside("claim", first, () -> claim(order));
        claimAtItsRefund(first);
        claimAtItsRefund(second);
        List<String> jobs = java.util.stream.Stream.of(first, second).map(claim -> engine.getManagementService()
                .createJobQuery().processInstanceId(dropflow.claimProcessInstanceId(claim))
                .activityId(DefectClaimProcess.Element.REFUND_CONSUMER.id()).singleResult().getId()).toList();

        jdbc.execute("create or replace function test_refunds_at_once_gate() returns trigger language plpgsql as $$ "
                + "begin perform pg_advisory_xact_lock_shared(" + GATE + "); return new; end $$");
        jdbc.execute("create trigger test_refunds_at_once_gate before insert on case_refund for each row "
                + "execute function test_refunds_at_once_gate()");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (java.sql.Connection gate = dataSource.getConnection()) {
            try (java.sql.Statement sql = gate.createStatement()) {
                sql.execute("select pg_advisory_lock(" + GATE + ")");
            }
            List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
            try {
                for (String job : jobs) {
                    running.add(threads.submit(() -> engine.getManagementService().executeJob(job)));
                }
                java.time.Instant giveUp = java.time.Instant.now().plusSeconds(30);
                while (waitingOnLocks() < 2 && running.stream().noneMatch(java.util.concurrent.Future::isDone)) {
                    assertThat(java.time.Instant.now()).as("both refunds waiting on a lock").isBefore(giveUp);
                    Thread.sleep(20);
                }
            } finally {
                try (java.sql.Statement sql = gate.createStatement()) {
                    sql.execute("select pg_advisory_unlock(" + GATE + ")");
                }
            }
            for (java.util.concurrent.Future<?> job : running) {
                job.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
            jdbc.execute("drop trigger if exists test_refunds_at_once_gate on case_refund");
            jdbc.execute("drop function if exists test_refunds_at_once_gate()");
        }

        assertThat(storefrontRefunds(order)).containsExactly("15.00 EUR");
        assertThat(jdbc.queryForObject("select count(*) from case_refund where order_id = ?", Long.class, order)).isOne();
        dropflow.runClaimJobs(first); // each booked in a step of its own after its refund
        dropflow.runClaimJobs(second);
        assertThat(java.util.stream.Stream.of(first, second).map(c -> dropflow.getClaim(c).path("status").asText()))
                .as("one claim paid, the other closed without paying").containsExactlyInAnyOrder("RESOLVED", "CLOSED");
    }

    // ---- helpers

    private static final long GATE = 0x0df_7ef0dL;

    @Autowired
    javax.sql.DataSource dataSource;

    private int waitingOnLocks() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database()", Integer.class);
    }

    private long deliveredMug() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-ONCE-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-ONCE-" + order, "DELIVERED");
        return order;
    }

    private long claim(long order) {
        ResponseEntity<String> filed = dropflow.fileClaim(order, DropflowDriver.claim("DAMAGED", 1, "REFUND"));
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();
        dropflow.claimProcess(claim);
        dropflow.runClaimJobs(claim);
        return claim;
    }

    /**
     * A second case on the same piece, as intake took them in before it locked the order: the first case is
     * marked as ended while the second is taken in, then put back as it was.
     */
    private long takenInBeside(String table, long first, java.util.function.LongSupplier second) {
        String status = jdbc.queryForObject("select status from " + table + " where id = ?", String.class, first);
        String ended = table.equals("claim") ? "REJECTED" : "REFUSED";
        jdbc.update("update " + table + " set status = ? where id = ?", ended, first);
        try {
            return second.getAsLong();
        } finally {
            jdbc.update("update " + table + " set status = ? where id = ?", status, first);
        }
    }

    /** Accepted by the operator, sent to ACME, accepted: the claim's refund step is due. */
    private void claimAtItsRefund(long claim) {
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(DefectClaimProcess.Element.REVIEW_CLAIM.id());
        String task = engine.getTaskService().createTaskQuery().processInstanceId(dropflow.claimProcessInstanceId(claim))
                .singleResult().getId();
        engine.getTaskService().complete(task, Map.of("reviewDecision", "accept"));
        dropflow.runClaimJobs(claim);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(DefectClaimProcess.Element.AWAIT_SUPPLIER_ANSWER.id());
        dropflow.supplierAnswersClaim("ACME", claim, 1, "ACCEPTED", null, null, null);
        assertThat(dropflow.claimProcess(claim)).isWaitingAt(DefectClaimProcess.Element.REFUND_CONSUMER.id());
    }

    /** No incident: the withheld refund is a step of the model, not a failed job for an operator. */
    private void assertNoIncident(String instance) {
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).withException().count())
                .isZero();
    }

    private List<String> storefrontRefunds(long order) {
        return dropflow.storefrontCalls(storefront, order, "REFUND");
    }

    private static List<String> history(com.fasterxml.jackson.databind.JsonNode view) {
        List<String> entries = new java.util.ArrayList<>();
        view.path("history").forEach(e -> entries.add(e.path("what").asText()));
        return entries;
    }
}
