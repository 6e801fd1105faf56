package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.order.Consumer;
import io.dropflow.order.OrderStatus;
import io.dropflow.support.JpaSliceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/orders' search on PostgreSQL with our migrations: each filter, newest first, pages and the
 * total count; and the statements it sends planned through V28's indexes (PostgreSQL told not to scan
 * the table, it must find an index that serves them: before V28 none did), with the lines of a whole
 * page read in one statement. The orders here are taken in 2041, after any other test's.
 */
@JpaSliceTest
@Import({OrderSearch.class, OrderSearchTest.Recording.class})
class OrderSearchTest {

    private static final Instant DAY = Instant.parse("2041-05-01T00:00:00Z");

    /** Every statement Hibernate sends, as it sends it. */
    static final List<String> SENT = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Recording {
        @Bean
        HibernatePropertiesCustomizer recordStatements() {
            StatementInspector recorder = sql -> {
                SENT.add(sql);
                return sql;
            };
            return properties -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, recorder);
        }
    }

    @Autowired
    private OrderSearch search;
    @Autowired
    private Orders orders;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private jakarta.persistence.EntityManager entities;

    private final List<Long> ids = new ArrayList<>();

    /**
     * Eight orders of 1 May 2041, one an hour from 01:00 (ids ascending), the 5th and 6th in the same
     * instant; statuses cycle through SHIPPED, DELIVERED, OUT_OF_STOCK, SHIPPED... (the 8th is DELIVERED)
     */
    @BeforeEach
    void ordersOfADay() {
        OrderStatus[] statuses = {OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.OUT_OF_STOCK};
        for (int i = 1; i <= 8; i++) {
            Instant at = DAY.plus(Duration.ofHours(i == 6 ? 5 : i));
            Order order = new Order("SEARCH-" + i, "EUR", new Consumer("Erika Mustermann", "erika@example.com", null),
                    OrderFixtures.addressIn("DE"), at);
            order.addLine("DEMO-MUG", 1, new BigDecimal("15.00"));
            order.addLine("DEMO-TEAPOT", 2, new BigDecimal("20.00"));
            order.moveTo(statuses[(i - 1) % 3], at);
            ids.add(orders.save(order).getId());
        }
        orders.flush();
        entities.clear(); // read back from the database, as a request would
        SENT.clear();
    }

    private static OrderSearch.Criteria ofTheDay(Set<OrderStatus> statuses) {
        return new OrderSearch.Criteria(statuses, null, DAY, DAY.plus(Duration.ofDays(1)));
    }

    private List<String> found(Page<OrderSummaryView> page) {
        return page.getContent().stream().map(OrderSummaryView::storefrontOrderId).toList();
    }

    @Test
    void newestFirstAndOfTwoInTheSameInstantTheLaterId() {
        Page<OrderSummaryView> page = search.find(ofTheDay(Set.of()), 0, 50);

        assertThat(found(page)).containsExactly("SEARCH-8", "SEARCH-7", "SEARCH-6", "SEARCH-5", "SEARCH-4",
                "SEARCH-3", "SEARCH-2", "SEARCH-1");
        assertThat(page.getTotalElements()).isEqualTo(8);
        OrderSummaryView newest = page.getContent().get(0);
        assertThat(newest.saleTotal()).isEqualByComparingTo("55.00");
        assertThat(newest.currency()).isEqualTo("EUR");
        assertThat(newest.lines()).isEqualTo(2);
        assertThat(newest.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(newest.createdAt()).isEqualTo(DAY.plus(Duration.ofHours(8)));
    }

    @Test
    void withoutAnyFilterTheNewestOrdersComeFirst() {
        Page<OrderSummaryView> page = search.find(new OrderSearch.Criteria(null, null, null, null), 0, 3);

        assertThat(found(page)).containsExactly("SEARCH-8", "SEARCH-7", "SEARCH-6");
        assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void byOneStatusOrSeveral() {
        assertThat(found(search.find(ofTheDay(Set.of(OrderStatus.SHIPPED)), 0, 50)))
                .containsExactly("SEARCH-7", "SEARCH-4", "SEARCH-1");
        assertThat(found(search.find(ofTheDay(Set.of(OrderStatus.DELIVERED, OrderStatus.OUT_OF_STOCK)), 0, 50)))
                .containsExactly("SEARCH-8", "SEARCH-6", "SEARCH-5", "SEARCH-3", "SEARCH-2");
        assertThat(search.find(ofTheDay(Set.of(OrderStatus.SETTLED)), 0, 50)).isEmpty();
    }

    @Test
    void byTheStorefrontsOrderId() {
        assertThat(found(search.find(new OrderSearch.Criteria(null, "SEARCH-3", null, null), 0, 50)))
                .containsExactly("SEARCH-3");
        assertThat(search.find(new OrderSearch.Criteria(Set.of(OrderStatus.SHIPPED), "SEARCH-3", null, null), 0, 50))
                .as("all filters apply").isEmpty();
    }

    @Test
    void createdFromIsIncludedAndCreatedToIsNot() {
        Page<OrderSummaryView> page = search.find(new OrderSearch.Criteria(null, null, DAY.plus(Duration.ofHours(3)),
                DAY.plus(Duration.ofHours(5))), 0, 50);

        assertThat(found(page)).containsExactly("SEARCH-4", "SEARCH-3");
    }

    @Test
    void pagesFollowOneAnotherWithTheTotalCount() {
        Page<OrderSummaryView> first = search.find(ofTheDay(Set.of()), 0, 3);
        Page<OrderSummaryView> second = search.find(ofTheDay(Set.of()), 1, 3);
        Page<OrderSummaryView> last = search.find(ofTheDay(Set.of()), 2, 3);
        Page<OrderSummaryView> beyond = search.find(ofTheDay(Set.of()), 3, 3);

        assertThat(found(first)).containsExactly("SEARCH-8", "SEARCH-7", "SEARCH-6");
        assertThat(found(second)).containsExactly("SEARCH-5", "SEARCH-4", "SEARCH-3");
        assertThat(found(last)).containsExactly("SEARCH-2", "SEARCH-1");
        assertThat(beyond.getContent()).isEmpty();
        assertThat(List.of(first, second, last, beyond)).allSatisfy(page -> {
            assertThat(page.getTotalElements()).isEqualTo(8);
            assertThat(page.getTotalPages()).isEqualTo(3);
        });
    }

    @Test
    void aPageIsThreeStatementsHoweverManyOrdersItHas() {
        search.find(ofTheDay(Set.of()), 0, 5);

        assertThat(SENT).as("the page, the count, the lines of all five orders: %s", SENT).hasSize(3);
    }

    @Test
    void aStatusIsFoundThroughItsIndexNewestFirst() {
        search.find(new OrderSearch.Criteria(Set.of(OrderStatus.SHIPPED), null, null, null), 0, 2);

        assertThat(plan(sent("order by"), "'SHIPPED'", "0", "2"))
                .contains("ix_customer_order_status_created_at").doesNotContain("Seq Scan").doesNotContain("Sort");
        assertThat(plan(sent("count("), "'SHIPPED'"))
                .contains("ix_customer_order_status_created_at").doesNotContain("Seq Scan");
    }

    @Test
    void theNewestOrdersAreReadFromTheirIndexUnsorted() {
        search.find(new OrderSearch.Criteria(null, null, null, null), 0, 2);

        assertThat(plan(sent("order by"), "0", "2"))
                .contains("Index Scan Backward using ix_customer_order_created_at").doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    @Test
    void aTimeRangeIsReadFromItsIndex() {
        search.find(ofTheDay(Set.of()), 0, 2);

        assertThat(plan(sent("order by"), "'" + DAY + "'", "'" + DAY.plus(Duration.ofDays(1)) + "'", "0", "2"))
                .contains("ix_customer_order_created_at").doesNotContain("Seq Scan");
    }

    private static String sent(String fragment) {
        List<String> matching = SENT.stream().filter(sql -> sql.contains("customer_order") && sql.contains(fragment))
                .toList();
        assertThat(matching).as("statements with %s among %s", fragment, SENT).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    /**
     * PostgreSQL's plan for the statement as Hibernate sent it, with these values for its parameters,
     * when it may not read the whole table: it has to find an index that serves the statement.
     */
    private String plan(String sql, String... values) {
        Matcher parameter = Pattern.compile("\\?").matcher(sql);
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        while (parameter.find()) {
            parameter.appendReplacement(numbered, "\\$" + ++n);
        }
        parameter.appendTail(numbered);
        assertThat(n).as("parameters of %s", sql).isEqualTo(values.length);
        jdbc.execute("set local enable_seqscan = off");
        jdbc.execute("prepare order_search_plan as " + numbered);
        try {
            return jdbc.queryForList("explain execute order_search_plan(" + String.join(", ", values) + ")",
                    String.class).stream().collect(Collectors.joining("\n"));
        } finally {
            jdbc.execute("deallocate order_search_plan");
        }
    }
}
