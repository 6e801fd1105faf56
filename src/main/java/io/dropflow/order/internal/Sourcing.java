package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Finding a supplier for an order: checking what the storefront could not, ranking the suppliers
 * that can fill it, moving on when one declines, and substituting a product an operator chose.
 * Called by the fulfillment process's steps, in the engine's transaction.
 */
@Service
public class Sourcing {

    private static final Pattern PO_BOX = Pattern.compile("\\b(p\\.?\\s?o\\.?\\s?box|postfach|packstation)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Orders orders;
    private final SourcingCandidates candidates;
    private final Catalog catalog;
    private final Scorecards scorecards;
    private final SupplierSelectionRule selection;
    private final OrderTimeline timeline;
    private final Clock clock;

    Sourcing(Orders orders, SourcingCandidates candidates, Catalog catalog, Scorecards scorecards,
            SupplierSelectionRule selection, OrderTimeline timeline, Clock clock) {
        this.orders = orders;
        this.candidates = candidates;
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.selection = selection;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** What validation found: no problems, or the reasons an operator has to look at the order. */
    public record Validation(List<String> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }

        /** The problems in one line, as the operator's form shows them. */
        public String summary() {
            return String.join("; ", problems);
        }
    }

    /**
     * Checks what the storefront could not: every SKU is still offered by some supplier, the address
     * is one a supplier's carrier can deliver to, and the cheapest way to fill the order does not lose
     * money. Problems go to an operator; they do not fail the order.
     */
    public Validation validate(Long orderId) {
        Order order = orders.byId(orderId);
        Validation validation = new Validation(List.copyOf(problemsOf(order)));
        order.moveTo(validation.valid() ? OrderStatus.SOURCING : OrderStatus.NEEDS_REVIEW, clock.instant());
        timeline.record(orderId, validation.valid() ? "Order validated"
                : "Order needs review: " + validation.summary());
        return validation;
    }

    private List<String> problemsOf(Order order) {
        List<String> problems = new ArrayList<>();
        var address = order.getShippingAddress();
        if (PO_BOX.matcher(address.line1() + " " + (address.line2() == null ? "" : address.line2())).find()) {
            problems.add("suppliers' carriers do not deliver to PO boxes or parcel lockers");
        }
        if (address.postalCode() == null || address.postalCode().isBlank()) {
            problems.add("shipping address has no postal code");
        }
        Map<String, List<OfferView>> offersBySku = catalog.activeOffersFor(order.skus()).stream()
                .collect(Collectors.groupingBy(OfferView::sku));
        BigDecimal cheapestCost = BigDecimal.ZERO;
        for (OrderLine line : order.getLines()) {
            Optional<BigDecimal> cheapest = offersBySku.getOrDefault(line.getSku(), List.of()).stream()
                    .map(o -> o.supplyPrice().multiply(BigDecimal.valueOf(line.getQuantity())).add(o.shippingCost()))
                    .min(BigDecimal::compareTo);
            if (cheapest.isEmpty()) {
                problems.add("no supplier offers " + line.getSku() + " any more");
            } else {
                cheapestCost = cheapestCost.add(cheapest.get());
            }
        }
        if (cheapestCost.compareTo(order.saleTotal()) > 0) {
            problems.add("negative margin: cheapest supply and shipping " + cheapestCost.toPlainString() + " "
                    + order.getCurrency() + " exceed the sale total " + order.saleTotal().toPlainString());
        }
        return problems;
    }

    private record Candidate(SupplierView supplier, int tier, BigDecimal supplyTotal, BigDecimal landedCost) {
    }

    /**
     * Ranks the suppliers that can fill the whole order (one purchase order per order): the
     * supplier-selection rule says which are eligible and in which tier; within a tier the lowest
     * landed cost (supply plus shipping) wins, then the higher supplier score. The ranking is stored
     * per sourcing round, so "wait for restock" ranks afresh.
     *
     * @return the codes of the suppliers in the order they will be tried; empty when none can fill it
     */
    public List<String> rankSuppliers(Long orderId, long round) {
        Order order = orders.byId(orderId);
        List<String> skus = order.skus();
        Map<SupplierView, List<OfferView>> bySupplier = catalog.activeOffersFor(skus).stream()
                .collect(Collectors.groupingBy(OfferView::supplier));
        List<Candidate> ranked = new ArrayList<>();
        for (var entry : bySupplier.entrySet()) {
            Map<String, OfferView> offerBySku = entry.getValue().stream()
                    .collect(Collectors.toMap(OfferView::sku, o -> o));
            if (offerBySku.keySet().containsAll(skus)) {
                candidate(order, entry.getKey(), offerBySku).ifPresent(ranked::add);
            }
        }
        ranked.sort(Comparator.comparingInt(Candidate::tier)
                .thenComparing(Candidate::landedCost)
                .thenComparing(c -> -c.supplier().score()));
        for (int i = 0; i < ranked.size(); i++) {
            Candidate c = ranked.get(i);
            candidates.save(new SourcingCandidate(orderId, Math.toIntExact(round), i + 1, c.supplier().id(), c.tier(),
                    c.supplyTotal()));
        }
        order.moveTo(ranked.isEmpty() ? OrderStatus.OUT_OF_STOCK : OrderStatus.SOURCING, clock.instant());
        timeline.record(orderId, ranked.isEmpty() ? "No supplier can fill the order"
                : "Suppliers ranked: " + ranked.stream().map(c -> c.supplier().code() + " (tier " + c.tier() + ")")
                        .collect(Collectors.joining(", ")));
        return ranked.stream().map(c -> c.supplier().code()).toList();
    }

    private Optional<Candidate> candidate(Order order, SupplierView supplier, Map<String, OfferView> offerBySku) {
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
        OptionalInt tier = selection.tier(new SupplierSelectionRule.Facts(inStock, marginPercent, scorecard.score(),
                sameRegion, scorecard.flagged()));
        return tier.isPresent() ? Optional.of(new Candidate(supplier, tier.getAsInt(), supplyTotal, landed))
                : Optional.empty();
    }

    /**
     * After a supplier declined or was given up: whether a supplier ranked {@code rank} is left to
     * try. When none is, the order is out of stock until an operator decides.
     */
    public boolean supplierLeft(Long orderId, long rank, long candidateCount) {
        boolean left = rank <= candidateCount;
        if (!left) {
            orders.byId(orderId).moveTo(OrderStatus.OUT_OF_STOCK, clock.instant());
        }
        return left;
    }

    /**
     * Why an operator's substitution cannot work: the order has no line with {@code sku}, or no
     * supplier offers the substitute.
     * @return empty when the substitution can be made
     */
    public Optional<String> substitutionProblem(Long orderId, String sku, String substitute) {
        if (sku == null || !orders.byId(orderId).hasLineFor(sku)) {
            return Optional.of("the order has no line with SKU " + sku);
        }
        if (substitute == null || substitute.isBlank() || !catalog.isOffered(substitute)) {
            return Optional.of("no supplier offers the substitute SKU " + substitute);
        }
        return Optional.empty();
    }

    /** The operator chose a substitute product (checked when the task was completed): the order's lines change. */
    public void substitute(Long orderId, String sku, String substitute) {
        orders.byId(orderId).substituteSku(sku, substitute, clock.instant());
        timeline.record(orderId, "Operator substituted " + sku + " with " + substitute);
    }
}
