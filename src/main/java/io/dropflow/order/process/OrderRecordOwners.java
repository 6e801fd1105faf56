package io.dropflow.order.process;

import io.dropflow.carrier.Tracking;
import io.dropflow.processengine.RecordOwners;
import io.dropflow.supplier.Purchasing;
import org.springframework.stereotype.Component;

/**
 * Whose order a purchase order or a shipment is, for the order process's {@code purchaseOrderId} and
 * {@code shipmentId}: a step that reads one of another order's (changed by hand) fails, an incident, instead
 * of acting on that order (exploratory test s13: order 3's reroute asked ACME to cancel order 7's purchase order).
 */
final class OrderRecordOwners {

    static final String PURCHASE_ORDER = "purchase order";
    static final String SHIPMENT = "shipment";

    private OrderRecordOwners() {
    }

    @Component
    static class PurchaseOrders implements RecordOwners {

        private final Purchasing purchasing;

        PurchaseOrders(Purchasing purchasing) {
            this.purchasing = purchasing;
        }

        @Override
        public String kind() {
            return PURCHASE_ORDER;
        }

        @Override
        public Long ownerOf(Long id) {
            return purchasing.purchaseOrder(id).orderId();
        }
    }

    @Component
    static class Shipments implements RecordOwners {

        private final Tracking tracking;

        Shipments(Tracking tracking) {
            this.tracking = tracking;
        }

        @Override
        public String kind() {
            return SHIPMENT;
        }

        @Override
        public Long ownerOf(Long id) {
            return tracking.shipment(id).orderId();
        }
    }
}
