package io.dropflow.groupbuy.internal;

import io.dropflow.order.GroupBuyDesk;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a home delivery's validation checks of its margin, for a group-buy order at intake: a batch is
 * bought at its cutoff with no operator's review before, so a line sold below its cost is refused
 * then, with nothing stored. Each line's sale must cover the cheapest supply of its pieces, the
 * platform fee and the leader's commission on it, and leave the minimum margin of
 * order-deadlines.dmn (channel GROUP_BUY). Shipping is left out: the batch's orders share it, and
 * how many will is not known before the cutoff. Amounts are compared in the settlement currency, as
 * the cutoff's sourcing compares them; an SKU none of whose offers can be converted is left to the
 * cutoff, whose sourcing leaves such offers out too (lines nobody supplies go to an operator). An order
 * in a currency with no rate to the settlement currency cannot be checked at all, and is refused
 * ({@code no-exchange-rate}, naming the pair) rather than bought unchecked.
 */
@Component
class GroupBuyPricing {

    private final Catalog catalog;
    private final ExchangeRates rates;
    private final Ledger ledger;
    private final GroupBuyDeadlines numbers;
    private final Clock clock;

    GroupBuyPricing(Catalog catalog, ExchangeRates rates, Ledger ledger, GroupBuyDeadlines numbers, Clock clock) {
        this.catalog = catalog;
        this.rates = rates;
        this.ledger = ledger;
        this.numbers = numbers;
        this.clock = clock;
    }

    /**
     * @throws GroupBuyProblem 422 {@code no-active-supplier}, naming every SKU no active supplier offers
     *     now (the cutoff would find no supplier for it, and the batch is bought without a review); 422
     *     {@code no-exchange-rate} when the order's currency has no rate to the settlement currency now; 422
     *     {@code below-cost}, naming every line sold below its cost
     */
    void check(PickupPoint point, GroupBuyDesk.Request request) {
        Instant now = clock.instant();
        String settlement = rates.settlementCurrency();
        List<String> requested = request.lines().stream().map(GroupBuyDesk.Line::sku).distinct().toList();
        // Only the offers the cutoff could buy: a supplier no adapter serves (production, not bound) is left out there
        // (BatchSourcing), so its price neither supplies a line nor hides a loss here
        Map<String, List<OfferView>> offersBySku = catalog.activeOffersFor(requested).stream()
                .filter(o -> catalog.whyNotServed(o.supplier().code()).isEmpty())
                .collect(Collectors.groupingBy(OfferView::sku));
        List<String> unsupplied = requested.stream().filter(sku -> !offersBySku.containsKey(sku)).toList();
        if (!unsupplied.isEmpty()) {
            throw GroupBuyProblem.noActiveSupplier(unsupplied);
        }
        if (!rates.canConvert(request.currency(), settlement, now)) {
            // Its sale cannot be compared with any cost, and the batch is bought at the cutoff without a review:
            // refused, nothing stored, as a line below its cost would be, until a rate is added.
            throw GroupBuyProblem.noExchangeRate(request.currency(), settlement, now);
        }
        BigDecimal minimumRate = numbers.minimumMarginRate();
        List<String> problems = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (GroupBuyDesk.Line line : request.lines()) {
            Optional<Money> supply = cheapestSupply(offersBySku.getOrDefault(line.sku(), List.of()), line.quantity(),
                    settlement, now);
            if (supply.isEmpty()) {
                continue;
            }
            Money sale = rates.convert(new Money(line.salePrice().multiply(BigDecimal.valueOf(line.quantity())),
                    request.currency()), settlement, now).to();
            Money fee = ledger.platformFee(Ledger.GROUP_BUY, sale);
            Money commission = point.getLeader().commissionOn(sale);
            Money margin = sale.minus(supply.get()).minus(fee).minus(commission);
            Money minimum = sale.times(minimumRate);
            if (minimum.isGreaterThan(margin)) {
                String path = "lines[" + (line.lineNo() - 1) + "]";
                paths.add(path);
                skus.add(line.sku());
                problems.add(path + " (" + line.quantity() + " × " + line.sku() + " at "
                        + Money.format(line.salePrice(), request.currency()) + "): sale " + sale + " less the cheapest supply "
                        + supply.get() + ", the platform fee " + fee + " and the leader's commission " + commission
                        + " leaves " + margin + (minimumRate.signum() > 0 ? ", below the minimum " + minimum + " ("
                        + minimumRate.movePointRight(2).stripTrailingZeros().toPlainString()
                        + " % of the sale, order-deadlines.dmn)" : ""));
            }
        }
        if (!problems.isEmpty()) {
            throw GroupBuyProblem.belowCost(problems, paths, skus);
        }
    }

    /** The cheapest offer's supply price for the pieces, in the settlement currency; offers without a rate left out. */
    private Optional<Money> cheapestSupply(List<OfferView> offers, int pieces, String settlement, Instant now) {
        return offers.stream()
                .filter(o -> rates.canConvert(o.currency(), settlement, now))
                .map(o -> rates.convert(new Money(o.supplyPrice().multiply(BigDecimal.valueOf(pieces)), o.currency()),
                        settlement, now).to())
                .min(Comparator.comparing(Money::amount));
    }
}
