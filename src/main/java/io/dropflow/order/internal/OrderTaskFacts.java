package io.dropflow.order.internal;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.ShippingAddress;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.supplier.SupplierView;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The facts an operator's form shows about an order, as read-only Markdown: the order itself, its
 * recent history, and for a missed deadline the late supplier and who could take over. The process
 * carries ids only; these are read when the task is created.
 */
@Service
public class OrderTaskFacts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** What a form's text field shows comfortably; the oldest history goes first. */
    private static final int HISTORY_LIMIT = 3500;
    private static final int TIMELINE_LINES = 8;

    private final Orders orders;
    private final SourcingCandidates candidates;
    private final Purchasing purchasing;
    private final Tracking tracking;
    private final Catalog catalog;
    private final Scorecards scorecards;
    private final OrderTimeline timeline;
    private final SlaSettings sla;
    private final Clock clock;

    OrderTaskFacts(Orders orders, SourcingCandidates candidates, Purchasing purchasing, Tracking tracking,
            Catalog catalog, Scorecards scorecards, OrderTimeline timeline, SlaSettings sla, Clock clock) {
        this.orders = orders;
        this.candidates = candidates;
        this.purchasing = purchasing;
        this.tracking = tracking;
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.timeline = timeline;
        this.sla = sla;
        this.clock = clock;
    }

    /** The order: lines, sale total, where it goes and who ordered it. */
    public String summary(Long orderId) {
        Order order = orders.byId(orderId);
        ShippingAddress a = order.getShippingAddress();
        String lines = order.getLines().stream()
                .map(l -> "- " + l.getQuantity() + " × " + l.getSku() + " at " + l.getSalePrice().toPlainString() + " "
                        + order.getCurrency())
                .collect(Collectors.joining("\n"));
        return "**Order " + order.getId() + "** (storefront " + order.getStorefrontOrderId() + "), status "
                + order.getStatus() + "\n\n" + lines + "\n\nSale total: **" + order.saleTotal().toPlainString() + " "
                + order.getCurrency() + "**\n\nShip to: " + a.name() + ", " + a.line1()
                + (a.line2() == null ? "" : ", " + a.line2()) + ", " + (a.postalCode() == null ? "" : a.postalCode() + " ")
                + a.city() + ", " + a.country() + "\n\nConsumer: " + order.getConsumer().name() + " <"
                + order.getConsumer().email() + ">";
    }

    /** Purchase orders, parcels with their tracking events, and the latest lines of the timeline. */
    public String history(Long orderId) {
        StringBuilder text = new StringBuilder();
        purchasing.purchaseOrdersOf(orderId).forEach(po -> text.append("- Purchase order ")
                .append(po.number()).append(" to ").append(po.supplierName()).append(": ")
                .append(po.status()).append(po.reasonCode() == null ? "" : " (" + po.reasonCode() + ")")
                .append('\n'));
        for (ShipmentView s : tracking.shipmentsOf(orderId)) {
            text.append("- Parcel ").append(s.carrierCode()).append(' ').append(s.trackingNumber()).append(": ")
                    .append(s.status()).append('\n');
            s.events().forEach(e -> text.append("  - ").append(TIME.format(e.occurredAt())).append(' ')
                    .append(e.status()).append(e.location() == null ? "" : " at " + e.location())
                    .append(e.description() == null ? "" : ": " + e.description()).append('\n'));
        }
        List<OrderTimeline.Entry> entries = timeline.of(orderId);
        entries.subList(Math.max(0, entries.size() - TIMELINE_LINES), entries.size()).forEach(e ->
                text.append("- ").append(TIME.format(e.at())).append(' ').append(e.what()).append('\n'));
        String result = text.toString();
        return result.length() > HISTORY_LIMIT ? result.substring(result.length() - HISTORY_LIMIT) : result;
    }

    /**
     * The late purchase order, how late it is, its supplier's scorecard, and the backups ranked after
     * {@code triedRank} in sourcing round {@code round} that rerouting would try.
     */
    public String missedDeadline(Long orderId, Long purchaseOrderId, long round, long triedRank) {
        Order order = orders.byId(orderId);
        PurchaseOrderView po = purchasing.purchaseOrder(purchaseOrderId);
        double lateHours = (double) Duration.between(po.shipByAt(), clock.instant()).toMillis() / sla.hour().toMillis();
        StringBuilder text = new StringBuilder()
                .append("**").append(po.supplierName()).append("** (").append(po.supplierCode())
                .append(", score ").append(po.supplierScore()).append(") has not shipped purchase order ")
                .append(po.number()).append(" (").append(po.status()).append(").\n\n")
                .append("Ship-by deadline: ").append(TIME.format(po.shipByAt())).append(" UTC (")
                .append(po.shipByHours()).append(" SLA hours")
                .append(po.deadlineExtensions() > 0 ? ", extended " + po.deadlineExtensions() + "×" : "")
                .append("), **late by ").append(String.format(Locale.ROOT, "%.1f", Math.max(0, lateHours)))
                .append(" h**").append(po.remindedAt() == null ? "" : "; reminded " + TIME.format(po.remindedAt()))
                .append("\n\n").append(scorecard(scorecards.recent(po.supplierId())))
                .append("\n\nBackup suppliers for rerouting: ");
        List<String> backups = candidates.findByOrderIdAndRoundOrderByRankNo(orderId, Math.toIntExact(round)).stream()
                .filter(c -> c.getRankNo() > triedRank)
                .map(c -> {
                    SupplierView s = catalog.supplier(c.getSupplierId());
                    return s.name() + " (" + s.code() + ", tier " + c.getTier() + ", supply "
                            + c.getSupplyTotal().toPlainString() + " " + order.getCurrency() + ")";
                })
                .toList();
        text.append(backups.isEmpty() ? "none left (rerouting leads to the out-of-stock decision)"
                : String.join("; ", backups));
        return text.toString();
    }

    private static String scorecard(SupplierScorecard card) {
        return "Scorecard over the last " + card.from().until(card.to(), ChronoUnit.DAYS) + " days ("
                + card.purchaseOrders() + " purchase orders): shipped within " + card.shipWithin().toHours() + " h "
                + percent(card.shipWithinRate()) + ", on time " + percent(card.onTimeRate()) + ", accepted "
                + percent(card.acceptanceRate()) + ", out of stock " + percent(card.stockOutRate())
                + (card.flagged() ? ". **Flagged: " + card.why() + "**" : "");
    }

    private static String percent(Double rate) {
        return rate == null ? "n/a" : Math.round(rate * 100) + " %";
    }
}
