package io.dropflow.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import io.dropflow.support.JpaSliceTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger on PostgreSQL: settling twice books once; a claim after settlement adjusts the margin. */
@JpaSliceTest
@Import(LedgerService.class)
class LedgerServiceTest {

    @Autowired
    Ledger ledger;
    @Autowired
    JdbcTemplate jdbc;

    /** Entries belong to an order row (a foreign key): a bare one, as the order feature would have stored it. */
    private long anOrder() {
        return jdbc.queryForObject("""
                insert into customer_order (storefront_order_id, status, currency, consumer_name, consumer_email,
                    ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
                values (gen_random_uuid()::text, 'DELIVERED', 'EUR', 'Erika', 'erika@example.com', 'Erika',
                    'Heidestrasse 17', 'Köln', 'DE', now(), now())
                returning id""", Long.class);
    }

    @Test
    void settlingTwiceBooksOnce() {
        long order = anOrder();
        Ledger.Settlement settlement = new Ledger.Settlement(order, "EUR", new BigDecimal("15.00"), "DF-" + order + "-PO1",
                new BigDecimal("6.00"), new BigDecimal("2.50"));

        BigDecimal first = ledger.settle(settlement);
        BigDecimal second = ledger.settle(settlement);

        assertThat(first).isEqualByComparingTo("6.05"); // 15.00 - 6.00 - 2.50 - 3 % fee of 0.45
        assertThat(second).isEqualByComparingTo(first);
        assertThat(ledger.entriesOf(order)).extracting(LedgerEntry::type).containsExactly(LedgerEntryType.SALE,
                LedgerEntryType.SUPPLY_COST, LedgerEntryType.SHIPPING_COST, LedgerEntryType.PLATFORM_FEE);
        assertThat(ledger.isSettled(order)).isTrue();
    }

    @Test
    void aClaimBookedAfterSettlementAdjustsTheMarginOnce() {
        long order = anOrder();
        ledger.settle(new Ledger.Settlement(order, "EUR", new BigDecimal("15.00"), "DF-" + order + "-PO1",
                new BigDecimal("6.00"), new BigDecimal("2.50")));

        ledger.bookClaim(order, "DF-CL1", "EUR", new BigDecimal("5.00"), BigDecimal.ZERO, new BigDecimal("5.00"));
        ledger.bookClaim(order, "DF-CL1", "EUR", new BigDecimal("5.00"), BigDecimal.ZERO, new BigDecimal("5.00"));

        assertThat(ledger.margin(order)).isEqualByComparingTo("6.05");
        assertThat(ledger.entriesOf(order)).filteredOn(e -> e.reference().equals("DF-CL1"))
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerEntryType.CLAIM_REFUND, LedgerEntryType.SUPPLIER_CHARGEBACK);
    }

    @Test
    void aRefundNetsTheOrderOut() {
        long order = anOrder();

        ledger.refund(order, new BigDecimal("39.00"), "EUR");

        assertThat(ledger.margin(order)).isEqualByComparingTo("0");
        assertThat(ledger.isSettled(order)).isFalse();
    }
}
