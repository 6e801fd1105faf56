package io.dropflow.aftersales.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingRegistrationRefused;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.Consumer;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.ShippingAddress;
import io.dropflow.supplier.PurchaseOrderEvent;
import io.dropflow.supplier.SupplierEventType;
import java.time.Instant;
import java.util.List;
import io.dropflow.processengine.MessageStartsLater;
import org.junit.jupiter.api.Test;

/** The after-sales parcel's edges: what is not registered, a number another parcel has, a refusal. */
class AfterSalesParcelsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private final Tracking tracking = mock(Tracking.class);
    private final OrderLookup orders = mock(OrderLookup.class);
    private final OrderTimeline timeline = mock(OrderTimeline.class);
    private final CaseHistory history = mock(CaseHistory.class);
    private final MessageStartsLater later = mock(MessageStartsLater.class);
    private final AfterSalesParcels parcels = new AfterSalesParcels(tracking, orders, timeline, history, later);

    private static ShipmentView parcel(long id, long purchaseOrderId, String number, TrackingStatus status,
            Instant registeredAt, Long replacedBy, String forCase, Instant deliveredAt) {
        List<ShipmentView.Event> events = deliveredAt == null ? List.of()
                : List.of(new ShipmentView.Event(TrackingStatus.DELIVERED, deliveredAt, null, null, deliveredAt));
        return new ShipmentView(id, 1L, purchaseOrderId, null, "GLS", number, status, NOW, registeredAt, null,
                deliveredAt, events, replacedBy, forCase);
    }

    private static PurchaseOrderEvent shipped(Long claimId, Long batchId, String number) {
        return new PurchaseOrderEvent("ACME:e1", batchId == null ? 1L : null, 12L, "DF-1-CL7-RESHIP1",
                SupplierEventType.SHIPPED, null, "GLS", number, claimId, null, batchId, List.of(), null);
    }

    @Test
    void aNumberAnotherParcelHasIsNotFollowed() {
        // the supplier shipped the replacement under the number of the order's own parcel (purchase order 11)
        when(tracking.recordCaseShipment(1L, 12L, "DF-CL7", "GLS", "GLS-1"))
                .thenReturn(parcel(3L, 11L, "GLS-1", TrackingStatus.DELIVERED, NOW, null, null, null));

        parcels.on(shipped(7L, null, "GLS-1"));

        verify(timeline).record(1L, "Replacement for claim DF-CL7 shipped: GLS GLS-1 (the number of another parcel:"
                + " not followed)");
        verifyNoInteractions(later);
    }

    @Test
    void theOrdersOwnAndABatchsPurchaseOrdersAreNotACasesParcel() {
        parcels.on(shipped(null, null, "GLS-2"));
        parcels.on(shipped(null, 4L, "GLS-3"));
        parcels.on(new ShipmentStatusChanged("GLS:e2", 1L, 3L, TrackingStatus.DELIVERED, null));

        verifyNoInteractions(tracking, timeline, history, later);
    }

    @Test
    void aRefusalWithoutConsigneeDataIsOnTheTimelineNotAFailure() {
        when(tracking.shipment(3L)).thenReturn(parcel(3L, 12L, "GLS-4", TrackingStatus.PENDING, null, null, "DF-RT3",
                null));
        when(orders.order(1L)).thenReturn(new OrderSummary(1L, "SHOP-1", OrderStatus.DELIVERED, "WEBSHOP", "EUR",
                new Consumer("Mia", "mia@example.com", "+49 221 123"),
                new ShippingAddress("Mia", "Ring 1", null, "Köln", null, null, "DE"), List.of(), NOW));
        when(tracking.register(any(), any(Consignee.class))).thenThrow(new TrackingRegistrationRefused("GLS", "GLS-4",
                "postal code of the delivery address", "GLS GLS-4 needs a postal code"));

        parcels.register(3L);

        verify(tracking).register(3L, new Consignee("+49 221 123", null, "DE"));
        verify(timeline).record(1L, "Tracking refused parcel GLS GLS-4 for DF-RT3 without the postal code of the"
                + " delivery address: no tracking news will come for it");
    }

    @Test
    void aNumberReLabelledOrRegisteredBeforeIsNotRegistered() {
        when(tracking.shipment(3L)).thenReturn(parcel(3L, 12L, "GLS-5", TrackingStatus.PENDING, null, 4L, "DF-CL7",
                null));
        when(tracking.shipment(4L)).thenReturn(parcel(4L, 12L, "GLS-6", TrackingStatus.PENDING, NOW, null, "DF-CL7",
                null));

        parcels.register(3L);
        parcels.register(4L);

        verify(tracking, never()).register(any(), any(Consignee.class));
        verify(timeline, never()).record(any(), anyString());
    }
}
