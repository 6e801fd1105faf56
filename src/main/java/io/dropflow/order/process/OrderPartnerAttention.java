package io.dropflow.order.process;

import io.dropflow.carrier.ParcelTroubleAfterDelivery;
import io.dropflow.order.OrderLookup;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.PurchaseOrderEventNotApplied;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierEventType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says on a "Partner attention" task about an order what happened and what the operator is to do, with the order,
 * its purchase order and parcel (and the scan, for a carrier's), where the partner's raw message and the generic
 * "Partner attention" text did not (exploratory test): a supplier's parcel of a purchase order it had declined or
 * that was cancelled, and a carrier's trouble (returned, exception, delivery failed) after the order's parcel was
 * delivered. In the transaction that opened the task (or that joined it: the latest scan of a parcel is told);
 * times as the seller reads them, as on the order's timeline. A group-buy batch's or a return's parcel is not an
 * order's: its task keeps what the partner sent.
 */
@Component
class OrderPartnerAttention {

    private final PartnerDeliveries deliveries;
    private final OrderLookup orders;
    private final Purchasing purchasing;
    private final SellerTime time;

    OrderPartnerAttention(PartnerDeliveries deliveries, OrderLookup orders, Purchasing purchasing, SellerTime time) {
        this.deliveries = deliveries;
        this.orders = orders;
        this.purchasing = purchasing;
        this.time = time;
    }

    @EventListener
    void on(PurchaseOrderEventNotApplied event) {
        boolean shippedAnyway = event.type() == SupplierEventType.SHIPPED && event.carrierCode() != null
                && (event.status() == PurchaseOrderStatus.DECLINED || event.status() == PurchaseOrderStatus.CANCELLED);
        if (!event.toOperator() || event.orderId() == null || event.recorded() == null || !shippedAnyway) {
            return;
        }
        String order = orders.order(event.orderId()).storefrontOrderId();
        String parcel = event.carrierCode() + " " + event.trackingNumber();
        String what = "Order " + order + ": " + event.supplierCode() + " shipped purchase order "
                + event.purchaseOrderNumber() + (event.status() == PurchaseOrderStatus.DECLINED
                        ? " after it had declined it" : " after it was cancelled")
                + ", as parcel " + parcel + ". Dropflow does not follow this parcel, and the order may have been"
                + " refunded or sent to another supplier: ask the supplier to recall the parcel or settle its cost,"
                + " then close this task";
        deliveries.describe(event.recorded(), what, new FormFacts()
                .put("orderNumber", order)
                .put("purchaseOrder", event.purchaseOrderNumber())
                .put("purchaseOrderStatus", OperatorWords.of(event.status()))
                .put("supplierCode", event.supplierCode())
                .put("parcel", parcel));
    }

    @EventListener
    void on(ParcelTroubleAfterDelivery event) {
        if (event.orderId() == null || event.returnId() != null || event.recorded() == null) {
            return;
        }
        String order = orders.order(event.orderId()).storefrontOrderId();
        String po = event.purchaseOrderId() == null ? null : purchasing.purchaseOrder(event.purchaseOrderId()).number();
        String parcel = event.carrierCode() + " " + event.trackingNumber();
        String scan = OperatorWords.of(event.status());
        String what = "Order " + order + (po == null ? "" : ", purchase order " + po) + ": the carrier's scan of parcel "
                + parcel + " says " + scan + " at " + time.format(event.occurredAt()) + ", after it was delivered at "
                + time.format(event.deliveredAt()) + ". The parcel stays delivered and the order goes on: ask the"
                + " carrier what happened (a wrong delivery, a refused parcel, a claim) and settle it with the consumer,"
                + " then close this task";
        deliveries.describe(event.recorded(), what, new FormFacts()
                .put("orderNumber", order)
                .put("purchaseOrder", po)
                .put("parcel", parcel)
                .put("scan", scan)
                .put("scannedAt", time.format(event.occurredAt()))
                .put("deliveredAt", time.format(event.deliveredAt())));
    }
}
