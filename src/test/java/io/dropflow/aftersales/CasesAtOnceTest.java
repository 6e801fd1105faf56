package io.dropflow.aftersales;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims and returns sent at the same moment about the same piece (the tester's two claims sent with
 * {@code &}, three returns at once, a claim and a return at once): one is taken, the others are a 409,
 * and the consumer is paid back for the piece once.
 *
 * <p>The race is made certain rather than left to timing: a trigger holds every new claim and return
 * row at its insert (after the intake's checks) on an advisory lock the test holds, until all the
 * requests wait on a lock; then the test lets them go. Without a lock on the order taken before the
 * checks, every request passes its checks and waits at its insert, and all are taken; with it, one
 * waits at its insert and the others wait for the order, then see its case.
 */
@DropflowTest
class CasesAtOnceTest {

    private static final long GATE = 0x0df_ca5e5L;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        jdbc.execute("create or replace function test_cases_at_once_gate() returns trigger language plpgsql as $$ "
                + "begin perform pg_advisory_xact_lock_shared(" + GATE + "); return new; end $$");
        jdbc.execute("create trigger test_cases_at_once_gate before insert on claim for each row "
                + "execute function test_cases_at_once_gate()");
        jdbc.execute("create trigger test_cases_at_once_gate before insert on return_request for each row "
                + "execute function test_cases_at_once_gate()");
    }

    @AfterEach
    void dropGate() {
        jdbc.execute("drop trigger if exists test_cases_at_once_gate on claim");
        jdbc.execute("drop trigger if exists test_cases_at_once_gate on return_request");
        jdbc.execute("drop function if exists test_cases_at_once_gate()");
    }

    private long deliveredMug() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-ATONCE-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-ATONCE-" + order, "DELIVERED");
        return order;
    }

    private ResponseEntity<String> claim(long order) {
        return dropflow.fileClaim(order, DropflowDriver.claim("DAMAGED", 1, "REFUND"));
    }

    private ResponseEntity<String> returnOf(long order) {
        return dropflow.requestReturn(order, Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 1)),
                "reason", "CHANGED_MIND", "wish", "REFUND"));
    }

    @Test
    void twoClaimsAtOnceOnOnePieceAreOneClaimAndA409() throws Exception {
        long order = deliveredMug();

        List<ResponseEntity<String>> answers = gated(List.of(() -> claim(order), () -> claim(order)));

        assertOneTakenRestConflict(answers);
        assertThat(cases("claim", order)).isEqualTo(1);
        assertThat(claim(order).getStatusCode().value()).as("and afterwards").isEqualTo(409);
    }

    @Test
    void threeReturnsAtOnceOnOnePieceAreOneReturnAndTwo409s() throws Exception {
        long order = deliveredMug();

        List<ResponseEntity<String>> answers = gated(List.of(() -> returnOf(order), () -> returnOf(order),
                () -> returnOf(order)));

        assertOneTakenRestConflict(answers);
        assertThat(cases("return_request", order)).isEqualTo(1);
    }

    @Test
    void aClaimAndAReturnAtOnceOnOnePieceAreOneCaseAndA409() throws Exception {
        long order = deliveredMug();

        List<ResponseEntity<String>> answers = gated(List.of(() -> claim(order), () -> returnOf(order)));

        assertOneTakenRestConflict(answers);
        assertThat(cases("claim", order) + cases("return_request", order)).isEqualTo(1);
    }

    /** Claims or returns on two orders at once do not wait for each other's order. */
    @Test
    void casesOnTwoOrdersAtOnceAreBothTaken() throws Exception {
        long first = deliveredMug();
        long second = deliveredMug();

        List<ResponseEntity<String>> answers = gated(List.of(() -> claim(first), () -> returnOf(second)));

        assertThat(answers).extracting(a -> a.getStatusCode().value()).as(answers.toString()).containsExactly(201, 201);
    }

    private static void assertOneTakenRestConflict(List<ResponseEntity<String>> answers) {
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 201).as(answers.toString()).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 201).as(answers.toString())
                .hasSize(answers.size() - 1)
                .allSatisfy(a -> {
                    assertThat(a.getStatusCode().value()).isEqualTo(409);
                    assertThat(a.getHeaders().getContentType()).hasToString("application/problem+json");
                });
    }

    private long cases(String table, long order) {
        return jdbc.queryForObject("select count(*) from " + table + " where order_id = ?", Long.class, order);
    }

    /**
     * Sends the requests together while the gate is closed, waits until each of them waits on a lock
     * (the gate at its case's insert, or the order's row), then opens the gate.
     */
    private List<ResponseEntity<String>> gated(List<Callable<ResponseEntity<String>>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try (Connection gate = dataSource.getConnection()) {
            try (Statement s = gate.createStatement()) {
                s.execute("select pg_advisory_lock(" + GATE + ")");
            }
            List<Future<ResponseEntity<String>>> sent = new ArrayList<>();
            try {
                for (Callable<ResponseEntity<String>> request : requests) {
                    sent.add(pool.submit(request));
                }
                Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
                while (waitingOnLocks() < requests.size() && sent.stream().noneMatch(Future::isDone)) {
                    assertThat(Instant.now()).as("all requests waiting on a lock").isBefore(giveUp);
                    Thread.sleep(20);
                }
            } finally {
                try (Statement s = gate.createStatement()) {
                    s.execute("select pg_advisory_unlock(" + GATE + ")");
                }
            }
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private int waitingOnLocks() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database()", Integer.class);
    }
}
