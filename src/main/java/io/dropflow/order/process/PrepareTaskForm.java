package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.carrier.Shipment;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.Order;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.Orders;
import io.dropflow.order.ShippingAddress;
import io.dropflow.order.TimelineEntry;
import io.dropflow.supplier.PurchaseOrder;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.supplier.Suppliers;
import java.time.Duration;
import java.time.Instant;
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
    private final Suppliers suppliers;
    private final SlaSettings sla;
    private final Scorecards scorecards;

    PrepareTaskForm(Orders orders, Purchasing purchasing, Tracking tracking, OrderTimeline timeline,
            SourcingCandidates candidates, Suppliers suppliers, SlaSettings sla, Scorecards scorecards) {
        this.scorecards = scorecards;
        this.candidates = candidates;
        this.suppliers = suppliers;
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
        PurchaseOrder po = purchasing.purchaseOrder((Long) task.getVariable(Variables.PURCHASE_ORDER_ID));
        double lateHours = (double) Duration.between(po.getShipByAt(), Instant.now()).toMillis() / sla.hour().toMillis();
        StringBuilder text = new StringBuilder()
                .append("**").append(po.getSupplier().getName()).append("** (").append(po.getSupplier().getCode())
                .append(", score ").append(po.getSupplier().getScore()).append(") has not shipped purchase order ")
                .append(po.getIdempotencyKey()).append(" (").append(po.getStatus()).append(").\n\n")
                .append("Ship-by deadline: ").append(TIME.format(po.getShipByAt())).append(" UTC (")
                .append(po.getShipByHours()).append(" SLA hours")
                .append(po.getDeadlineExtensions() > 0 ? ", extended " + po.getDeadlineExtensions() + "×" : "")
                .append("), **late by ").append(String.format(java.util.Locale.ROOT, "%.1f", Math.max(0, lateHours)))
                .append(" h**").append(po.getRemindedAt() == null ? "" : "; reminded " + TIME.format(po.getRemindedAt()))
                .append("\n\n").append(scorecard(scorecards.recent(po.getSupplier())))
                .append("\n\nBackup suppliers for rerouting: ");
        Integer round = (Integer) task.getVariable(Variables.SOURCING_ROUND);
        Integer next = (Integer) task.getVariable(Variables.NEXT_CANDIDATE);
        List<String> backups = round == null || next == null ? List.of()
                : candidates.findByOrderIdAndRoundOrderByRankNo(order.getId(), round).stream()
                        .filter(c -> c.getRankNo() > next)
                        .map(c -> suppliers.findById(c.getSupplierId()).map(s -> s.getName() + " (" + s.getCode()
                                + ", tier " + c.getTier() + ", supply " + c.getSupplyTotal().toPlainString() + " "
                                + order.getCurrency() + ")").orElse("supplier " + c.getSupplierId()))
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
                .append(po.getIdempotencyKey()).append(" to ").append(po.getSupplier().getName()).append(": ")
                .append(po.getStatus()).append(po.getReasonCode() == null ? "" : " (" + po.getReasonCode() + ")")
                .append('\n'));
        for (Shipment s : tracking.shipmentsOf(order.getId())) {
            text.append("- Parcel ").append(s.getCarrierCode()).append(' ').append(s.getTrackingNumber()).append(": ")
                    .append(s.getStatus()).append('\n');
            s.getEvents().forEach(e -> text.append("  - ").append(TIME.format(e.getOccurredAt())).append(' ')
                    .append(e.getStatus()).append(e.getLocation() == null ? "" : " at " + e.getLocation())
                    .append(e.getDescription() == null ? "" : ": " + e.getDescription()).append('\n'));
        }
        List<TimelineEntry> entries = timeline.findByOrderIdOrderById(order.getId());
        entries.subList(Math.max(0, entries.size() - 8), entries.size()).forEach(e ->
                text.append("- ").append(TIME.format(e.getAt())).append(' ').append(e.getWhat()).append('\n'));
        String result = text.toString();
        return result.length() > 3500 ? result.substring(result.length() - 3500) : result;
    }
}
