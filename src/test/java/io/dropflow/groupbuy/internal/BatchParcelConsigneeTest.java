package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.ShipmentView;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * A batch's parcel goes to its pickup point, for the point's leader: a carrier that wants the consignee's phone or
 * postal code to follow a number (SF Express through Kuaidi100, some of 17TRACK's) is given the point's, as an
 * order's parcel is given its consumer's, rather than refusing an unknown consignee.
 */
class BatchParcelConsigneeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final long BATCH = 7L;
    private static final long PURCHASE_ORDER = 42L;
    private static final long PARCEL = 99L;

    private final Batches batches = mock(Batches.class);
    private final Purchases purchases = mock(Purchases.class);
    private final Tracking tracking = mock(Tracking.class);
    private final BatchPurchasing batchPurchasing = new BatchPurchasing(batches, purchases, mock(GroupBuyLines.class),
            null, null, tracking, null, null, null, null, null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aBatchParcelIsRegisteredWithThePickupPointsLeaderPhoneAndPostalCode() {
        Leader leader = new Leader("L1", "Wang Fang", "+86 138 0013 8000", "wang@example.com", "wang",
                new BigDecimal("0.05"), NOW);
        PickupPoint point = new PickupPoint("PP-1", new PickupPoint.Address("Sunshine Garden", "1 Garden Road", null,
                "Hangzhou", "310000", "Zhejiang", "CN"), ZoneId.of("Asia/Shanghai"), leader, NOW);
        Batch batch = new Batch(point, NOW, LocalDate.of(2026, 12, 10), NOW);
        Purchase purchase = new Purchase(BATCH, 1, 3L, 1, null);
        purchase.forwarded(PURCHASE_ORDER);
        when(tracking.shipment(PARCEL)).thenReturn(new ShipmentView(PARCEL, null, PURCHASE_ORDER, null, "SF",
                "SF1234567890", TrackingStatus.IN_TRANSIT, NOW, null, null, null, List.of()));
        when(purchases.findByPurchaseOrderId(PURCHASE_ORDER)).thenReturn(Optional.of(purchase));
        when(batches.byId(BATCH)).thenReturn(batch);
        when(tracking.registerOrSayWhyNot(eq(PARCEL), org.mockito.ArgumentMatchers.any())).thenReturn(Optional.empty());

        batchPurchasing.registerTracking(PARCEL);

        ArgumentCaptor<Consignee> consignee = ArgumentCaptor.forClass(Consignee.class);
        verify(tracking).registerOrSayWhyNot(eq(PARCEL), consignee.capture());
        assertThat(consignee.getValue()).isEqualTo(new Consignee("+86 138 0013 8000", "310000", "CN"));
    }
}
