package io.dropflow.aftersales;

import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What taking in a claim or a return needs to know of the order: when its parcel arrived, and
 * which purchase order (so which supplier) shipped it. Return parcels and replacement or exchange
 * purchase orders do not count.
 */
@Component
public class OrderDeliveries {

    private final Tracking tracking;
    private final Purchasing purchasing;

    OrderDeliveries(Tracking tracking, Purchasing purchasing) {
        this.tracking = tracking;
        this.purchasing = purchasing;
    }

    /** When the order's parcel was delivered (the last delivery event, else when it was registered). */
    public Optional<Instant> deliveredAt(Long orderId) {
        // a number the supplier replaced (a re-labelled parcel) says nothing about the delivery, whatever it reports
        return outbound(orderId).stream().filter(s -> s.status() == TrackingStatus.DELIVERED && !s.isReplaced())
                .map(s -> s.lastEventAt() == null ? s.createdAt() : s.lastEventAt())
                .max(Instant::compareTo);
    }

    /** When the order's first parcel was registered with the carrier, if one was. */
    public Optional<Instant> firstShippedAt(Long orderId) {
        return outbound(orderId).stream().map(ShipmentView::createdAt).min(Instant::compareTo);
    }

    /** The order's own purchase order that shipped last: the one a case is against. */
    public Optional<PurchaseOrderView> shippedPurchaseOrder(Long orderId) {
        return purchasing.purchaseOrdersOf(orderId).stream()
                .filter(p -> p.shippedAt() != null && p.isOriginal())
                .reduce((first, second) -> second);
    }

    private List<ShipmentView> outbound(Long orderId) {
        // nor does a claim's replacement or a return's exchange: the order's own parcel is what a case is about
        return tracking.shipmentsOf(orderId).stream().filter(s -> s.returnId() == null && !s.isForCase()).toList();
    }
}
