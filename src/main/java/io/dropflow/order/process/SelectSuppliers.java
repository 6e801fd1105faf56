package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.SUPPLIER_SELECTION_DECISION;
import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.internal.Order;
import io.dropflow.order.internal.OrderLine;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Orders;
import io.dropflow.order.internal.SourcingCandidate;
import io.dropflow.order.internal.SourcingCandidates;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.supplier.SupplierView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ranks the suppliers that can fill the whole order. Which supplier is eligible and in which tier
 * is the analysts' decision table {@code supplier-selection.dmn}; within a tier the lowest landed
 * cost (supply plus shipping) wins, then the higher supplier score. The ranking is stored per
 * sourcing round, so "wait for restock" ranks afresh.
 */
@Component("selectSuppliers")
class SelectSuppliers implements JavaDelegate {

    private final Orders orders;
    private final Catalog catalog;
    private final SourcingCandidates candidates;
    private final DecisionService decisions;
    private final OrderTimeline timeline;
    private final Scorecards scorecards;
    private final Clock clock;

    SelectSuppliers(Orders orders, Catalog catalog, SourcingCandidates candidates, DecisionService decisions,
            OrderTimeline timeline, Scorecards scorecards, Clock clock) {
        this.clock = clock;
        this.scorecards = scorecards;
        this.orders = orders;
        this.catalog = catalog;
        this.candidates = candidates;
        this.decisions = decisions;
        this.timeline = timeline;
    }

    private record Ranked(SupplierView supplier, int tier, BigDecimal supplyTotal, BigDecimal landedCost) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow();
        Integer previousRound = (Integer) execution.getVariable(Variables.SOURCING_ROUND);
        int round = previousRound == null ? 1 : previousRound + 1;

        List<String> skus = order.getLines().stream().map(OrderLine::getSku).toList();
        Map<SupplierView, List<OfferView>> bySupplier = catalog.activeOffersFor(skus).stream()
                .collect(Collectors.groupingBy(OfferView::supplier));
        List<Ranked> ranked = new ArrayList<>();
        for (var entry : bySupplier.entrySet()) {
            Map<String, OfferView> offerBySku = entry.getValue().stream()
                    .collect(Collectors.toMap(OfferView::sku, o -> o));
            if (!offerBySku.keySet().containsAll(skus)) {
                continue; // one purchase order per order: the supplier must offer every line
            }
            rank(order, entry.getKey(), offerBySku).ifPresent(ranked::add);
        }
        ranked.sort(Comparator.comparingInt(Ranked::tier)
                .thenComparing(Ranked::landedCost)
                .thenComparing(r -> -r.supplier().score()));
        for (int i = 0; i < ranked.size(); i++) {
            Ranked r = ranked.get(i);
            candidates.save(new SourcingCandidate(order.getId(), round, i + 1, r.supplier().id(), r.tier(),
                    r.supplyTotal()));
        }
        execution.setVariable(Variables.SOURCING_ROUND, round);
        execution.setVariable(Variables.CANDIDATE_COUNT, ranked.size());
        execution.setVariable(Variables.NEXT_CANDIDATE, 1);
        execution.setVariable(Variables.SUPPLIER_AVAILABLE, !ranked.isEmpty());
        order.moveTo(ranked.isEmpty() ? OrderStatus.OUT_OF_STOCK : OrderStatus.SOURCING, clock.instant());
        timeline.record(order.getId(), ranked.isEmpty() ? "No supplier can fill the order"
                : "Suppliers ranked: " + ranked.stream().map(r -> r.supplier().code() + " (tier " + r.tier() + ")")
                        .collect(Collectors.joining(", ")));
    }

    private java.util.Optional<Ranked> rank(Order order, SupplierView supplier, Map<String, OfferView> offerBySku) {
        boolean inStock = true;
        boolean sameRegion = true;
        BigDecimal supplyTotal = BigDecimal.ZERO;
        BigDecimal shipping = BigDecimal.ZERO;
        for (OrderLine line : order.getLines()) {
            OfferView offer = offerBySku.get(line.getSku());
            inStock &= offer.covers(line.getQuantity());
            sameRegion &= offer.shipFromRegion().equalsIgnoreCase(order.getShippingAddress().country());
            supplyTotal = supplyTotal.add(offer.supplyPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
            shipping = shipping.max(offer.shippingCost());
        }
        BigDecimal landed = supplyTotal.add(shipping);
        BigDecimal sale = order.saleTotal();
        double marginPercent = sale.signum() == 0 ? 0
                : sale.subtract(landed).multiply(BigDecimal.valueOf(100)).divide(sale, 2, RoundingMode.HALF_UP).doubleValue();
        SupplierScorecard scorecard = scorecards.recent(supplier.id());
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(SUPPLIER_SELECTION_DECISION)
                .variables(Map.of("inStock", inStock, "marginPercent", marginPercent,
                        "supplierScore", scorecard.score(), "sameRegion", sameRegion,
                        "shipsLate", scorecard.flagged()))
                .evaluate().getSingleResult();
        if (result == null || !Boolean.TRUE.equals(result.getEntry("eligible"))) {
            return java.util.Optional.empty();
        }
        int tier = ((Number) result.getEntry("tier")).intValue();
        return java.util.Optional.of(new Ranked(supplier, tier, supplyTotal, landed));
    }
}
