package io.dropflow.aftersales;

import static io.dropflow.support.DropflowDriver.po;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.dropflow.returns.process.ReturnNegotiationProcess;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two cases of one order booked at the same moment (the tester's DF-RT4 and DF-RT5, booked in the same
 * millisecond): each timeline line states the margin with every booking committed before it, and the last one
 * states the ledger's. Both said 16.62 EUR where the ledger had 9.12: each read the margin in its own transaction,
 * without the other's entries. The race is made certain: a trigger holds each ledger entry at its insert on an
 * advisory lock the test holds, until both bookings wait on a lock. Without the order's row lock both would book
 * and wait at their inserts, then both read the margin without the other's entries.
 */
@DropflowTest
class CaseBookingsAtOnceTest {

    private static final long GATE = 0x0df_b00cL;
    private static final Pattern MARGIN = Pattern.compile(
            "Return (DF-RT\\d+) completed; the order's provisional margin is adjusted to (-?[0-9.]+) EUR");

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
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    @Test
    void twoReturnsBookedAtOnceEachStateTheMarginWithTheOthersBooking() throws Exception {
        long order = dropflow.placeOrder("DEMO-MUG", 2, "15.00").orderId();
        dropflow.runJobs(order);
        dropflow.supplierShipped("ACME", po(order, 1), "TRK-BOOKAT-" + order);
        dropflow.runJobs(order);
        dropflow.carrierSays("TRK-BOOKAT-" + order, "DELIVERED");
        BigDecimal delivered = new BigDecimal(dropflow.getOrder(order).path("margin").asText());
        long first = returnAtItsRefund(order);
        long second = returnAtItsRefund(order);
        // each refund paid; their bookings (a job of their own after the refund) run at once
        for (long id : List.of(first, second)) {
            engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                    .processInstanceId(dropflow.returnProcessInstanceId(id))
                    .activityId(ReturnNegotiationProcess.Element.REFUND_CONSUMER.id()).singleResult().getId());
        }
        List<String> jobs = Stream.of(first, second).map(id -> engine.getManagementService().createJobQuery()
                .processInstanceId(dropflow.returnProcessInstanceId(id))
                .activityId(ReturnNegotiationProcess.Element.BOOK_RETURN.id()).singleResult().getId()).toList();

        jdbc.execute("create or replace function test_bookings_at_once_gate() returns trigger language plpgsql as $$ "
                + "begin perform pg_advisory_xact_lock_shared(" + GATE + "); return new; end $$");
        jdbc.execute("create trigger test_bookings_at_once_gate before insert on ledger_entry for each row "
                + "execute function test_bookings_at_once_gate()");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection gate = dataSource.getConnection()) {
            try (Statement sql = gate.createStatement()) {
                sql.execute("select pg_advisory_lock(" + GATE + ")");
            }
            List<Future<?>> running = new ArrayList<>();
            try {
                for (String job : jobs) {
                    running.add(threads.submit(() -> engine.getManagementService().executeJob(job)));
                }
                Instant giveUp = Instant.now().plusSeconds(30);
                while (waitingOnLocks() < 2 && running.stream().noneMatch(Future::isDone)) {
                    assertThat(Instant.now()).as("both bookings waiting: at the gate, or for the order").isBefore(giveUp);
                    Thread.sleep(20);
                }
            } finally {
                try (Statement sql = gate.createStatement()) {
                    sql.execute("select pg_advisory_unlock(" + GATE + ")");
                }
            }
            for (Future<?> job : running) {
                job.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
            jdbc.execute("drop trigger if exists test_bookings_at_once_gate on ledger_entry");
            jdbc.execute("drop function if exists test_bookings_at_once_gate()");
        }

        for (long id : List.of(first, second)) {
            assertThat(dropflow.returnProcess(id)).hasPassed(ReturnNegotiationProcess.Element.BOOK_RETURN.id());
        }
        // Each return: the refund of 15.00, ACME's credit of 6.00 for the mug it took back (a defect: its label)
        BigDecimal each = new BigDecimal("9.00");
        BigDecimal after = new BigDecimal(dropflow.getOrder(order).path("margin").asText());
        assertThat(after).isEqualByComparingTo(delivered.subtract(each).subtract(each));
        List<BigDecimal> stated = new ArrayList<>();
        for (String line : dropflow.getOrder(order).path("timeline").findValuesAsText("what")) {
            Matcher booked = MARGIN.matcher(line);
            if (booked.matches()) {
                stated.add(new BigDecimal(booked.group(2)));
            }
        }
        assertThat(stated).as("one line per return, each with the bookings committed before it")
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactlyInAnyOrder(delivered.subtract(each), after);
    }

    /** A defective mug returned: label sent, parcel arrived, ACME finds it in order; its refund step is due. */
    private long returnAtItsRefund(long order) {
        ResponseEntity<String> asked = dropflow.requestReturn(order, DropflowDriver.returnRequest("DEFECTIVE", "REFUND", null));
        assertThat(asked.getStatusCode().value()).as(asked.getBody()).isEqualTo(201);
        long id = DropflowDriver.read(asked.getBody()).path("id").asLong();
        dropflow.returnProcess(id);
        dropflow.runReturnJobs(id);
        assertThat(dropflow.returnProcess(id)).isWaitingAt(ReturnNegotiationProcess.Element.AWAIT_PARCEL.id());
        dropflow.carrierSays(dropflow.getReturn(id).path("returnParcel").path("trackingNumber").asText(), "DELIVERED");
        dropflow.supplierInspects("ACME", id, "OK");
        assertThat(dropflow.returnProcess(id)).isWaitingAt(ReturnNegotiationProcess.Element.REFUND_CONSUMER.id());
        return id;
    }

    /** Sessions waiting at the gate (a ledger entry's insert) or for the order's row: nothing else counts. */
    private int waitingOnLocks() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database() and (query like 'insert into ledger_entry%'"
                + " or query like '%from customer_order%')", Integer.class);
    }
}
