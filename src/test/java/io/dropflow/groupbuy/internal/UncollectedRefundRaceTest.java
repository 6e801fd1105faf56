package io.dropflow.groupbuy.internal;

import static io.dropflow.support.GroupBuyDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.GroupBuyDriver;
import io.dropflow.support.GroupBuyFixtures;
import io.dropflow.support.GroupBuyFixtures.Goods;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Review s17 F8: "refund uncollected" marks the lines still at the point due for refund while the leader may be
 * handing them over. A pickup committing between the marking's read and its write was overwritten: the consumer got
 * the goods and the refund. The lines are now marked under each order's row lock, their status read again under it.
 */
@DropflowTest
class UncollectedRefundRaceTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupBuyFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Refunding refunding;
    @Autowired
    Collection collection;

    @Test
    void aLineCollectedWhileUncollectedLinesAreMarkedIsNotRefunded() throws Exception {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        GroupBuyDriver groupBuy = new GroupBuyDriver(dropflow, engine);
        Goods goods = fixtures.goods(false);
        groupBuy.offer(goods.sku(), 100);
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", ZoneId.of("Europe/Berlin"));
        long order = groupBuy.order(point, goods.sku(), 1, "15.00");
        long batch = groupBuy.batchOf(order);
        groupBuy.cutoff(batch);
        dropflow.supplierSays(goods.first(), po(batch, 1), "ACCEPTED");
        dropflow.supplierShipped(goods.first(), po(batch, 1), "GBR-" + batch);
        groupBuy.runJobs(batch);
        dropflow.carrierSays("GBR-" + batch, "DELIVERED");
        groupBuy.runJobs(batch);
        assertThat(groupBuy.receipt(batch, GroupBuyDriver.asLeader()).getStatusCode().value()).isEqualTo(200);
        groupBuy.runJobs(batch);
        String code = groupBuy.pickupCode(order);

        @SuppressWarnings("unchecked")
        ResponseEntity<String>[] pickup = new ResponseEntity[1];
        // Collection.refundUncollected, with the leader's pickup committing after the marking read what is due
        int refunded = refunding.refundDue(batch, "uncollected-race", () -> collection.markUncollectedDue(batch,
                () -> pickup[0] = CompletableFuture.supplyAsync(() -> groupBuy.pickup(point, code,
                        GroupBuyDriver.asLeader())).join()));

        assertThat(pickup[0].getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForList("select status from group_buy_line where batch_id = ?", String.class, batch))
                .as("the consumer collected the line: it is not refunded").containsOnly("COLLECTED");
        assertThat(refunded).isZero();
        assertThat(jdbc.queryForObject("select count(*) from group_buy_refund r join group_buy_order o"
                + " on o.id = r.group_buy_order_id where o.batch_id = ?", Integer.class, batch)).isZero();
    }
}
