package io.dropflow.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.LedgerEntry;
import io.dropflow.settlement.LedgerEntryType;
import io.dropflow.settlement.Money;
import io.dropflow.support.JpaSliceTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exploratory finding s15 money 3: a purchase order's costs are converted into the settlement currency as a
 * whole, as validation converts its landed cost, and split into supply and shipping (and a batch's orders'
 * shares) by largest remainder, so the entries add up to the whole converted, never a cent more or less.
 */
@JpaSliceTest
@Import({LedgerService.class, ExchangeRateService.class, LedgerLocks.class, LedgerServiceTest.Fees.class})
@EnableConfigurationProperties(SettlementSettings.class)
class LedgerCostConversionTest {

    private static final Instant LAST_WEEK = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    Ledger ledger;
    @Autowired
    ExchangeRates rates;
    @Autowired
    JdbcTemplate jdbc;

    private long anOrder(String currency) {
        return LedgerServiceTest.bareOrder(jdbc, currency);
    }

    /**
     * Order 16 of the exploration: 3 x 333 JPY and 301 JPY shipping at 1 EUR = 160 JPY is 8.125 EUR, validated as
     * 8.13 EUR (landedCostInOrderCurrency); converted one by one, 6.24 + 1.88 = 8.12 EUR were booked.
     */
    @Test
    void aPurchaseOrdersSupplyAndShippingAddUpToItsLandedCostConverted() {
        rates.add(new ExchangeRate("EUR", "JPY", new BigDecimal("160"), LAST_WEEK));
        long order = anOrder("EUR");
        Money supply = Money.of("999", "JPY");
        Money shipping = Money.of("301", "JPY");

        ledger.settle(new Ledger.Settlement(order, "WEBSHOP", Money.of("9.99", "EUR"), "DF-" + order + "-PO1", supply,
                shipping));

        Money landed = rates.convert(supply.plus(shipping), "EUR", Instant.now()).to();
        assertThat(landed).isEqualTo(Money.of("8.13", "EUR"));
        assertThat(entries(order, LedgerEntryType.SUPPLY_COST, LedgerEntryType.SHIPPING_COST))
                .containsExactly("-6.25 -999 JPY", "-1.88 -301 JPY");
        assertThat(costsOf(order)).isEqualByComparingTo("-8.13");
    }

    /** Order 23: 1 JPY and 1 JPY sold for 0.01 EUR, validated as not loss-making, booked a margin of -0.01 EUR. */
    @Test
    void anOrderValidatedAsNotLossMakingBooksNoLoss() {
        rates.add(new ExchangeRate("EUR", "JPY", new BigDecimal("160"), LAST_WEEK));
        long order = anOrder("EUR");

        Money margin = ledger.settle(new Ledger.Settlement(order, "WEBSHOP", Money.of("0.01", "EUR"),
                "DF-" + order + "-PO1", Money.of("1", "JPY"), Money.of("1", "JPY")));

        assertThat(costsOf(order)).isEqualByComparingTo("-0.01"); // 2 JPY = 0.0125 EUR
        assertThat(margin).isEqualTo(Money.of("0.00", "EUR"));
    }

    /**
     * Batch 3: a KWD purchase order of 4 x 1.234 KWD and 0.500 KWD shipping shared by three orders (1.234, 1.234,
     * 2.468; 0.167, 0.167, 0.166) at 1 EUR = 0.35 KWD: the supply came to -3.53 -3.53 -7.05 = -14.11 EUR for
     * 4.936 KWD (14.10 EUR), the whole to 15.54 EUR for 5.436 KWD (15.53 EUR).
     */
    @Test
    void aBatchPurchaseOrdersSharesAddUpToThePurchaseOrderConverted() {
        rates.add(new ExchangeRate("EUR", "KWD", new BigDecimal("0.35"), LAST_WEEK));
        String po = "DF-B3-PO1";
        Map<Long, Ledger.Cost> shares = new LinkedHashMap<>();
        shares.put(anOrder("EUR"), new Ledger.Cost(po, Money.of("1.234", "KWD"), Money.of("0.167", "KWD")));
        shares.put(anOrder("JPY"), new Ledger.Cost(po, Money.of("1.234", "KWD"), Money.of("0.167", "KWD")));
        shares.put(anOrder("KWD"), new Ledger.Cost(po, Money.of("2.468", "KWD"), Money.of("0.166", "KWD")));

        ledger.bookShares(shares);
        ledger.bookShares(shares);
        shares.forEach((order, cost) -> ledger.settleGroupBuy(new Ledger.GroupBuySettlement(order,
                Money.zero("EUR"), List.of(cost), "LEO", Money.zero("EUR"))));

        assertThat(shares.keySet().stream().flatMap(order -> entries(order, LedgerEntryType.SUPPLY_COST,
                LedgerEntryType.SHIPPING_COST).stream()).toList()).containsExactly(
                        "-3.53 -1.234 KWD", "-0.48 -0.167 KWD", "-3.52 -1.234 KWD", "-0.48 -0.167 KWD",
                        "-7.05 -2.468 KWD", "-0.47 -0.166 KWD");
        BigDecimal supply = BigDecimal.ZERO;
        BigDecimal all = BigDecimal.ZERO;
        for (Long order : shares.keySet()) {
            assertThat(entries(order, LedgerEntryType.SUPPLY_COST)).hasSize(1);
            assertThat(entries(order, LedgerEntryType.SHIPPING_COST)).hasSize(1);
            supply = supply.add(amountOf(order, LedgerEntryType.SUPPLY_COST));
            all = all.add(costsOf(order));
        }
        assertThat(supply).isEqualByComparingTo("-14.10");
        assertThat(all).isEqualByComparingTo("-15.53");
        assertThat(rates.convert(Money.of("5.436", "KWD"), "EUR", Instant.now()).to()).isEqualTo(Money.of("15.53", "EUR"));
    }

    private List<String> entries(long order, LedgerEntryType... types) {
        List<LedgerEntryType> wanted = List.of(types);
        return ledger.entriesOf(order).stream().filter(e -> wanted.contains(e.type()))
                .map(e -> e.amount().toPlainString() + " " + e.originalAmount().toPlainString() + " "
                        + e.originalCurrency())
                .toList();
    }

    private BigDecimal costsOf(long order) {
        return amountOf(order, LedgerEntryType.SUPPLY_COST).add(amountOf(order, LedgerEntryType.SHIPPING_COST));
    }

    private BigDecimal amountOf(long order, LedgerEntryType type) {
        return ledger.entriesOf(order).stream().filter(e -> e.type() == type).map(LedgerEntry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
