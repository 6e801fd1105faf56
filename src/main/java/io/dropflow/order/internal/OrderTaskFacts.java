package io.dropflow.order.internal;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.ShippingAddress;
import io.dropflow.order.SlaSettings;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.processengine.SellerTime;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.supplier.SupplierView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The facts an operator's form shows about an order ({@link FormFacts}): the order itself, its
 * history as rows, and for a missed deadline the late supplier and who could take over. The process
 * carries ids only; these are read when the task is created (for a missed deadline, just after it:
 * ADR 22).
 */
@Service
public class OrderTaskFacts {

    /** What every order form may show. */
    public static final Set<String> ORDER = Set.of("orderNumber", "orderStatus", "orderLines", "saleTotal", "shipTo",
            "consumer", "history");
    /** What the missed-deadline form shows besides the order. */
    public static final Set<String> MISSED_DEADLINE = Set.of("lateSupplier", "lateSupplierScore",
            "lateSupplierUnavailable", "latePurchaseOrder",
            "latePurchaseOrderStatus", "shipByDeadline", "shipByHours", "deadlineExtensions", "lateByHours",
            "remindedAt", "scorecardDays", "scorecardPurchaseOrders", "scorecardScore", "shippedWithinHours", "shippedWithinRate",
            "onTimeRate", "acceptanceRate", "stockOutRate", "scorecardFlag", "backups", "canReroute",
            // the counts as the form reads them, "1 SLA hour", "3 times" (OperatorWords.count; "1 times" before, s18)
            "shipByHoursInWords", "deadlineExtensionsInWords", "lateByHoursInWords", "scorecardDaysInWords",
            "scorecardPurchaseOrdersInWords");

    /**
     * What the out-of-stock form shows besides the order: {@code missingRates}, the exchange rates whose absence
     * left suppliers that offer the whole order out of the ranking ({@link Sourcing#ratesKeepingOutSuppliers}),
     * none when there are none; {@code notTried}, the suppliers of the latest ranking left out of it (short of stock
     * among them, saying what they have) or skipped after it ({@link #notTried}).
     */
    public static final Set<String> OUT_OF_STOCK = Set.of("missingRates", "notTried");

    /** The latest history rows a form shows, enough to decide on. */
    static final int HISTORY_ROWS = 30;

    private final Orders orders;
    private final SourcingCandidates candidates;
    private final Purchasing purchasing;
    private final Tracking tracking;
    private final Catalog catalog;
    private final Scorecards scorecards;
    private final PriceAtPurchase price;
    private final OrderTimeline timeline;
    private final SlaSettings sla;
    private final SellerTime time;
    private final Clock clock;

    OrderTaskFacts(Orders orders, SourcingCandidates candidates, Purchasing purchasing, Tracking tracking,
            Catalog catalog, Scorecards scorecards, PriceAtPurchase price, OrderTimeline timeline, SlaSettings sla,
            SellerTime time, Clock clock) {
        this.orders = orders;
        this.price = price;
        this.candidates = candidates;
        this.purchasing = purchasing;
        this.tracking = tracking;
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.timeline = timeline;
        this.sla = sla;
        this.time = time;
        this.clock = clock;
    }

    /** The order (lines, sale total, where it goes, who ordered it) and its history. */
    public FormFacts order(Long orderId) {
        Order order = orders.byId(orderId);
        ShippingAddress a = order.getShippingAddress();
        List<Map<String, Object>> lines = order.getLines().stream().map(l -> FormFacts.row(
                "quantity", l.getQuantity(), "sku", l.getSku(),
                "salePrice", Money.format(l.getSalePrice(), order.getCurrency()))).toList();
        return new FormFacts()
                .put("orderNumber", order.getStorefrontOrderId())
                .put("orderStatus", OperatorWords.of(order.getStatus()))
                .rows("orderLines", lines)
                .put("saleTotal", Money.format(order.saleTotal(), order.getCurrency()))
                .put("shipTo", Stream.of(a.name(), a.line1(), a.line2(),
                                (a.postalCode() == null ? "" : a.postalCode() + " ") + a.city(), a.country())
                        .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", ")))
                .put("consumer", order.getConsumer().name() + " <" + order.getConsumer().email() + ">")
                .rows("history", history(orderId));
    }

    /**
     * Purchase orders, parcels with their tracking events, and the timeline, oldest first: the
     * latest {@link #HISTORY_ROWS}, each "when, what, status, detail". A purchase order's row shows the status it
     * has now, so it stands when that status began, not at its last change (a reminder, a ship-by extension or a claim
     * upheld moved it after "Supplier reminded…"; review s17 F2) nor when it was made: made at 19:31:02 it
     * stood before "Purchase order DF-2-PO1 forwarded to ODDITY" and read "Declined — Discontinued" before it was
     * sent (exploratory test s16, doubt 6). Rows of the same instant (the engine's clock counts milliseconds, and one
     * step writes several) keep the order they were written in: the timeline's lines in theirs, then the purchase
     * orders' rows, which sum up what the lines tell, then the parcels'.
     */
    List<Map<String, Object>> history(Long orderId) {
        record Entry(Instant at, int source, String what, String status, String detail) {
        }
        List<Entry> entries = new ArrayList<>();
        timeline.of(orderId).forEach(e -> entries.add(new Entry(e.at(), 0, e.what(), null, null)));
        purchasing.purchaseOrdersOf(orderId).forEach(po -> entries.add(new Entry(
                po.statusChangedAt() != null ? po.statusChangedAt() : po.updatedAt() != null ? po.updatedAt()
                        : po.createdAt(), 1,
                "Purchase order " + po.number() + " to " + po.supplierName(), OperatorWords.of(po.status()),
                OperatorWords.of(po.reasonCode()))));
        for (ShipmentView s : tracking.shipmentsOf(orderId)) {
            String parcel = "Parcel " + s.carrierCode() + " " + s.trackingNumber();
            entries.add(new Entry(s.createdAt(), 2, parcel, OperatorWords.of(s.status()), null));
            s.events().forEach(e -> entries.add(new Entry(e.storyAt(), 2, parcel, OperatorWords.of(e.status()),
                    Stream.of(e.location(), e.description()).filter(part -> part != null && !part.isBlank())
                            .collect(Collectors.joining(": ")))));
        }
        // a stable sort: within a source, rows of the same instant stay in the order they were written
        List<Entry> sorted = entries.stream()
                .sorted(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(Entry::source)).toList();
        return sorted.subList(Math.max(0, sorted.size() - HISTORY_ROWS), sorted.size()).stream()
                .map(e -> FormFacts.row("at", time.format(e.at()), "what", e.what(), "status", e.status(), "detail", e.detail()))
                .toList();
    }

    /**
     * The late purchase order, how late it is, its supplier's score as supplier selection ranked it by
     * ({@code lateSupplierScore}: the score the ranking of round {@code round} kept for rank {@code
     * triedRank}; null when that ranking kept none), why it takes no new purchase order now ({@code
     * lateSupplierUnavailable}, "it is suspended (Customs hold)": suspended meanwhile, the form said nothing of it,
     * exploratory test s15 D3; null when it takes them), its scorecard now ({@code scorecardScore} and the
     * rates), and the backups ranked after
     * {@code triedRank} in sourcing round {@code round} that rerouting would try: not one suspended, or
     * whose offer was switched off, since the ranking ({@code canReroute} is false when none is left). Each
     * backup's {@code supplyTotal} is what its purchase order would cost now, at the catalog's price: the supply
     * in the supplier's currency with that currency's decimals ("3000 JPY", "6.250 KWD"), and
     * {@code landedCost}, supply and shipping converted into the order's currency at today's rate, as ranking
     * compares them (null without a rate). A price changed since the ranking is checked again when the backup is
     * bought ({@link PriceAtPurchase}).
     */
    public FormFacts missedDeadline(Long orderId, Long purchaseOrderId, long round, long triedRank) {
        Order order = orders.byId(orderId);
        PurchaseOrderView po = purchasing.purchaseOrder(purchaseOrderId);
        double lateHours = (double) Duration.between(po.shipByAt(), clock.instant()).toMillis() / sla.hour().toMillis();
        SupplierScorecard card = scorecards.recent(po.supplierId());
        List<SourcingCandidate> ranking = candidates.findByOrderIdAndRoundOrderByRankNo(orderId, Math.toIntExact(round));
        Integer selectionScore = ranking.stream()
                .filter(c -> c.getRankNo() == triedRank && c.getSupplierId().equals(po.supplierId()))
                .map(SourcingCandidate::getSelectionScore).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<Map<String, Object>> backups = Sourcing.backupsLeft(ranking, catalog, order.skus(), triedRank)
                .map(c -> backup(order, c))
                .toList();
        double lateByHours = Math.round(Math.max(0, lateHours) * 10) / 10.0;
        long scorecardDays = card.from().until(card.to(), ChronoUnit.DAYS);
        return new FormFacts()
                .put("lateSupplier", po.supplierName() + " (" + po.supplierCode() + ")")
                .put("lateSupplierScore", selectionScore)
                .put("lateSupplierUnavailable", catalog.whyNoNewPurchaseOrder(po.supplierId(), order.skus()).orElse(null))
                .put("latePurchaseOrder", po.number())
                .put("latePurchaseOrderStatus", OperatorWords.of(po.status()))
                .put("shipByDeadline", time.format(po.shipByAt()))
                .put("shipByHours", po.shipByHours())
                .put("shipByHoursInWords", OperatorWords.count(po.shipByHours(), "SLA hour", "SLA hours"))
                .put("deadlineExtensions", po.deadlineExtensions())
                .put("deadlineExtensionsInWords", OperatorWords.count(po.deadlineExtensions(), "time", "times"))
                .put("lateByHours", lateByHours)
                .put("lateByHoursInWords", OperatorWords.count(lateByHours, "SLA hour", "SLA hours"))
                .put("remindedAt", time.format(po.remindedAt()))
                .put("scorecardDays", scorecardDays)
                .put("scorecardDaysInWords", OperatorWords.count(scorecardDays, "day", "days"))
                .put("scorecardPurchaseOrders", card.purchaseOrders())
                .put("scorecardPurchaseOrdersInWords", OperatorWords.count(card.purchaseOrders(), "purchase order",
                        "purchase orders"))
                .put("scorecardScore", card.score())
                .put("shippedWithinHours", card.shipWithinHours())
                .put("shippedWithinRate", OperatorWords.percent(card.shipWithinRate()))
                .put("onTimeRate", OperatorWords.percent(card.onTimeRate()))
                .put("acceptanceRate", OperatorWords.percent(card.acceptanceRate()))
                .put("stockOutRate", OperatorWords.percent(card.stockOutRate()))
                .put("scorecardFlag", card.flagged() ? card.why() : null)
                .rows("backups", backups)
                .put("canReroute", !backups.isEmpty());
    }

    /** A backup as the missed-deadline form lists it, at the catalog's price of now. */
    private Map<String, Object> backup(Order order, SourcingCandidate c) {
        SupplierView s = catalog.supplier(c.getSupplierId());
        Map<String, io.dropflow.supplier.OfferView> offerBySku = catalog.offersToOrder(c.getSupplierId(), order.skus())
                .offers().stream().collect(Collectors.toMap(io.dropflow.supplier.OfferView::sku, o -> o, (a, b) -> a));
        if (!offerBySku.keySet().containsAll(order.skus())) { // switched off in between: rerouting skips it
            return FormFacts.row("supplier", s.name(), "code", s.code(), "tier", c.getTier());
        }
        PriceAtPurchase.Cost cost = PriceAtPurchase.Cost.of(order, offerBySku);
        return FormFacts.row("supplier", s.name(), "code", s.code(), "tier", c.getTier(),
                "supplyTotal", cost.supply().toString(),
                "landedCost", price.inOrderCurrency(order, cost).map(Money::toString).orElse(null));
    }

    /**
     * For "Decide on out-of-stock order": why suppliers of the latest ranking were not tried, as
     * the timeline said it: those the ranking left out ("ACME left out: its offers are priced in EUR and JPY, …",
     * "ACME left out: it has too little stock (in stock/ordered): DEMO-MUG 500/600", "JADE left out: it is suspended (…)")
     * and those skipped after it ("STEADFAST skipped: its supply price changed since the ranking, …"), joined by
     * "; "; null when there are none. Without it the form read "none has stock" for an order whose suppliers had
     * stock (exploratory test, session 12).
     */
    public String notTried(Long orderId) {
        List<String> lines = timeline.of(orderId).stream().map(OrderTimeline.Entry::what).toList();
        int ranking = lines.size() - 1;
        while (ranking >= 0 && !lines.get(ranking).startsWith("Suppliers ranked: ")
                && !lines.get(ranking).startsWith("No supplier can fill")) {
            ranking--;
        }
        if (ranking < 0) {
            return null;
        }
        int from = ranking;
        while (from > 0 && leftOut(lines.get(from - 1))) {
            from--; // ranking notes who it leaves out just before its result
        }
        List<String> notTried = lines.subList(from, lines.size()).stream()
                .filter(what -> leftOut(what) || what.contains(" skipped: ")).toList();
        return notTried.isEmpty() ? null : String.join("; ", notTried);
    }

    /**
     * A ranking's line on a supplier it left out: "ACME left out: …", or one the table gave no tier in stock, "LOWLY left
     * out (score 20): …" (which ended the ranking's lines before, so a shortage named ahead of it was not shown).
     */
    private static boolean leftOut(String line) {
        return line.contains(" left out: ") || line.contains(" left out (score ");
    }

    /**
     * The late supplier's scorecard as a missed-deadline form showed it ({@link #missedDeadline}'s
     * facts, read by name), one line for the order's timeline when the operator decides, a rate that
     * was not known yet in lower case mid-sentence; nothing when
     * the task holds no such facts (a task created before they were shown).
     */
    public static java.util.Optional<String> scorecardAsShown(java.util.function.Function<String, Object> shown) {
        java.util.function.Function<String, Object> fact = shown.andThen(OperatorWords::inSentence);
        Object supplier = fact.apply("lateSupplier");
        if (supplier == null) {
            return java.util.Optional.empty();
        }
        Object flag = fact.apply("scorecardFlag");
        // The scorecard's score beside its rates; facts written before it was shown have only the score then shown
        Object score = fact.apply("scorecardScore") != null ? fact.apply("scorecardScore") : fact.apply("lateSupplierScore");
        return java.util.Optional.of("Decided with the late supplier " + supplier + " at score "
                + score + ": shipped within " + fact.apply("shippedWithinHours") + " h "
                + fact.apply("shippedWithinRate") + ", on time " + fact.apply("onTimeRate") + ", accepted "
                + fact.apply("acceptanceRate") + ", out of stock " + fact.apply("stockOutRate") + " ("
                + fact.apply("scorecardPurchaseOrders")
                + ("1".equals(String.valueOf(fact.apply("scorecardPurchaseOrders"))) ? " purchase order in "
                        : " purchase orders in ") + fact.apply("scorecardDays")
                + " days)" + (flag == null ? "" : "; flagged: " + flag));
    }
}
