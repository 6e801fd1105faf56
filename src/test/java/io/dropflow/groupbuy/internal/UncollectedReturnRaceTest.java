package io.dropflow.groupbuy.internal;

import static io.dropflow.support.GroupBuyDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.supplier.SupplierGateway;
import io.dropflow.supplier.sandbox.SandboxSupplier;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.GroupBuyDriver;
import io.dropflow.support.GroupBuyFixtures;
import io.dropflow.support.GroupBuyFixtures.Goods;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exploratory test s18, H8: "Ask suppliers to take goods back" read the lines still at the point without their orders'
 * locks and built the supplier's take-back request and the orders' timelines from them. A consumer collecting meanwhile
 * had their goods asked back from the supplier and their timeline said "sent back … the consumer is refunded" (and was
 * not refunded). The lines going back are now marked under each order's row lock, their status read again under it,
 * and committed before the supplier is asked: a line collected meanwhile is neither asked back nor written sent back.
 */
@DropflowTest
class UncollectedReturnRaceTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupBuyFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Collection collection;
    @Autowired
    SandboxSupplier supplier;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aLineCollectedWhileTheTakeBackIsAskedIsNeitherAskedBackNorWrittenSentBack() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        GroupBuyDriver groupBuy = new GroupBuyDriver(dropflow, engine);
        Goods goods = fixtures.goods(false);
        groupBuy.offer(goods.sku(), 100);
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", ZoneId.of("Europe/Berlin"));
        long collecting = groupBuy.order(point, goods.sku(), 1, "15.00");
        long uncollected = groupBuy.order(point, goods.sku(), 2, "15.00");
        long batch = groupBuy.batchOf(collecting);
        assertThat(groupBuy.batchOf(uncollected)).isEqualTo(batch);
        groupBuy.cutoff(batch);
        dropflow.supplierSays(goods.first(), po(batch, 1), "ACCEPTED");
        dropflow.supplierShipped(goods.first(), po(batch, 1), "GBT-" + batch);
        groupBuy.runJobs(batch);
        dropflow.carrierSays("GBT-" + batch, "DELIVERED");
        groupBuy.runJobs(batch);
        assertThat(groupBuy.receipt(batch, GroupBuyDriver.asLeader()).getStatusCode().value()).isEqualTo(200);
        groupBuy.runJobs(batch);
        String code = groupBuy.pickupCode(collecting);

        @SuppressWarnings("unchecked")
        ResponseEntity<String>[] pickup = new ResponseEntity[1];
        // "Ask suppliers to take goods back" in its job's transaction, the leader's pickup committing after it read
        // which orders have goods at the point
        new TransactionTemplate(transactions).executeWithoutResult(tx -> collection.returnUncollected(batch,
                () -> pickup[0] = CompletableFuture.supplyAsync(() -> groupBuy.pickup(point, code,
                        GroupBuyDriver.asLeader())).join()));

        assertThat(pickup[0].getStatusCode().value()).as(pickup[0].getBody()).isEqualTo(200);
        List<SupplierGateway.ReturnRound> asked = supplier.returnRoundsReceived(po(batch, 1) + "-UNCOLLECTED");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).lines()).as("only the 2 pieces nobody collected are asked back")
                .extracting(SupplierGateway.Line::quantity).containsExactly(2);
        assertThat(timeline(dropflow, collecting)).as("the consumer collected: nothing of theirs went back")
                .noneMatch(w -> w.contains("sent back"));
        assertThat(timeline(dropflow, uncollected)).anyMatch(w -> w.contains("in time: 2 × " + goods.sku()
                + " sent back to " + goods.first()));
        assertThat(jdbc.queryForList("select status || ' ' || coalesce(refund_reason, '-') from group_buy_line l"
                + " join group_buy_order o on o.id = l.group_buy_order_id where o.order_id = ?", String.class, collecting))
                .containsOnly("COLLECTED -");
        assertThat(jdbc.queryForList("select status || ' ' || coalesce(refund_reason, '-') from group_buy_line l"
                + " join group_buy_order o on o.id = l.group_buy_order_id where o.order_id = ?", String.class, uncollected))
                .as("marked due before the supplier is asked: a pickup now is told it went back")
                .containsOnly("REFUND_DUE UNCOLLECTED");
    }

    private static List<String> timeline(DropflowDriver dropflow, long order) {
        List<String> what = new ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> what.add(entry.path("what").asText()));
        return what;
    }
}
