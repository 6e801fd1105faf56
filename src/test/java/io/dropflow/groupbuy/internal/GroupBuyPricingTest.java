package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.order.GroupBuyDesk;
import io.dropflow.order.OrderDeadlinesTable;
import io.dropflow.settlement.FixedExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.SupplierView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group-buy order's lines checked at intake as validation checks a home delivery: each line's sale
 * covers the cheapest supply of its pieces, the platform fee, the leader's commission and the minimum
 * margin of order-deadlines.dmn, in the settlement currency; shipping, shared by the batch, is left out.
 */
class GroupBuyPricingTest {

    private static final SupplierView ACME = new SupplierView(1L, "ACME", "Acme", "DE", 95, true);
    private static final SupplierView YIWU = new SupplierView(3L, "YIWU", "Yiwu", "CN", 90, true);

    private static final SupplierView GAMMA = new SupplierView(7L, "GAMMA", "Gamma", "CN", 99, true);

    private final List<OfferView> offers = new ArrayList<>();
    private final Catalog catalog = mock(Catalog.class);
    private BigDecimal minimumMarginRate = BigDecimal.ZERO;
    private GroupBuyPricing pricing;
    private PickupPoint point;

    @BeforeEach
    void setUp() {
        when(catalog.activeOffersFor(any())).thenAnswer(i -> offers);
        when(catalog.whyNotServed("GAMMA")).thenReturn(java.util.Optional.of(
                "no adapter serves it: bind it under dropflow.suppliers.http.GAMMA or dropflow.suppliers.cj.GAMMA"));
        Ledger ledger = mock(Ledger.class);
        when(ledger.platformFee(eq(Ledger.GROUP_BUY), any()))
                .thenAnswer(i -> ((Money) i.getArgument(1)).times(new BigDecimal("0.03")));
        OrderDeadlinesTable table = channel -> new OrderDeadlinesTable.Deadlines(new BigDecimal("0.75"), 4, 90, 24, 24,
                72, minimumMarginRate);
        pricing = new GroupBuyPricing(catalog, new FixedExchangeRates().with("CNY", "EUR", "0.125"), ledger,
                new GroupBuyDeadlines(table, new io.dropflow.order.SlaSettings(Duration.ofHours(1), Duration.ofHours(1))),
                Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC));
        Leader leader = new Leader("LEO", "Leo", null, null, "leo", new BigDecimal("0.10"), Instant.EPOCH);
        point = new PickupPoint("P", new PickupPoint.Address("P", "1 Road", null, "Berlin", null, null, "DE"),
                ZoneId.of("Europe/Berlin"), leader, Instant.EPOCH);
    }

    private void offer(SupplierView supplier, String sku, String price, String shipping, String currency) {
        offers.add(new OfferView((long) offers.size() + 1, supplier, sku, supplier.code() + "-" + sku,
                new BigDecimal(price), new BigDecimal(shipping), currency, 100, supplier.region(), 48, "general"));
    }

    private static GroupBuyDesk.Request order(String currency, GroupBuyDesk.Line... lines) {
        return new GroupBuyDesk.Request("SHOP-1", "P", currency, List.of(lines));
    }

    private static GroupBuyDesk.Line line(int lineNo, String sku, int quantity, String salePrice) {
        return new GroupBuyDesk.Line(lineNo, sku, quantity, new BigDecimal(salePrice));
    }

    /**
     * The cutoff buys from no supplier an adapter does not serve (BatchSourcing): its cheaper offer neither hides a
     * line sold below what a served supplier asks, nor makes a SKU only it offers orderable (closing note s15).
     */
    @Test
    void anOfferOfASupplierNoAdapterServesNeitherHidesALossNorSuppliesALine() {
        offer(ACME, "MUG", "6.00", "2.50", "EUR");
        offer(GAMMA, "MUG", "1.00", "0.50", "EUR");
        offer(GAMMA, "VASE", "3.00", "0.50", "EUR");

        GroupBuyProblem belowCost = catchThrowableOfType(() -> pricing.check(point,
                order("EUR", line(1, "MUG", 1, "5.00"))), GroupBuyProblem.class);
        GroupBuyProblem unsupplied = catchThrowableOfType(() -> pricing.check(point,
                order("EUR", line(1, "VASE", 1, "9.00"))), GroupBuyProblem.class);

        assertThat(belowCost).as("GAMMA's 1.00 is not what the cutoff would pay").isNotNull();
        assertThat(belowCost.getBody().getType().toString()).endsWith("below-cost");
        assertThat(unsupplied).isNotNull();
        assertThat(unsupplied.getBody().getType().toString()).endsWith("no-active-supplier");
    }

    @Test
    void aLineSoldBelowTheCheapestSupplyIsRefusedNamingTheLine() {
        offer(ACME, "MUG", "6.00", "2.50", "EUR");
        offer(ACME, "LAMP", "18.00", "4.00", "EUR");

        GroupBuyProblem refused = catchThrowableOfType(() -> pricing.check(point,
                order("EUR", line(1, "LAMP", 1, "30.00"), line(2, "MUG", 2, "0"))), GroupBuyProblem.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().getType().toString()).endsWith("/below-cost");
        assertThat(refused.getMessage()).contains("lines[1]", "MUG", "12.00 EUR").doesNotContain("lines[0]");
        assertThat(refused.getBody().getProperties()).containsEntry("lines", List.of("lines[1]"))
                .containsEntry("skus", List.of("MUG"));
    }

    @Test
    void theFeeTheLeadersCommissionAndTheMinimumMarginCountShippingDoesNot() {
        offer(ACME, "MUG", "6.00", "2.50", "EUR");

        // 7.00: 6.00 supply, 0.21 fee, 0.70 commission leave 0.09; the 2.50 shipping is the batch's
        assertThatCode(() -> pricing.check(point, order("EUR", line(1, "MUG", 1, "7.00")))).doesNotThrowAnyException();
        // 6.50: 6.00 supply, 0.20 fee, 0.65 commission: a loss of 0.35
        assertThatCode(() -> pricing.check(point, order("EUR", line(1, "MUG", 1, "6.50"))))
                .isInstanceOf(GroupBuyProblem.class).hasMessageContaining("lines[0]");
        // order-deadlines.dmn asks for 5 % of the sale: 7.00 leaves 0.09, less than 0.35
        minimumMarginRate = new BigDecimal("0.05");
        assertThatCode(() -> pricing.check(point, order("EUR", line(1, "MUG", 1, "7.00"))))
                .isInstanceOf(GroupBuyProblem.class).hasMessageContaining("5 %");
    }

    @Test
    void theCheapestOfferCountsConvertedIntoTheSettlementCurrencyAndAnSkuNobodyCanPriceIsLeftToTheCutoff() {
        offer(ACME, "TEA", "9.00", "1.00", "EUR");
        offer(YIWU, "TEA", "40.00", "1.00", "CNY");   // 5.00 EUR
        offer(YIWU, "CUP", "40.00", "1.00", "USD");   // no rate: the cutoff's sourcing leaves it out as well

        assertThatCode(() -> pricing.check(point, order("EUR", line(1, "TEA", 1, "6.00"), line(2, "CUP", 1, "0.01"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> pricing.check(point, order("CNY", line(1, "TEA", 1, "32.00"))))   // 4.00 EUR
                .isInstanceOf(GroupBuyProblem.class).hasMessageContaining("TEA");
    }

    /**
     * The exploratory test's group-buy item 3: an order in JPY (no rate to EUR) at 1 JPY was taken (201) and
     * settled at a loss, while 1.00 EUR was a 422 below-cost. Its sale cannot be compared with any cost: it is
     * refused naming the missing rate and where to add it, whatever the lines.
     */
    @Test
    void anOrderInACurrencyWithoutARateIsRefusedNamingTheMissingRate() {
        offer(ACME, "MUG", "6.00", "2.50", "EUR");

        GroupBuyProblem refused = catchThrowableOfType(() -> pricing.check(point, order("JPY", line(1, "MUG", 1, "1"))),
                GroupBuyProblem.class);

        assertThat(refused).as("a JPY order without a JPY rate is not taken unchecked").isNotNull();
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().getType().toString()).endsWith("/no-exchange-rate");
        assertThat(refused.getBody().getDetail()).startsWith("no exchange rate from JPY to EUR valid at 2026-03-10T10:00:00Z")
                .endsWith("add one (POST /api/exchange-rates)");
        assertThat(refused.getBody().getProperties()).containsEntry("currency", "JPY")
                .containsEntry("settlementCurrency", "EUR");
        // A currency with a rate is checked as before
        assertThatCode(() -> pricing.check(point, order("CNY", line(1, "MUG", 1, "80.00")))).doesNotThrowAnyException();
    }

    /**
     * Item 4 of the exploratory test (routing): ACME, DEMO-MUG's only supplier, suspended, and a group-buy
     * order for it was taken (201), then FORWARDED at the cutoff with no purchase order. Refused at intake,
     * naming the SKU, before any price is looked at.
     */
    @Test
    void anSkuNoActiveSupplierOffersIsRefusedNamingIt() {
        offer(ACME, "TEA", "1.00", "1.00", "EUR"); // active offers only, as the catalog gives them: no MUG, no VASE

        GroupBuyProblem refused = catchThrowableOfType(() -> pricing.check(point, order("EUR", line(1, "MUG", 1, "15.00"),
                line(2, "TEA", 1, "6.00"), line(3, "VASE", 1, "9.00"))), GroupBuyProblem.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().getType().toString()).endsWith("no-active-supplier");
        assertThat(refused.getBody().getDetail()).startsWith("no active supplier offers SKU MUG, VASE now");
        assertThat(refused.getBody().getProperties()).containsEntry("skus", List.of("MUG", "VASE"));
    }
}
