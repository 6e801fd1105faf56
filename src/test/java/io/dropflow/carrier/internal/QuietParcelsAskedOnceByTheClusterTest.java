package io.dropflow.carrier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.dropflow.carrier.CarrierAdapter;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.Tracking;
import io.dropflow.support.JpaSliceTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every node runs the polling fallback every round, on the PostgreSQL they share. Kuaidi100 asks for half an hour
 * between queries of one number and locks a number asked more than 48 times a day (docs/partners/kuaidi100.md), and
 * each query is paid: in one round the cluster asks each quiet parcel once, whichever node asks it. Two threads, each
 * its own "node" with its own poller, start a round at once.
 */
@JpaSliceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class QuietParcelsAskedOnceByTheClusterTest {

    @Autowired
    Shipments shipments;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    /** A tracking service for one carrier that counts the queries per number, each slow like a real call. */
    static class CountingService implements CarrierAdapter {

        final String carrierCode;
        final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

        CountingService(String carrierCode) {
            this.carrierCode = carrierCode;
        }

        @Override
        public boolean follows(String code) {
            return carrierCode.equals(code);
        }

        @Override
        public void register(String code, String trackingNumber, Consignee consignee) {
        }

        @Override
        public List<CarrierEvent> poll(String code, String trackingNumber, Consignee consignee) {
            asked.computeIfAbsent(trackingNumber, n -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }
    }

    @Test
    void twoNodesStartingARoundAtOnceAskEachQuietParcelOnce() throws Exception {
        String carrier = "Q" + System.nanoTime();
        List<String> numbers = IntStream.rangeClosed(1, 6).mapToObj(i -> carrier + "-" + i).toList();
        quietParcels(carrier, numbers);
        CountingService service = new CountingService(carrier);
        CarrierRouter carriers = new CarrierRouter(List.of(service), List.of(), Set.of());

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            TrackingPoller poller = new TrackingPoller(shipments, carriers, mock(Tracking.class), transactions,
                    Clock.systemUTC(), Duration.ofHours(12), true);
            rounds.add(nodes.submit(() -> {
                go.await();
                return poller.pollQuietParcels();
            }));
        }
        go.countDown();
        for (Future<Integer> round : rounds) {
            round.get(30, TimeUnit.SECONDS);
        }
        nodes.shutdown();

        assertThat(service.asked.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())))
                .as("queries per number").isEqualTo(numbers.stream().collect(Collectors.toMap(n -> n, n -> 1)));
        assertThat(jdbc.queryForObject("select count(*) from shipment where carrier_code = ? and polled_at is not null",
                Integer.class, carrier)).as("parcels counted as asked").isEqualTo(numbers.size());
    }

    /**
     * A node's round does not wait for another node that is claiming a parcel: it skips that parcel (the other node
     * asks it) and asks the rest at once. Waiting for the lock instead would also ask each parcel once, but would
     * hold a node's round, and its transaction, behind every other node's claim.
     */
    @Test
    void aRoundSkipsTheParcelAnotherNodeIsClaimingInsteadOfWaitingForIt() throws Exception {
        String carrier = "S" + System.nanoTime();
        List<String> numbers = IntStream.rangeClosed(1, 4).mapToObj(i -> carrier + "-" + i).toList();
        quietParcels(carrier, numbers);
        CountingService service = new CountingService(carrier);
        TrackingPoller poller = new TrackingPoller(shipments, new CarrierRouter(List.of(service), List.of(), Set.of()),
                mock(Tracking.class), transactions, Clock.systemUTC(), Duration.ofHours(12), true);
        String claimedElsewhere = numbers.get(0);

        ExecutorService node = Executors.newSingleThreadExecutor();
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (PreparedStatement claim = otherNode.prepareStatement(
                    "select id from shipment where tracking_number = ? for no key update")) {
                claim.setString(1, claimedElsewhere);
                try (ResultSet locked = claim.executeQuery()) {
                    assertThat(locked.next()).as("the other node holds the parcel").isTrue();
                }
            }
            Future<Integer> round = node.submit(poller::pollQuietParcels);
            round.get(10, TimeUnit.SECONDS); // a round that waited for the other node would not end before it does
            otherNode.rollback();
        } finally {
            node.shutdownNow();
        }

        assertThat(service.asked.keySet()).as("numbers asked")
                .containsExactlyInAnyOrderElementsOf(numbers.subList(1, numbers.size()));
        assertThat(jdbc.queryForObject("select polled_at from shipment where tracking_number = ?", Timestamp.class,
                claimedElsewhere)).as("the skipped parcel, left to the node claiming it").isNull();
    }

    /** Registered parcels on their way, without news for two days, never asked. */
    private void quietParcels(String carrier, List<String> numbers) {
        Timestamp twoDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
        long order = jdbc.queryForObject("""
                insert into customer_order (storefront_order_id, status, currency, consumer_name, consumer_email,
                    ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
                values (?, 'SHIPPED', 'EUR', 'Erika', 'erika@example.com', 'Erika', 'Heidestrasse 17', 'Köln', 'DE', ?, ?)
                returning id""", Long.class, carrier, twoDaysAgo, twoDaysAgo);
        long supplier = jdbc.queryForObject("insert into supplier (code, name, region) values (?, ?, 'EU') returning id",
                Long.class, carrier, carrier);
        long purchaseOrder = jdbc.queryForObject("""
                insert into purchase_order (order_id, supplier_id, idempotency_key, status, supply_total, shipping_cost,
                    currency, created_at, updated_at)
                values (?, ?, ?, 'SHIPPED', 6, 2.5, 'EUR', ?, ?)
                returning id""", Long.class, order, supplier, "DF-" + order + "-PO1", twoDaysAgo, twoDaysAgo);
        for (String number : numbers) {
            jdbc.update("""
                    insert into shipment (order_id, purchase_order_id, carrier_code, tracking_number, tracking_key, status,
                        registered_at, last_event_at, created_at)
                    values (?, ?, ?, ?, ?, 'IN_TRANSIT', ?, ?, ?)""", order, purchaseOrder, carrier, number,
                    Shipment.trackingKey(carrier, number), twoDaysAgo, twoDaysAgo, twoDaysAgo);
        }
    }
}
