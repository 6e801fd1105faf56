package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.Party;
import io.dropflow.aftersales.ReplacementOrders;
import io.dropflow.carrier.ReturnLabels;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.ShippingAddress;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnWish;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.BlindShippingSender;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** The goods' way back and the exchange's way out: the return label, its tracking, and the exchange purchase order. */
@Service
public class ReturnLogistics {

    private final Returns returns;
    private final OrderLookup orders;
    private final Tracking tracking;
    private final Purchasing purchasing;
    private final BlindShippingSender seller;
    private final ConsumerMessages consumer;
    private final ReplacementOrders replacements;
    private final CaseHistory history;
    private final ReturnSettings settings;
    private final Clock clock;

    ReturnLogistics(Returns returns, OrderLookup orders, Tracking tracking, Purchasing purchasing,
            BlindShippingSender seller, ConsumerMessages consumer, ReplacementOrders replacements, CaseHistory history,
            ReturnSettings settings, Clock clock) {
        this.returns = returns;
        this.orders = orders;
        this.tracking = tracking;
        this.purchasing = purchasing;
        this.seller = seller;
        this.consumer = consumer;
        this.replacements = replacements;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Books the return label (a return waybill) from the consumer to the seller's return address
     * (blind shipping both ways) and follows its tracking. One label per return: the key is the return's.
     * @return the return parcel's shipment, whose tracking events are correlated by it
     */
    @CallsPartner
    public Long bookLabel(Long returnId) {
        ReturnRequest r = returns.get(returnId);
        ShippingAddress a = orders.order(r.getOrderId()).shippingAddress();
        String supplierCode = purchasing.purchaseOrder(r.getPurchaseOrderId()).supplierCode();
        Tracking.ReturnParcel parcel = tracking.returnParcel(r.getOrderId(), r.getPurchaseOrderId(), r.getId(),
                new ReturnLabels.ReturnLabelRequest(r.number() + "-label", r.number(), supplierCode, a.name(),
                        String.join(", ", a.line1(), a.postalCode() + " " + a.city(), a.country()),
                        seller.sender().name() + " returns", seller.sender().returnAddress()));
        r.labelBooked(parcel.carrierCode(), parcel.trackingNumber(), parcel.labelUrl(), clock.instant());
        history.record(r, Party.CARRIER, "Return label " + parcel.carrierCode() + " " + parcel.trackingNumber());
        return parcel.shipmentId();
    }

    /** Sends the consumer the return label, with who pays for it; once per return. */
    @CallsPartner
    public void sendLabel(Long returnId) {
        ReturnRequest r = returns.get(returnId);
        String cost = r.getReturnShippingPaidBy() == ReturnRequest.ShippingPaidBy.CONSUMER
                ? "The label's " + Money.format(r.getLabelCost(), r.getCurrency()) + " will be deducted from your refund."
                : "Return shipping is free for you.";
        if (r.getWish() != ReturnWish.EXCHANGE) { // said before the goods are sent, 0.00 too (a label dearer than them)
            cost += " Your refund when the goods arrive as sent: " + Money.format(r.refundPerPolicy(), r.getCurrency())
                    + (r.refundPerPolicy().signum() == 0 ? ", nothing is left of their value after the deductions." : ".");
        }
        String refused = r.refusedLines().stream().map(l -> " Keep line " + l.getLineNo() + " (" + l.getSku()
                + "), it cannot be returned: " + l.getPolicyRule()).collect(java.util.stream.Collectors.joining());
        consumer.send(r, "label", "Your return " + r.number() + ": please send the goods with this label: "
                + r.getReturnLabelUrl() + " (" + r.getReturnCarrierCode() + " " + r.getReturnTrackingNumber() + "). " + cost
                + refused);
    }

    /**
     * Orders the exchange: the wanted variant, as many pieces as are returned, from the same supplier.
     * One exchange per return (its purchase order number is derived from the return), so a retry, or
     * the policy's two places for this step, never ship twice.
     * @param shipByHours return hours the supplier has to ship it (return-deadlines.dmn)
     */
    @CallsPartner
    public void forwardExchange(Long returnId, long shipByHours) {
        ReturnRequest r = returns.get(returnId);
        r.exchangeOrdered(replacements.exchange(r, r.getExchangeSku(), (int) shipByHours,
                settings.hours(shipByHours)).id(), clock.instant());
    }

    /** The return's exchange purchase order as it stands. */
    public PurchaseOrderView exchange(Long returnId) {
        return purchasing.purchaseOrder(returns.get(returnId).getExchangePurchaseOrderId());
    }

    /**
     * The exchange did not ship within its ship-by: its supplier is asked to cancel it (under the purchase order's
     * cancellation key, so a retry asks once), and the cancellation stands without waiting for the answer
     * ({@link Purchasing#NO_ANSWER}), so that goods the supplier ships after all reach an operator.
     * @return the exchange purchase order afterwards
     */
    @CallsPartner
    public PurchaseOrderView cancelLateExchange(Long returnId) {
        Long exchange = returns.get(returnId).getExchangePurchaseOrderId();
        purchasing.requestCancellation(exchange);
        return purchasing.cancelWithoutAnswer(exchange, Purchasing.NO_ANSWER);
    }
}
