package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderTimeline;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A batch's settlement shares each purchase order between the orders it carried: each order's supply
 * and an even share of the shipping, in the supplier currency's minor units, never negative (a credit),
 * adding up to exactly what the purchase order cost (largest remainder, as {@link Money#allocate}).
 */
class BatchSettlementSharesTest {

    private static final long BATCH = 7L;
    private static final long PURCHASE = 3L;
    private static final long PURCHASE_ORDER = 42L;

    private final Batches batches = mock(Batches.class);
    private final Purchases purchases = mock(Purchases.class);
    private final GroupBuyOrders orders = mock(GroupBuyOrders.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final Ledger ledger = mock(Ledger.class);
    private final BatchSettlement settlement = new BatchSettlement(batches, purchases, orders, purchasing, ledger,
            mock(OrderProgress.class), mock(OrderTimeline.class), Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"),
                    ZoneOffset.UTC));

    @Test
    void twoCentsOfShippingOverFourOrdersGiveNoOrderACredit() {
        List<Ledger.Cost> costs = settle("EUR", "0.02", "2.00", 1, 1, 1, 1);

        assertThat(shipping(costs)).containsExactly("0.01", "0.01", "0.00", "0.00");
        assertAddsUp(costs, "0.02", "8.00");
    }

    @Test
    void twoFiftyOverFourOrdersGivesTheOddCentsToTheFirstOrders() {
        List<Ledger.Cost> costs = settle("EUR", "2.50", "2.00", 1, 1, 1, 1);

        assertThat(shipping(costs)).containsExactly("0.63", "0.63", "0.62", "0.62");
        assertAddsUp(costs, "2.50", "8.00");
    }

    @Test
    void yenAreSharedInWholeYen() {
        List<Ledger.Cost> costs = settle("JPY", "1000", "333", 1, 2, 1);

        assertThat(shipping(costs)).containsExactly("334", "333", "333");
        assertThat(supply(costs)).containsExactly("333", "666", "333");
        assertAddsUp(costs, "1000", "1332");
    }

    @Test
    void kuwaitiDinarsAreSharedInFils() {
        List<Ledger.Cost> costs = settle("KWD", "1.000", "0.125", 1, 1, 1);

        assertThat(shipping(costs)).containsExactly("0.334", "0.333", "0.333");
        assertThat(supply(costs)).containsExactly("0.125", "0.125", "0.125");
        assertAddsUp(costs, "1.000", "0.375");
    }

    /** A supply price with more decimals than the currency: the orders' supply adds up to the purchase order's. */
    @Test
    void supplyPricedFinerThanTheCurrencyAddsUpToThePurchaseOrdersSupply() {
        List<Ledger.Cost> costs = settle("EUR", "1.00", "0.333", 1, 1, 1);

        assertThat(supply(costs)).containsExactly("0.34", "0.33", "0.33");
        assertAddsUp(costs, "1.00", "1.00");
    }

    /** The ledger gets a purchase order's shares together, by the orders' ids, to convert them as a whole. */
    @Test
    void thePurchaseOrdersSharesGoToTheLedgerTogether() {
        List<Ledger.Cost> costs = settle("KWD", "0.500", "1.234", 1, 1, 2);

        verify(ledger).bookShares(Map.of(1000L, costs.get(0), 1001L, costs.get(1), 1002L, costs.get(2)));
    }

    /**
     * Settles a batch of one purchase order (shipping {@code shipping}, each piece at {@code supplyPrice}) and
     * orders of {@code pieces} each, all collected. @return each order's cost, by the order's id
     */
    private List<Ledger.Cost> settle(String currency, String shipping, String supplyPrice, int... pieces) {
        Leader leader = mock(Leader.class);
        when(leader.getCode()).thenReturn("LEO");
        when(leader.commissionOn(any())).thenAnswer(a -> Money.zero(a.<Money>getArgument(0).currency()));
        PickupPoint point = mock(PickupPoint.class);
        when(point.getLeader()).thenReturn(leader);
        Batch batch = mock(Batch.class);
        when(batch.getPickupPoint()).thenReturn(point);
        when(batches.locked(BATCH)).thenReturn(batch);
        Purchase purchase = new Purchase(BATCH, 1, 5L, 1, null);
        purchase.forwarded(PURCHASE_ORDER);
        when(purchases.findById(PURCHASE)).thenReturn(Optional.of(purchase));
        List<GroupBuyOrder> inBatch = new ArrayList<>();
        int total = 0;
        // Orders found in another order than their ids': the shares follow the ids
        for (int i = pieces.length - 1; i >= 0; i--) {
            GroupBuyOrder order = new GroupBuyOrder(1000L + i, BATCH, "CODE" + i, currency, Instant.EPOCH);
            ReflectionTestUtils.setField(order, "id", 100L + i);
            order.addLine(1, "RICE", pieces[i], new BigDecimal("5000"));
            order.getLines().forEach(l -> {
                l.orderOn(PURCHASE);
                l.arrived();
                l.collected();
            });
            inBatch.add(order);
            total += pieces[i];
        }
        when(orders.withLinesOfBatch(BATCH)).thenReturn(inBatch);
        when(purchasing.purchaseOrder(PURCHASE_ORDER)).thenReturn(new PurchaseOrderView(PURCHASE_ORDER, null, 5L, "RICE",
                "Rice Co", 80, "DF-B7-PO1", PurchaseOrderStatus.SHIPPED, "REF", null,
                new BigDecimal(supplyPrice).multiply(BigDecimal.valueOf(total)), new BigDecimal(shipping), currency, null,
                null, null, 24, null, null, 0, null, null, 0,
                List.of(new PurchaseOrderView.Line("RICE", "R-1", total, new BigDecimal(supplyPrice))), BATCH, null, null));
        when(ledger.settleGroupBuy(any())).thenReturn(Money.zero("EUR"));

        assertThat(settlement.settle(BATCH)).isEqualTo(pieces.length);

        ArgumentCaptor<Ledger.GroupBuySettlement> settled = ArgumentCaptor.forClass(Ledger.GroupBuySettlement.class);
        verify(ledger, atLeastOnce()).settleGroupBuy(settled.capture());
        return settled.getAllValues().stream().sorted(Comparator.comparing(Ledger.GroupBuySettlement::orderId))
                .map(s -> {
                    assertThat(s.costs()).hasSize(1);
                    return s.costs().get(0);
                }).toList();
    }

    private static List<String> shipping(List<Ledger.Cost> costs) {
        return costs.stream().map(c -> c.shipping().amount().toPlainString()).toList();
    }

    private static List<String> supply(List<Ledger.Cost> costs) {
        return costs.stream().map(c -> c.supply().amount().toPlainString()).toList();
    }

    private static void assertAddsUp(List<Ledger.Cost> costs, String shipping, String supply) {
        costs.forEach(c -> {
            assertThat(c.shipping().amount()).as("no order's shipping is a credit").isNotNegative();
            assertThat(c.supply().amount()).as("no order's supply is a credit").isNotNegative();
        });
        assertThat(costs.stream().map(c -> c.shipping().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(shipping);
        assertThat(costs.stream().map(c -> c.supply().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(supply);
    }
}
