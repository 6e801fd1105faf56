package io.dropflow.order.internal;

import io.dropflow.settlement.Money;
import io.dropflow.supplier.OfferView;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What buying an order from a ranked supplier costs at the catalog's price of now, and whether the order's margin
 * rules still hold at it. Ranking compared the prices of its moment; a backup is bought later (after a decline, or
 * an operator's reroute on a missed deadline), and its catalog manager may have changed its price meanwhile: a 29.00
 * EUR kettle ranked at 14.00 EUR was bought at 80.00 (exploratory test, session 12). A price that differs from the
 * one ranking kept is checked the way validation checks the cheapest offer: supply and shipping converted into the
 * order's currency plus the platform fee may not exceed the sale, nor leave less than the order's minimum margin
 * ({@code minimumMarginRate} of order-deadlines.dmn). A price ranking saw is not checked again: a supplier that would
 * sell at a loss then is what supplier-selection.dmn ranks as a last resort. The shipping cost ranking counted is
 * compared too (kept since V65; a ranking made before kept only the supply total).
 */
@Component
class PriceAtPurchase {

    private final OrderPricing pricing;

    PriceAtPurchase(OrderPricing pricing) {
        this.pricing = pricing;
    }

    /** The order's supply and shipping at these offers, in the offers' currency (one purchase order has one). */
    record Cost(Money supply, Money shipping) {

        static Cost of(Order order, Map<String, OfferView> offerBySku) {
            String currency = offerBySku.get(order.getLines().get(0).getSku()).currency();
            BigDecimal supply = BigDecimal.ZERO;
            BigDecimal shipping = BigDecimal.ZERO;
            for (OrderLine line : order.getLines()) {
                OfferView offer = offerBySku.get(line.getSku());
                supply = supply.add(offer.supplyPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
                shipping = shipping.max(offer.shippingCost()); // the parcel ships whole: the dearest offer's shipping
            }
            return new Cost(new Money(supply, currency), new Money(shipping, currency));
        }

        Money landed() {
            return supply.plus(shipping);
        }
    }

    /** The cost in the order's currency at today's rate; empty when Dropflow keeps no such rate. */
    Optional<Money> inOrderCurrency(Order order, Cost cost) {
        return pricing.inCurrencyOf(order, cost.landed());
    }

    /**
     * Why the order may not be bought from {@code candidate} at {@code offerBySku} (one offer per SKU of the order):
     * the supply total (or the shipping cost) differs from the one ranking kept and the margin at it breaks the
     * order's rules. Empty when
     * the price is the one ranked, or the margin holds.
     */
    Optional<String> whyNot(Order order, SourcingCandidate candidate, Map<String, OfferView> offerBySku,
            BigDecimal minimumMarginRate) {
        Cost cost = Cost.of(order, offerBySku);
        BigDecimal ranked = candidate.getSupplyTotal();
        BigDecimal rankedShipping = candidate.getShippingCost(); // null: a ranking made before it was kept
        boolean supplyChanged = ranked != null && ranked.compareTo(cost.supply().amount()) != 0;
        boolean shippingChanged = rankedShipping != null && rankedShipping.compareTo(cost.shipping().amount()) != 0;
        if (!supplyChanged && !shippingChanged) {
            return Optional.empty();
        }
        String currency = cost.supply().currency();
        String changed = supplyChanged
                ? "its supply price changed since the ranking, from " + Money.format(ranked, currency) + " to "
                        + Money.format(cost.supply().amount(), currency)
                : "its shipping cost changed since the ranking, from " + Money.format(rankedShipping, currency) + " to "
                        + Money.format(cost.shipping().amount(), currency);
        Optional<Money> landed = inOrderCurrency(order, cost);
        if (landed.isEmpty()) {
            return Optional.of(changed + ", and no exchange rate from " + cost.supply().currency() + " to "
                    + order.getCurrency() + " prices it");
        }
        Money fee = pricing.platformFee(order);
        Money margin = order.sale().minus(landed.get().plus(fee));
        String atIt = changed + ": with shipping " + landed.get() + " in the order's currency and the platform fee "
                + fee + ", the margin on the sale " + order.sale() + " would be " + margin;
        if (margin.amount().signum() < 0) {
            return Optional.of(atIt + ", a loss");
        }
        Money minimum = order.sale().times(minimumMarginRate);
        if (minimumMarginRate.signum() > 0 && minimum.isGreaterThan(margin)) {
            return Optional.of(atIt + ", below the minimum " + minimum + " ("
                    + minimumMarginRate.movePointRight(2).stripTrailingZeros().toPlainString()
                    + " % of the sale, order-deadlines.dmn)");
        }
        return Optional.empty();
    }
}
