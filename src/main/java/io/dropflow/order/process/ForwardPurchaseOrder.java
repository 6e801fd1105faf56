package io.dropflow.order.process;

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
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierRefusedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Places the purchase order with the next ranked supplier. Blind shipping: the sender on the label
 * is the seller. The attempt counter is a process variable written in the same transaction as the
 * call, so a retry after a failure sends the same purchase order number (the supplier's
 * idempotency key) again and never orders twice.
 */
@CallsPartner
@Component("forwardPurchaseOrder")
class ForwardPurchaseOrder implements JavaDelegate {

    static final String SUPPLIER_REFUSED = "SUPPLIER_REFUSED";

    private final Orders orders;
    private final SourcingCandidates candidates;
    private final Catalog catalog;
    private final Purchasing purchasing;
    private final OrderTimeline timeline;
    private final ShippingSla shippingSla;
    private final SlaSettings sla;
    private final Clock clock;

    ForwardPurchaseOrder(Orders orders, SourcingCandidates candidates, Catalog catalog, Purchasing purchasing,
            OrderTimeline timeline, ShippingSla shippingSla, SlaSettings sla, Clock clock) {
        this.orders = orders;
        this.candidates = candidates;
        this.catalog = catalog;
        this.purchasing = purchasing;
        this.timeline = timeline;
        this.shippingSla = shippingSla;
        this.sla = sla;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow();
        int round = (Integer) execution.getVariable(Variables.SOURCING_ROUND);
        int rank = (Integer) execution.getVariable(Variables.NEXT_CANDIDATE);
        Integer previousAttempt = (Integer) execution.getVariable(Variables.PURCHASE_ORDER_ATTEMPT);
        int attempt = previousAttempt == null ? 1 : previousAttempt + 1;
        SourcingCandidate candidate = candidates.findByOrderIdAndRoundAndRankNo(order.getId(), round, rank).orElseThrow();

        Map<String, OfferView> offerBySku = catalog.offersOf(candidate.getSupplierId()).stream()
                .collect(Collectors.toMap(OfferView::sku, o -> o));
        List<Purchasing.Line> lines = order.getLines().stream()
                .map(l -> line(l, offerBySku.get(l.getSku())))
                .toList();
        BigDecimal shipping = order.getLines().stream().map(l -> offerBySku.get(l.getSku()).shippingCost())
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        int shipByHours = shippingSla.shipByHours(candidate.getTier(), order.getShippingAddress().country(),
                order.getLines().stream().map(l -> offerBySku.get(l.getSku())).distinct().toList());
        try {
            PurchaseOrderView po = purchasing.forward(new Purchasing.ForwardCommand(order.getId(), attempt,
                    candidate.getSupplierId(), lines, shipping, order.getCurrency(), order.summary().supplierShipTo(),
                    shipByHours, sla.hours(shipByHours)));
            execution.setVariable(Variables.PURCHASE_ORDER_ATTEMPT, attempt);
            execution.setVariable(Variables.PURCHASE_ORDER_ID, po.id());
            execution.setVariable(Variables.SHIP_BY_AT, java.util.Date.from(po.shipByAt()));
            execution.setVariable(Variables.REMINDER_AT,
                    java.util.Date.from(sla.reminderDue(po.forwardedAt(), po.shipByAt())));
            order.moveTo(OrderStatus.FORWARDED, clock.instant());
            timeline.record(order.getId(), "Purchase order " + po.number() + " forwarded to "
                    + po.supplierCode() + ", to ship within " + po.shipByHours() + " h");
        } catch (SupplierRefusedException e) {
            execution.setVariable(Variables.PURCHASE_ORDER_ATTEMPT, attempt);
            execution.setVariable(Variables.DECLINE_REASON, e.reasonCode());
            timeline.record(order.getId(), "Supplier refused the purchase order: " + e.getMessage());
            throw new BpmnError(SUPPLIER_REFUSED, e.getMessage());
        }
    }

    private static Purchasing.Line line(OrderLine line, OfferView offer) {
        return new Purchasing.Line(line.getSku(), offer.supplierSku(), line.getQuantity(), offer.supplyPrice());
    }
}
