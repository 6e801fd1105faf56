package io.dropflow.groupbuy.internal;

import io.dropflow.order.SupplierSelectionRule;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.settlement.NoExchangeRate;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Supplier selection for a batch: as for a single order, but per SKU on the batch's summed quantity
 * and sale. The supplier-selection rule says which suppliers are eligible and in which tier; within a
 * tier the lowest landed cost per piece wins, then the higher score. The SKUs going to one supplier
 * make one purchase order (one per currency, when its offers are priced in more than one).
 */
@Service
public class BatchSourcing {

    private final Catalog catalog;
    private final Scorecards scorecards;
    private final SupplierSelectionRule selection;
    private final ExchangeRates rates;
    private final Ledger ledger;
    private final Clock clock;

    BatchSourcing(Catalog catalog, Scorecards scorecards, SupplierSelectionRule selection, ExchangeRates rates,
            Ledger ledger, Clock clock) {
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.selection = selection;
        this.rates = rates;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** One SKU to source: pieces summed over the batch, and what consumers paid for them (in their currencies). */
    public record Demand(String sku, int quantity, List<Money> sales) {
    }

    /** The offer chosen for one SKU. */
    public record Choice(String sku, int quantity, OfferView offer, int tier) {
    }

    /** What goes to one supplier, in one currency. {@code tier} is its choices' worst. */
    public record SupplierOrder(Long supplierId, String currency, int tier, List<Choice> choices) {
    }

    /**
     * @param leftOut the suppliers offering an SKU that the supplier-selection rule does not use for it, with why: the
     *        timelines of the orders with that SKU name each, as a single order's ranking does
     */
    public record Plan(List<SupplierOrder> orders, List<String> unplaced, List<LeftOut> leftOut) {
    }

    /** A supplier the rule does not use for an SKU of the batch: its score and the rule's reason ("Why"). */
    public record LeftOut(String sku, String supplierCode, int score, String why) {

        /** The timeline's line, as a single order's ("LOWLY left out (score 55): …") with the SKU it is about. */
        public String line() {
            return supplierCode + " left out for " + sku + " (score " + score + "): " + why;
        }
    }

    /**
     * @param excluded per SKU, suppliers not to ask again (they failed the batch for it before)
     */
    public Plan plan(PickupPoint point, List<Demand> demands, Map<String, Set<Long>> excluded) {
        Instant now = clock.instant();
        Map<String, List<OfferView>> offersBySku = catalog.activeOffersFor(demands.stream().map(Demand::sku).toList())
                .stream().collect(Collectors.groupingBy(OfferView::sku));
        Map<String, SupplierScorecard> cards = new java.util.HashMap<>();
        List<Choice> choices = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (Demand demand : demands) {
            Set<Long> notAgain = excluded.getOrDefault(demand.sku(), Set.of());
            Optional<Choice> best = offersBySku.getOrDefault(demand.sku(), List.of()).stream()
                    .filter(o -> !notAgain.contains(o.supplier().id()))
                    // a supplier no adapter serves (production, not bound) could be sent nothing
                    .filter(o -> catalog.whyNotServed(o.supplier().code()).isEmpty())
                    .map(o -> candidate(point, demand, o, cards, now, leftOut))
                    .flatMap(Optional::stream)
                    .min(Comparator.comparingInt(Candidate::tier).thenComparing(Candidate::landedPerPiece)
                            .thenComparing(c -> -c.offer().supplier().score()))
                    .map(c -> new Choice(demand.sku(), demand.quantity(), c.offer(), c.tier()));
            best.ifPresentOrElse(choices::add, () -> unplaced.add(demand.sku()));
        }
        Map<List<Object>, List<Choice>> bySupplier = new LinkedHashMap<>();
        for (Choice c : choices) {
            bySupplier.computeIfAbsent(List.of(c.offer().supplier().id(), c.offer().currency()), k -> new ArrayList<>())
                    .add(c);
        }
        List<SupplierOrder> orders = bySupplier.values().stream()
                .map(cs -> new SupplierOrder(cs.get(0).offer().supplier().id(), cs.get(0).offer().currency(),
                        cs.stream().mapToInt(Choice::tier).max().orElseThrow(), List.copyOf(cs)))
                .toList();
        return new Plan(orders, List.copyOf(unplaced), List.copyOf(leftOut));
    }

    private record Candidate(OfferView offer, int tier, BigDecimal landedPerPiece) {
    }

    /**
     * A supplier whose offer or the consumers' payments cannot be converted is left out (no rate); one the rule does
     * not use is left out with the rule's reason, added to {@code leftOut}.
     */
    private Optional<Candidate> candidate(PickupPoint point, Demand demand, OfferView offer,
            Map<String, SupplierScorecard> cards, Instant now, List<LeftOut> leftOut) {
        String settlement = rates.settlementCurrency();
        Money landed;
        Money sale;
        try {
            landed = rates.convert(new Money(offer.supplyPrice().multiply(BigDecimal.valueOf(demand.quantity()))
                    .add(offer.shippingCost()), offer.currency()), settlement, now).to();
            sale = demand.sales().stream().map(m -> rates.convert(m, settlement, now).to())
                    .reduce(Money.zero(settlement), Money::plus);
        } catch (NoExchangeRate noRate) {
            return Optional.empty();
        }
        BigDecimal margin = sale.minus(landed).minus(ledger.platformFee(Ledger.GROUP_BUY, sale)).amount();
        double marginPercent = sale.isZero() ? 0
                : margin.multiply(BigDecimal.valueOf(100)).divide(sale.amount(), 2, RoundingMode.HALF_UP).doubleValue();
        SupplierScorecard card = cards.computeIfAbsent(offer.supplier().code(),
                code -> scorecards.recent(offer.supplier().id()));
        SupplierSelectionRule.Verdict verdict = selection.decide(new SupplierSelectionRule.Facts(
                offer.covers(demand.quantity()), marginPercent, card.score(),
                offer.shipFromRegion().equalsIgnoreCase(point.getCountry()), card.flagged()));
        OptionalInt tier = verdict.tier();
        if (tier.isEmpty() && verdict.why() != null) {
            // not dropped without a word (closing notes s15): the orders' timelines name it with the rule's reason
            leftOut.add(new LeftOut(demand.sku(), offer.supplier().code(), card.score(), verdict.why()));
        }
        return tier.isPresent() ? Optional.of(new Candidate(offer, tier.getAsInt(),
                landed.amount().divide(BigDecimal.valueOf(demand.quantity()), 6, RoundingMode.HALF_UP)))
                : Optional.empty();
    }
}
