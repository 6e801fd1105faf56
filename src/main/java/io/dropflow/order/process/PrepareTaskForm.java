package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.internal.Order;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Orders;
import io.dropflow.order.ShippingAddress;
import io.dropflow.order.internal.SourcingCandidates;
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
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On task creation, puts a read-only summary of the order (lines, address, purchase orders,
 * tracking, recent history) into task-local variables, so the operator's form shows the facts
 * without the process carrying business data around.
 */
@Component("prepareTaskForm")
class PrepareTaskForm implements TaskListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Orders orders;
    private final Purchasing purchasing;
    private final Tracking tracking;
    private final OrderTimeline timeline;

    private final SourcingCandidates candidates;
    private final Catalog catalog;
    private final SlaSettings sla;
    private final Scorecards scorecards;
    private final Clock clock;

    PrepareTaskForm(Orders orders, Purchasing purchasing, Tracking tracking, OrderTimeline timeline,
            SourcingCandidates candidates, Catalog catalog, SlaSettings sla, Scorecards scorecards, Clock clock) {
        this.clock = clock;
        this.scorecards = scorecards;
        this.candidates = candidates;
        this.catalog = catalog;
        this.sla = sla;
        this.orders = orders;
        this.purchasing = purchasing;
        this.tracking = tracking;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        Order order = orders.findById((Long) task.getVariable(Variables.ORDER_ID)).orElseThrow();
        task.setVariableLocal(Variables.TASK_ORDER_SUMMARY, summary(order));
        task.setVariableLocal(Variables.TASK_HISTORY, history(order));
        if (OrderFulfillmentProcess.Elements.DECIDE_SHIP_BY_BREACH.equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal(Variables.TASK_SLA_SUMMARY, missedDeadline(task, order));
        }
    }

    /** The late purchase order, how late it is, and who could take over. */
    private String missedDeadline(DelegateTask task, Order order) {
        PurchaseOrderView po = purchasing.purchaseOrder((Long) task.getVariable(Variables.PURCHASE_ORDER_ID));
        double lateHours = (double) Duration.between(po.shipByAt(), clock.instant()).toMillis() / sla.hour().toMillis();
        StringBuilder text = new StringBuilder()
                .append("**").append(po.supplierName()).append("** (").append(po.supplierCode())
                .append(", score ").append(po.supplierScore()).append(") has not shipped purchase order ")
                .append(po.number()).append(" (").append(po.status()).append(").\n\n")
                .append("Ship-by deadline: ").append(TIME.format(po.shipByAt())).append(" UTC (")
                .append(po.shipByHours()).append(" SLA hours")
                .append(po.deadlineExtensions() > 0 ? ", extended " + po.deadlineExtensions() + "×" : "")
                .append("), **late by ").append(String.format(java.util.Locale.ROOT, "%.1f", Math.max(0, lateHours)))
                .append(" h**").append(po.remindedAt() == null ? "" : "; reminded " + TIME.format(po.remindedAt()))
                .append("\n\n").append(scorecard(scorecards.recent(po.supplierId())))
                .append("\n\nBackup suppliers for rerouting: ");
        Integer round = (Integer) task.getVariable(Variables.SOURCING_ROUND);
        Integer next = (Integer) task.getVariable(Variables.NEXT_CANDIDATE);
        List<String> backups = round == null || next == null ? List.of()
                : candidates.findByOrderIdAndRoundOrderByRankNo(order.getId(), round).stream()
                        .filter(c -> c.getRankNo() > next)
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

    private String summary(Order order) {
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

    private static String scorecard(SupplierScorecard card) {
        return "Scorecard over the last " + card.from().until(card.to(), java.time.temporal.ChronoUnit.DAYS) + " days ("
                + card.purchaseOrders() + " purchase orders): shipped within " + card.shipWithin().toHours() + " h "
                + percent(card.shipWithinRate()) + ", on time " + percent(card.onTimeRate()) + ", accepted "
                + percent(card.acceptanceRate()) + ", out of stock " + percent(card.stockOutRate())
                + (card.flagged() ? ". **Flagged: " + card.why() + "**" : "");
    }

    private static String percent(Double rate) {
        return rate == null ? "n/a" : Math.round(rate * 100) + " %";
    }

    private String history(Order order) {
        StringBuilder text = new StringBuilder();
        purchasing.purchaseOrdersOf(order.getId()).forEach(po -> text.append("- Purchase order ")
                .append(po.number()).append(" to ").append(po.supplierName()).append(": ")
                .append(po.status()).append(po.reasonCode() == null ? "" : " (" + po.reasonCode() + ")")
                .append('\n'));
        for (ShipmentView s : tracking.shipmentsOf(order.getId())) {
            text.append("- Parcel ").append(s.carrierCode()).append(' ').append(s.trackingNumber()).append(": ")
                    .append(s.status()).append('\n');
            s.events().forEach(e -> text.append("  - ").append(TIME.format(e.occurredAt())).append(' ')
                    .append(e.status()).append(e.location() == null ? "" : " at " + e.location())
                    .append(e.description() == null ? "" : ": " + e.description()).append('\n'));
        }
        List<OrderTimeline.Entry> entries = timeline.of(order.getId());
        entries.subList(Math.max(0, entries.size() - 8), entries.size()).forEach(e ->
                text.append("- ").append(TIME.format(e.at())).append(' ').append(e.what()).append('\n'));
        String result = text.toString();
        return result.length() > 3500 ? result.substring(result.length() - 3500) : result;
    }
}
