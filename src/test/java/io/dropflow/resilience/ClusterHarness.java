package io.dropflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.TestPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the crash and cluster tests share: a database of their own on the test PostgreSQL server,
 * node settings for quick runs, the supplier and offer the remote partners serve, and the checks
 * that every order finished with nothing done twice at the partners.
 */
final class ClusterHarness {

    final String jdbcUrl;

    ClusterHarness(String database) {
        this.jdbcUrl = TestPostgres.jdbcUrl(database + "_" + System.nanoTime());
    }

    /**
     * Node settings: a short return window so orders settle in seconds; a short job lock so a dead
     * node's jobs are taken over soon; the remote supplier's limit; and any {@code -Dnode.<property>=<value>} given to the build, for
     * an experiment (e.g. {@code -Dnode.camunda.bpm.job-execution.core-pool-size=12}).
     */
    static Map<String, String> quickNodeSettings(RemotePartners partners) {
        Map<String, String> settings = new HashMap<>(partners.nodeProperties());
        settings.put("dropflow.after-sales.day", "PT0.05S");
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", "15000");
        // The remote supplier takes 20 calls a second (a supplier on Dropflow's API gets 5 unless its
        // limit is set): with 5, the node's job threads waited for their turn with the CPU half idle.
        settings.put("dropflow.partners.limits.supplier-api.requests-per-second", "20");
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("node.")) {
                settings.put(key.substring(5), System.getProperty(key));
            }
        }
        return settings;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void seedSupplier() throws SQLException {
        update("insert into supplier (code, name, region, score) values ('" + RemotePartners.SUPPLIER + "', 'Remote Goods', 'DE', 95)");
        update("insert into supplier_offer (supplier_id, sku, supplier_sku, supply_price, shipping_cost, currency, stock_level,"
                + " ship_from_region, ship_by_hours) select id, '" + RemotePartners.SKU + "', 'RG-1', 5.00, 1.00, 'EUR', 1000000,"
                + " 'DE', 48 from supplier where code = '" + RemotePartners.SUPPLIER + "'");
    }

    long closedOrders() {
        return count("select count(*) from customer_order where status in ('SETTLED', 'CANCELLED')");
    }

    long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Map<String, Long> countsBy(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return counts;
    }

    private void update(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    /** Unfinished orders with where their process stands, their jobs, inbox messages and purchase orders. */
    Map<String, Long> unfinished() {
        return countsBy("select concat_ws(' | ', o.id, o.status,"
                + " (select string_agg(coalesce(e.act_id_, '-'), ',') from act_ru_execution e where e.proc_inst_id_ in"
                + "   (select proc_inst_id_ from act_ru_execution where business_key_ = 'order-' || o.id)),"
                + " (select string_agg(concat(j.type_, ' ', j.retries_, ' ', j.lock_owner_, ' ', left(j.exception_msg_, 120)), ';')"
                + "   from act_ru_job j where j.process_instance_id_ in"
                + "   (select proc_inst_id_ from act_ru_execution where business_key_ = 'order-' || o.id)),"
                + " (select string_agg(concat(m.message_name, ' ', m.status, ' ', m.correlation_value), ',')"
                + "   from inbox_message m where m.business_key = o.id::text),"
                + " (select string_agg(concat(p.idempotency_key, ' ', p.status), ',') from purchase_order p where p.order_id = o.id)),"
                + " 1 from customer_order o where o.status not in ('SETTLED', 'CANCELLED') limit 5");
    }

    void waitUntil(BooleanSupplier condition, Duration timeout, String what, RemotePartners partners) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "; orders by status "
                        + countsBy("select status, count(*) from customer_order group by status") + "; "
                        + figures(partners) + "; refused e.g. " + partners.refused.stream().limit(3).toList()
                        + "; unfinished e.g. " + unfinished().keySet());
            }
            DropflowNode.sleep(500);
        }
    }

    /**
     * Every order settled or cancelled; at the partners, one purchase order per order (a key may
     * come again on a retry: the same order), one fulfillment per settled order, one refund per
     * cancelled order and nothing else; in the database, no second shipment or settlement, no job
     * but the history cleanup's, no incident, no process left running, no partner event undelivered.
     */
    void assertEveryOrderFinishedOnce(RemotePartners partners, int orders) {
        Map<String, Long> statuses = countsBy("select status, count(*) from customer_order group by status");
        assertThat(statuses.keySet()).as("order statuses " + statuses).isSubsetOf("SETTLED", "CANCELLED");
        assertThat(statuses.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(orders);

        Map<String, Long> ordersById = countsBy("select id, storefront_order_id::bigint from customer_order");
        Map<String, Long> statusById = countsBy("select id, case when status = 'SETTLED' then 1 else 0 end from customer_order");
        assertThat(partners.purchaseOrders.keySet()).as("purchase order keys the supplier received")
                .hasSize(orders).allMatch(key -> key.matches("DF-\\d+-PO1") && ordersById.containsKey(key.split("-")[1]));
        for (var order : ordersById.entrySet()) {
            long shop = order.getValue();
            boolean settled = statusById.get(order.getKey()) == 1;
            assertThat(partners.shopify.fulfillments.getOrDefault(shop, List.of())).as("fulfillments of order " + order.getKey())
                    .hasSize(settled ? 1 : 0);
            assertThat(partners.shopify.refunds.getOrDefault(shop, List.of())).as("refunds of order " + order.getKey())
                    .hasSize(settled ? 0 : 1);
        }
        assertThat(count("select count(*) from (select order_id from shipment group by order_id having count(*) > 1) s"))
                .as("orders with a second shipment").isZero();
        assertThat(count("select count(*) from (select order_id from ledger_entry where entry_type in ('PLATFORM_FEE', 'REFUND')"
                + " group by order_id having count(*) > 1) s")).as("orders settled or refunded twice").isZero();
        assertThat(count("select count(*) from ledger_entry where entry_type = 'PLATFORM_FEE'")).as("settlements booked")
                .isEqualTo(statuses.getOrDefault("SETTLED", 0L));
        assertThat(count("select count(*) from ledger_entry where entry_type = 'REFUND'")).as("refunds booked")
                .isEqualTo(statuses.getOrDefault("CANCELLED", 0L));
        assertThat(countsBy("select concat(act_id_, ' of ', proc_inst_id_), count(*) from act_hi_actinst where act_id_ in"
                + " ('timer_return_window_elapsed', 'service_settle_order', 'service_refund_consumer',"
                + " 'service_forward_purchase_order', 'service_sync_tracking_to_storefront')"
                + " group by act_id_, proc_inst_id_ having count(*) > 1")).as("timers fired or steps done twice").isEmpty();
        assertThat(countsBy("select handler_type_, count(*) from act_ru_job where handler_type_ <> 'history-cleanup'"
                + " group by handler_type_")).as("jobs left").isEmpty();
        assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
        assertThat(count("select count(*) from act_ru_execution")).as("executions left").isZero();
        assertThat(countsBy("select concat_ws(' ', m.status, m.source, m.message_name, m.business_key, m.correlation_value,"
                + " 'attempts', m.attempts, 'order', o.status), 1 from inbox_message m left join customer_order o"
                + " on o.id::text = m.business_key where m.status in ('PENDING', 'EXPIRED')"))
                .as("partner events not delivered").isEmpty();
    }

    /** Successful jobs by the node that executed them (each node's engine has its own hostname). */
    Map<String, Long> jobsByNode() {
        return countsBy("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_ order by hostname_");
    }

    /** What the run did, for the log and the closing note. */
    String figures(RemotePartners partners) {
        long repeatedKeys = partners.purchaseOrders.values().stream().filter(n -> n.get() > 1).count();
        long requests = partners.purchaseOrders.values().stream().mapToLong(java.util.concurrent.atomic.AtomicInteger::get).sum();
        return "purchase orders: " + partners.purchaseOrders.size() + " keys in " + requests + " requests (" + repeatedKeys
                + " keys sent more than once); cancellations asked: " + partners.cancellations.size()
                + "; fulfillments: " + partners.shopify.fulfillments.values().stream().mapToInt(List::size).sum()
                + "; refunds: " + partners.shopify.refunds.values().stream().mapToInt(List::size).sum()
                + "; partner calls retried while no node answered: " + partners.callsRetried.get()
                + "; calls refused: " + partners.refused.size() + "; partner events not awaited: "
                + countsBy("select message_name, count(*) from inbox_message where status = 'NOT_AWAITED' group by message_name");
    }
}
