package io.dropflow.order.internal;

import static io.dropflow.order.internal.OrderFixtures.CLOCK;
import static io.dropflow.order.internal.OrderFixtures.NOW;
import static io.dropflow.order.internal.OrderFixtures.ORDER_ID;
import static io.dropflow.order.internal.OrderFixtures.mugOrder;
import static io.dropflow.order.internal.OrderFixtures.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;

import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.carrier.Tracking;
import io.dropflow.storefront.StorefrontGateway;
import io.dropflow.supplier.Purchasing;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Delivery: when a quiet parcel counts as stalled, and what is sent about it. */
class DeliveryTest {

    private static final Duration STALL_AFTER = Duration.ofDays(3);
    private static final long PARCEL = 3L;

    private final Orders orders = mock(Orders.class);
    private final Tracking tracking = mock(Tracking.class);
    private final StorefrontGateway storefront = mock(StorefrontGateway.class);
    private final Purchasing purchasing = mock(Purchasing.class);
    private final RecordedTimeline timeline = new RecordedTimeline();
    private final Delivery delivery = new Delivery(orders, tracking, storefront, purchasing, timeline, CLOCK,
            io.dropflow.processengine.SellerTime.in("Asia/Shanghai"));

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void aParcelWithoutNewsForThreeDaysHasStalled() {
        when(tracking.shipment(PARCEL)).thenReturn(shipment(PARCEL, daysAgo(5), daysAgo(3)));

        assertThat(delivery.stalled(ORDER_ID, PARCEL, Optional.empty(), STALL_AFTER)).isTrue();
        assertThat(timeline.lines()).containsExactly("No tracking news since "
                + io.dropflow.processengine.SellerTime.in("Asia/Shanghai").format(daysAgo(3)) + ": parcel stalled")
                .allSatisfy(line -> assertThat(line).as("local time, not a UTC instant").doesNotContain("Z:")
                        .contains("(Asia/Shanghai)"));
    }

    @Test
    void aParcelWithRecentNewsIsStillMoving() {
        when(tracking.shipment(PARCEL)).thenReturn(shipment(PARCEL, daysAgo(5), daysAgo(1)));

        assertThat(delivery.stalled(ORDER_ID, PARCEL, Optional.empty(), STALL_AFTER)).isFalse();
        assertThat(timeline.lines()).isEmpty();
    }

    @Test
    void withoutAnyTrackingEventTheSilenceCountsFromShipping() {
        when(tracking.shipment(PARCEL)).thenReturn(shipment(PARCEL, daysAgo(2), null));

        assertThat(delivery.stalledAt(PARCEL, Optional.empty(), STALL_AFTER)).isEqualTo(daysAgo(2).plus(STALL_AFTER));
    }

    @Test
    void anOperatorWhoKeepsWatchingStartsTheSilenceAgain() {
        when(tracking.shipment(PARCEL)).thenReturn(shipment(PARCEL, daysAgo(9), daysAgo(8)));

        assertThat(delivery.stalledAt(PARCEL, Optional.of(daysAgo(1)), STALL_AFTER)).isEqualTo(daysAgo(1).plus(STALL_AFTER));
        assertThat(delivery.stalled(ORDER_ID, PARCEL, Optional.of(daysAgo(1)), STALL_AFTER)).isFalse();
        assertThat(delivery.stalledAt(PARCEL, Optional.of(daysAgo(10)), STALL_AFTER)).as("news after the decision counts")
                .isEqualTo(daysAgo(8).plus(STALL_AFTER));
    }

    @Test
    void anInvestigationIsAskedOncePerOperatorDecision() {
        when(tracking.shipment(PARCEL)).thenReturn(shipment(PARCEL, daysAgo(5), daysAgo(4)));
        Instant decided = daysAgo(0);

        delivery.askSupplierToInvestigate(PARCEL, Optional.of(decided));

        verify(purchasing).requestInvestigation(11L, "SANDBOX-POST", "TRK-3",
                "DF-7-parcel3-investigate-" + decided.getEpochSecond());
        assertThat(timeline.lines()).containsExactly("Asked the supplier to investigate parcel SANDBOX-POST TRK-3");
    }

    @Test
    void theCarrierLearnsTheConsigneesPhoneAndTheDeliveryAddresssPostalCodeAndCountry() {
        when(orders.byId(ORDER_ID)).thenReturn(mugOrder());
        when(tracking.shipment(PARCEL)).thenReturn(shipment(PARCEL, daysAgo(1), null));
        when(tracking.registerOrSayWhyNot(PARCEL, new Consignee("+49 221 123", "51147", "DE")))
                .thenReturn(Optional.empty());

        delivery.registerTracking(PARCEL);

        verify(tracking).registerOrSayWhyNot(PARCEL, new Consignee("+49 221 123", "51147", "DE"));
        assertThat(timeline.lines()).containsExactly("Tracking registered with carrier SANDBOX-POST");
    }

    /** The refusal's words are the tracking feature's, the same for a group-buy batch's parcel (TrackingRefusedTest). */
    @Test
    void aParcelTheTrackingServiceRefusesWithoutMoreDataLeavesTheOrderGoingAndSaysSo() {
        when(orders.byId(ORDER_ID)).thenReturn(mugOrder());
        when(tracking.shipment(PARCEL)).thenReturn(shipment(PARCEL, daysAgo(1), null));
        String refused = "Tracking refused parcel SANDBOX-POST TRK-3 without the consignee's phone number: no tracking"
                + " news will come, an operator decides when the parcel's silence window ends";
        when(tracking.registerOrSayWhyNot(org.mockito.ArgumentMatchers.eq(PARCEL), org.mockito.ArgumentMatchers.any()))
                .thenReturn(Optional.of(refused));

        delivery.registerTracking(PARCEL);

        assertThat(timeline.lines()).containsExactly(refused);
    }

    @Test
    void theTrackingNumberReachesTheStorefrontOncePerParcel() {
        when(orders.byId(ORDER_ID)).thenReturn(mugOrder());
        when(tracking.shipment(PARCEL)).thenReturn(shipment(PARCEL, daysAgo(1), null));

        delivery.sendTrackingToStorefront(ORDER_ID, PARCEL);

        verify(storefront).syncTracking("SHOP-1001", "SANDBOX-POST", "TRK-3", "DF-7-tracking-3");
        verify(tracking).markSyncedToStorefront(PARCEL);
    }

    @Test
    void aWrittenOffParcelIsOnTheOrdersHistory() {
        when(tracking.shipment(PARCEL)).thenReturn(shipment(PARCEL, daysAgo(9), daysAgo(8)));

        delivery.writeOff(PARCEL);

        assertThat(timeline.lines())
                .containsExactly("Parcel SANDBOX-POST TRK-3 written off: reshipping with a new purchase order");
    }

    /** Parcel {@code id} of purchase order 11 under {@code number}, shipped a day ago, replaced by {@code replacedBy}. */
    private static ShipmentView parcel(long id, String number, TrackingStatus status, Instant synced, Long replacedBy) {
        return new ShipmentView(id, ORDER_ID, 11L, null, "SANDBOX-POST", number, status, daysAgo(1), daysAgo(1), synced,
                null, java.util.List.of(), replacedBy);
    }

    @Test
    void aNewNumberForTheShippedParcelIsFollowedAndOnTheTimeline() {
        when(tracking.retrack(ORDER_ID, 11L, "SF", "SF123")).thenReturn(new Tracking.Retracked(
                Tracking.Retracked.Outcome.CHANGED, parcel(PARCEL, "TRK-3", TrackingStatus.IN_TRANSIT, null, 4L),
                new ShipmentView(4L, ORDER_ID, 11L, null, "SF", "SF123", TrackingStatus.PENDING, NOW, null, null, null,
                        java.util.List.of())));

        assertThat(delivery.supplierShippedAgain(ORDER_ID, 11L, "SF", "SF123")).contains(4L);
        assertThat(timeline.lines())
                .containsExactly("Supplier changed the tracking number: SANDBOX-POST TRK-3 → SF SF123");
    }

    @Test
    void theSameNumberAgainIsARedeliveryThatChangesNothing() {
        ShipmentView same = parcel(PARCEL, "TRK-3", TrackingStatus.IN_TRANSIT, null, null);
        when(tracking.retrack(ORDER_ID, 11L, "SANDBOX-POST", "TRK-3"))
                .thenReturn(new Tracking.Retracked(Tracking.Retracked.Outcome.SAME_NUMBER, same, same));

        assertThat(delivery.supplierShippedAgain(ORDER_ID, 11L, "SANDBOX-POST", "TRK-3")).isEmpty();
        assertThat(timeline.lines()).isEmpty();
        verify(tracking).retrack(ORDER_ID, 11L, "SANDBOX-POST", "TRK-3"); // compared with the number followed
    }

    @Test
    void aNewNumberAfterDeliveryIsOnTheTimelineAndChangesNothing() {
        ShipmentView delivered = parcel(PARCEL, "TRK-3", TrackingStatus.DELIVERED, null, null);
        when(tracking.retrack(ORDER_ID, 11L, "SF", "SF123"))
                .thenReturn(new Tracking.Retracked(Tracking.Retracked.Outcome.ALREADY_DELIVERED, delivered, delivered));

        assertThat(delivery.supplierShippedAgain(ORDER_ID, 11L, "SF", "SF123")).isEmpty();
        assertThat(timeline.lines()).containsExactly(
                "Supplier changed the tracking number after delivery: SANDBOX-POST TRK-3 → SF SF123 (nothing changed)");
    }

    @Test
    void theStorefrontShowsTheNewNumberInPlaceOfTheOneItShows() {
        when(orders.byId(ORDER_ID)).thenReturn(mugOrder());
        when(tracking.shipment(4L)).thenReturn(parcel(4L, "TRK-NEW", TrackingStatus.PENDING, null, null));
        when(tracking.replacedBy(4L)).thenReturn(Optional.of(parcel(PARCEL, "TRK-3", TrackingStatus.IN_TRANSIT,
                daysAgo(1), 4L)));

        delivery.sendTrackingToStorefront(ORDER_ID, 4L);

        verify(storefront).changeTracking("SHOP-1001", "SANDBOX-POST", "TRK-3", "SANDBOX-POST", "TRK-NEW",
                "DF-7-tracking-4");
        verify(storefront, never()).syncTracking(any(), any(), any(), any());
        verify(tracking).markSyncedToStorefront(4L);
    }

    @Test
    void aParcelReplacedBeforeItsNumberWasSetUpIsNeitherRegisteredNorSent() {
        when(orders.byId(ORDER_ID)).thenReturn(mugOrder());
        when(tracking.shipment(PARCEL)).thenReturn(parcel(PARCEL, "TRK-3", TrackingStatus.PENDING, null, 4L));

        delivery.registerTracking(PARCEL);
        delivery.sendTrackingToStorefront(ORDER_ID, PARCEL);

        verify(tracking, never()).register(any(), any(Consignee.class));
        verifyNoInteractions(storefront);
    }
}
