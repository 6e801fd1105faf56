package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.carrier.ReturnLabels;
import io.dropflow.carrier.Tracking;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.ShippingAddress;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.Returns;
import io.dropflow.supplier.BlindShippingSender;
import io.dropflow.supplier.Purchasing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Books the return label (a return waybill) from the consumer to the seller's return address
 * ({@code dropflow.seller.return-address}, blind shipping both ways) and subscribes to its
 * tracking. One label per return: the key is the return's.
 */
@CallsPartner
@Component("bookReturnLabel")
class BookReturnLabel implements JavaDelegate {

    private final Returns returns;
    private final OrderLookup orders;
    private final Tracking tracking;
    private final BlindShippingSender seller;
    private final ReturnHistory history;
    private final Purchasing purchasing;

    BookReturnLabel(Returns returns, OrderLookup orders, Tracking tracking, BlindShippingSender seller, ReturnHistory history,
            Purchasing purchasing) {
        this.purchasing = purchasing;
        this.returns = returns;
        this.orders = orders;
        this.tracking = tracking;
        this.seller = seller;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRequest r = returns.findById((Long) execution.getVariable(Variables.RETURN_ID)).orElseThrow();
        OrderSummary order = orders.order(r.getOrderId());
        ShippingAddress a = order.shippingAddress();
        String supplierCode = purchasing.purchaseOrder(r.getPurchaseOrderId()).supplierCode();
        Tracking.ReturnParcel parcel = tracking.returnParcel(r.getOrderId(), r.getPurchaseOrderId(), r.getId(),
                new ReturnLabels.ReturnLabelRequest(r.number() + "-label", r.number(), supplierCode, a.name(),
                        String.join(", ", a.line1(), a.postalCode() + " " + a.city(), a.country()),
                        seller.sender().name() + " returns", seller.sender().returnAddress()));
        r.labelBooked(parcel.carrierCode(), parcel.trackingNumber(), parcel.labelUrl());
        execution.setVariable(Variables.RETURN_SHIPMENT_ID, parcel.shipmentId());
        history.record(r.getId(), "CARRIER", "Return label " + parcel.carrierCode() + " " + parcel.trackingNumber());
    }
}
