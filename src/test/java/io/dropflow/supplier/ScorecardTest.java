package io.dropflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.supplier.internal.CatalogFixtures;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Scorecards computed from a recorded history of purchase orders, on real PostgreSQL. */
@DropflowTest
class ScorecardTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CatalogFixtures catalog;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;
    String tardy;
    long tardyId;
    long anyOrder;
    final Instant now = Instant.now();

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        tardy = "TARDY-" + suffix;
        tardyId = catalog.supplier(tardy, "Tardy Trading " + suffix, "DE", 95);
        anyOrder = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId(); // purchase orders need an order row
    }

    /** A purchase order as history recorded it: forwarded, and maybe shipped, this long ago. */
    private void history(Duration forwardedAgo, Duration shippedAfter, Duration shipByHours, String status, String reason) {
        Instant forwarded = now.minus(forwardedAgo);
        jdbc.update("""
                insert into purchase_order (order_id, supplier_id, idempotency_key, status, reason_code, supply_total,
                    shipping_cost, currency, forwarded_at, shipped_at, ship_by_hours, ship_by_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, 10, 2, 'EUR', ?, ?, ?, ?, ?, ?)""",
                anyOrder, tardyId, "FIXTURE-" + UUID.randomUUID(), status, reason, Timestamp.from(forwarded),
                shippedAfter == null ? null : Timestamp.from(forwarded.plus(shippedAfter)), (int) shipByHours.toHours(),
                Timestamp.from(forwarded.plus(shipByHours)), Timestamp.from(forwarded), Timestamp.from(forwarded));
    }

    /** Purchase orders of the last ten days that Dropflow asked to cancel this long after forwarding; none shipped. */
    private void cancelledAfter(Duration askedAfter, int count) {
        for (int i = 0; i < count; i++) {
            Instant forwarded = now.minus(Duration.ofDays(10));
            jdbc.update("""
                    insert into purchase_order (order_id, supplier_id, idempotency_key, status, supply_total, shipping_cost,
                        currency, forwarded_at, ship_by_hours, ship_by_at, cancellation_requests, cancellation_asked_at,
                        created_at, updated_at)
                    values (?, ?, ?, 'CANCELLED', 10, 2, 'EUR', ?, 24, ?, 1, ?, ?, ?)""",
                    anyOrder, tardyId, "FIXTURE-" + UUID.randomUUID(), Timestamp.from(forwarded),
                    Timestamp.from(forwarded.plus(Duration.ofHours(24))), Timestamp.from(forwarded.plus(askedAfter)),
                    Timestamp.from(forwarded), Timestamp.from(forwarded.plus(askedAfter)));
        }
    }

    @Test
    void consumerCancellationsAreNotTheSuppliersLateShipmentsButCancellationsAfterTheShipByAre() {
        // Given five purchase orders shipped within a day and five the consumers cancelled minutes after forwarding
        for (int i = 0; i < 5; i++) {
            history(Duration.ofDays(10), Duration.ofHours(20), Duration.ofHours(24), "SHIPPED", null);
        }
        cancelledAfter(Duration.ofMinutes(2), 5);

        JsonNode card = scorecard(tardy);

        assertThat(card.path("purchaseOrders").asInt()).isEqualTo(10);
        assertThat(card.path("shipWithinRate").asDouble()).as("supplier-scorecard.dmn leaves them out").isEqualTo(1.0);
        assertThat(card.path("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(card.path("flagged").asBoolean()).isFalse();

        // When one more is cancelled 30 h after forwarding, its 24-hour ship-by missed (an operator's reroute)
        cancelledAfter(Duration.ofHours(30), 1);

        assertThat(scorecard(tardy).path("onTimeRate").asDouble()).as("late: 5 of 6 on time").isCloseTo(5.0 / 6, within(1e-9));
    }

    private void aHistoryOfLateShipping() {
        history(Duration.ofDays(10), Duration.ofHours(20), Duration.ofHours(24), "SHIPPED", null);   // in 48 h, on time
        history(Duration.ofDays(9), Duration.ofHours(60), Duration.ofHours(48), "SHIPPED", null);    // late on both
        history(Duration.ofDays(8), Duration.ofHours(30), Duration.ofHours(24), "SHIPPED", null);    // in 48 h, past its deadline
        history(Duration.ofDays(7), null, Duration.ofHours(48), "ACCEPTED", null);                   // never shipped
        history(Duration.ofDays(6), null, Duration.ofHours(48), "DECLINED", "OUT_OF_STOCK");
        history(Duration.ofDays(5), null, Duration.ofHours(48), "DECLINED", "DISCONTINUED");
        history(Duration.ofDays(4), Duration.ofHours(10), Duration.ofHours(48), "SHIPPED", null);    // in 48 h, on time
        history(Duration.ofHours(1), null, Duration.ofHours(48), "ACCEPTED", null);                  // too early to tell
        history(Duration.ofDays(40), Duration.ofHours(1), Duration.ofHours(48), "SHIPPED", null);    // outside the window
    }

    private JsonNode scorecard(String code) {
        return DropflowDriver.read(dropflow.get("/api/suppliers/" + code + "/scorecard", DropflowDriver.asOperator()).getBody());
    }

    @Test
    void ratesComeFromThePurchaseOrdersInTheWindow() {
        aHistoryOfLateShipping();
        // One of the four shipped purchase orders in the window had a defect claim upheld against it
        jdbc.update("""
                update purchase_order set upheld_claims = 1 where id = (select min(id) from purchase_order
                where supplier_id = ? and status = 'SHIPPED' and forwarded_at > ?)""", tardyId,
                Timestamp.from(now.minus(Duration.ofDays(30))));

        JsonNode card = scorecard(tardy);

        assertThat(card.path("purchaseOrders").asInt()).isEqualTo(8);
        assertThat(card.path("acceptanceRate").asDouble()).isCloseTo(6.0 / 8, within(1e-9));
        assertThat(card.path("shipWithinRate").asDouble()).as("3 of the 5 that can be judged")
                .isCloseTo(3.0 / 5, within(1e-9));
        assertThat(card.path("onTimeRate").asDouble()).as("2 of the 5 whose deadline has come")
                .isCloseTo(2.0 / 5, within(1e-9));
        assertThat(card.path("stockOutRate").asDouble()).isCloseTo(1.0 / 8, within(1e-9));
        assertThat(card.path("claimRate").asDouble()).as("1 of the 4 shipped").isCloseTo(1.0 / 4, within(1e-9));
        assertThat(card.path("flagged").asBoolean()).isTrue();
        assertThat(card.path("why").asText()).contains("60 %", "3 of 5", "90 %");
        // 40 % x 0.6 + 30 % x 0.4 + 20 % x 0.75 + 10 % x (1 - 0.125) = 0.24 + 0.12 + 0.15 + 0.0875 = 0.5975
        assertThat(card.path("score").asInt()).isEqualTo(60);
        assertThat(card.path("scoreFromFacts").asBoolean()).isTrue();
    }

    @Test
    void tooFewPurchaseOrdersDoNotFlagASupplier() {
        history(Duration.ofDays(9), Duration.ofHours(60), Duration.ofHours(48), "SHIPPED", null);

        JsonNode card = scorecard(tardy);

        assertThat(card.path("shipWithinRate").asDouble()).isZero();
        assertThat(card.path("flagged").asBoolean()).isFalse();
        assertThat(card.path("score").asInt()).as("the base score until there are enough facts").isEqualTo(95);
        assertThat(card.path("scoreFromFacts").asBoolean()).isFalse();
    }

    @Test
    void anUnknownSupplierIsNotFound() {
        var response = dropflow.get("/api/suppliers/NOBODY/scorecard", DropflowDriver.asOperator());

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).contains("no supplier NOBODY");
    }

    @Test
    void aFlaggedSupplierIsRankedBehindItsBackup() {
        // Given the cheaper, higher-rated supplier ships late and a prompt one offers the same product
        aHistoryOfLateShipping();
        String prompt = "PROMPT-" + tardy.substring(6);
        String sku = "TEST-" + tardy;
        catalog.offer(tardy, sku, "TD-1", "5.00", "1.00", "DE", 48, "general");
        catalog.supplierOffering(prompt, "Prompt Partners", "DE", 90, sku, "PR-1", "7.00", "1.00", "DE", 48);

        // When an order for it is sourced
        long order = dropflow.placeOrder(sku, 1, "45.00").orderId();
        dropflow.runJobs(order);

        // Then the prompt supplier gets the purchase order; the late one is its backup
        JsonNode view = dropflow.getOrder(order);
        assertThat(view.path("purchaseOrders").get(0).path("supplierCode").asText()).isEqualTo(prompt);
        assertThat(view.path("timeline").toString()).contains(prompt + " (tier 1), " + tardy + " (tier 4)");
    }
}
