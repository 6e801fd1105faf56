package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Purchasing;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order's view read while the order settles: the settlement (status, ledger entries and timeline line, one
 * transaction) shows wholly or not at all, never "Settled; margin …" beside the status before it.
 */
@DropflowTest
class OrderViewSnapshotTest {

    private static final String SETTLED_LINE = "Settled; margin 4.00 EUR";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Orders orders;
    @Autowired
    Purchasing purchasing;
    @Autowired
    Tracking tracking;
    @Autowired
    Ledger ledger;
    @Autowired
    OrderTimeline timeline;
    @Autowired
    ExchangeRates rates;
    @Autowired
    Clock clock;
    @Autowired
    SnapshotReads snapshot;
    @Autowired
    GivenUpParcels givenUp;
    @Autowired
    OrderViews views;
    @Autowired
    PlatformTransactionManager transactions;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
    }

    @Test
    void aSettlementCommittedBetweenTheOrdersReadAndItsTimelinesReadIsNotShownHalf() {
        long orderId = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        OrderStatus before = orders.findById(orderId).orElseThrow().getStatus();
        OrderViews readWhileSettling = new OrderViews(orders, purchasing, tracking, ledger,
                settlingAsTheTimelineIsRead(), rates, clock, snapshot, givenUp);

        OrderView view = readWhileSettling.of(orderId);

        assertThat(view.status()).isEqualTo(before);
        assertThat(view.timeline()).extracting(OrderView.TimelineView::what).doesNotContain(SETTLED_LINE);
        assertThat(view.ledger()).isEmpty();
        OrderView after = views.of(orderId);
        assertThat(after.status()).isEqualTo(OrderStatus.SETTLED);
        assertThat(after.timeline()).extracting(OrderView.TimelineView::what).contains(SETTLED_LINE);
        assertThat(after.ledger()).isNotEmpty();
    }

    /** A caller's transaction is joined: its own writes show, and it goes on writing and commits. */
    @Test
    void readInsideACallersTransactionSeesItsWritesAndLetsItCommit() {
        long orderId = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();

        List<String> seen = new TransactionTemplate(transactions).execute(status -> {
            timeline.record(orderId, "An operator's note");
            List<String> lines = views.of(orderId).timeline().stream().map(OrderView.TimelineView::what).toList();
            timeline.record(orderId, "Another note");
            return lines;
        });

        assertThat(seen).contains("An operator's note");
        assertThat(views.of(orderId).timeline()).extracting(OrderView.TimelineView::what)
                .contains("An operator's note", "Another note");
    }

    /** The real timeline, but a settlement commits (on another thread, in its own transaction) just before it is read. */
    private OrderTimeline settlingAsTheTimelineIsRead() {
        TransactionTemplate own = new TransactionTemplate(transactions);
        return new OrderTimeline() {
            @Override
            public void record(Long orderId, String what) {
                timeline.record(orderId, what);
            }

            @Override
            public List<Entry> of(Long orderId) {
                CompletableFuture.runAsync(() -> own.executeWithoutResult(status -> {
                    Order order = orders.byId(orderId);
                    ledger.settle(new Ledger.Settlement(orderId, order.summary().channel(), order.sale(),
                            "PO-SNAPSHOT-" + orderId, new Money(new BigDecimal("6.00"), "EUR"),
                            new Money(new BigDecimal("2.00"), "EUR")));
                    order.moveTo(OrderStatus.SETTLED, clock.instant());
                    timeline.record(orderId, SETTLED_LINE);
                })).join();
                return timeline.of(orderId);
            }
        };
    }
}
