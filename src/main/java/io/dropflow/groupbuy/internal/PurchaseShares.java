package io.dropflow.groupbuy.internal;

import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One batch purchase order's cost shared between the group-buy orders whose lines it carried: each
 * order's supply at the purchase order's prices, and the shipping split evenly between the orders.
 * Every share is in the supplier currency's minor units (JPY 0, EUR 2, KWD 3 decimals), none is
 * negative, and they add up exactly: {@link Money#allocate} (largest remainder; on a tie the order
 * with the lower id takes the odd unit), never a share rounded on its own and the rest left to one order.
 */
final class PurchaseShares {

    private PurchaseShares() {
    }

    /**
     * @param linesByOrder each group-buy order's lines on this purchase order, by the order's id
     * @return each order's cost, in order of its id
     */
    static Map<Long, Ledger.Cost> of(PurchaseOrderView po, Map<Long, List<GroupBuyLine>> linesByOrder) {
        Map<String, BigDecimal> price = new HashMap<>();
        po.lines().forEach(l -> price.put(l.sku(), l.supplyPrice()));
        Map<Long, List<GroupBuyLine>> sorted = new TreeMap<>(linesByOrder);
        Map<Long, Ledger.Cost> costs = new LinkedHashMap<>();
        if (sorted.isEmpty()) {
            return costs;
        }
        List<BigDecimal> supplies = new ArrayList<>();
        for (List<GroupBuyLine> lines : sorted.values()) {
            supplies.add(lines.stream().map(l -> priceOf(po, price, l).multiply(BigDecimal.valueOf(l.getQuantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        Money supplyTotal = new Money(supplies.stream().reduce(BigDecimal.ZERO, BigDecimal::add), po.currency());
        List<Money> supplyShares = supplyTotal.isZero()
                ? Collections.nCopies(supplies.size(), Money.zero(po.currency()))
                : supplyTotal.allocate(supplies);
        List<Money> shippingShares = new Money(po.shippingCost(), po.currency())
                .allocate(Collections.nCopies(sorted.size(), BigDecimal.ONE));
        int i = 0;
        for (Long orderId : sorted.keySet()) {
            costs.put(orderId, new Ledger.Cost(po.number(), supplyShares.get(i), shippingShares.get(i)));
            i++;
        }
        return costs;
    }

    private static BigDecimal priceOf(PurchaseOrderView po, Map<String, BigDecimal> price, GroupBuyLine line) {
        BigDecimal p = price.get(line.getSku());
        if (p == null) {
            throw new IllegalStateException("purchase order " + po.number() + " has no line for " + line.getSku()
                    + ", which line " + line.getLineNo() + " of group-buy order " + line.getGroupBuyOrderId() + " was on");
        }
        return p;
    }
}
