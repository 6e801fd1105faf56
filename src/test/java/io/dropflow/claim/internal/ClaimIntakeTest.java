package io.dropflow.claim.internal;

import static io.dropflow.aftersales.AfterSalesFixtures.CLOCK;
import static io.dropflow.aftersales.AfterSalesFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dropflow.aftersales.OrderDeliveries;
import io.dropflow.claim.ClaimType;
import io.dropflow.claim.Remedy;
import io.dropflow.order.AfterSalesWindows;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.web.InvalidRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimIntakeTest {

    private final OrderLookup orders = mock(OrderLookup.class);
    private final OrderDeliveries deliveries = mock(OrderDeliveries.class);
    private final AfterSalesWindows windows = mock(AfterSalesWindows.class);
    private final ClaimIntake intake = new ClaimIntake(orders, deliveries, null, null, null, null, null, null, null,
            windows, CLOCK);
    private static final FileClaim DAMAGED_WITH_A_PHOTO = new FileClaim(ClaimType.DAMAGED, List.of(new FileClaim.Line(1, 1)),
            "The mug arrived in pieces.", List.of("https://photos.example.com/broken-mug.jpg"), Remedy.REFUND);

    /** The tester's refusal read "(P30D after delivery)", a machine's duration. */
    @Test
    void aClaimAfterItsWindowIsRefusedNamingTheWindowInWords() {
        when(orders.locked(1L)).thenReturn(new OrderSummary(1L, "SHOP-1", OrderStatus.SETTLED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofDays(40))));
        when(deliveries.deliveredAt(1L)).thenReturn(Optional.of(NOW.minus(Duration.ofDays(31))));
        when(windows.of(1L)).thenReturn(new AfterSalesWindows.Windows(Duration.ofDays(14), Duration.ofDays(30),
                Duration.ofDays(30), Duration.ofDays(20)));

        assertThatThrownBy(() -> intake.file(1L, DAMAGED_WITH_A_PHOTO, List.of()))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessage("the claim window of order 1 closed at 2026-11-23T10:00:00Z (30 days after delivery)");
    }

    /**
     * A parcel that never arrived and was given up: the order was refunded in full. A claim once its delivery
     * is overdue would have paid the consumer a second time.
     */
    @Test
    void aClaimOnAnOrderThatEndedWithoutADeliveryIsRefused() {
        when(orders.locked(1L)).thenReturn(new OrderSummary(1L, "SHOP-1", OrderStatus.REFUNDED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofDays(40))));
        when(deliveries.deliveredAt(1L)).thenReturn(Optional.empty());
        when(deliveries.firstShippedAt(1L)).thenReturn(Optional.of(NOW.minus(Duration.ofDays(35))));
        when(windows.of(1L)).thenReturn(new AfterSalesWindows.Windows(Duration.ofDays(14), Duration.ofDays(30),
                Duration.ofDays(30), Duration.ofDays(20)));

        assertThatThrownBy(() -> intake.file(1L, DAMAGED_WITH_A_PHOTO, List.of()))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessage("order 1 is REFUNDED: the consumer was refunded in full or never charged; there is nothing to claim");
    }

    /**
     * The order's full refund is planned (its parcel given up, the storefront not yet answered): the order is still
     * SHIPPED, and its parcel overdue, but a claim would only be withheld at its refund. Refused at intake instead.
     */
    @Test
    void aClaimOnAnOrderWhoseFullRefundIsPlannedIsRefused() {
        when(orders.locked(1L)).thenReturn(new OrderSummary(1L, "SHOP-1", OrderStatus.SHIPPED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofDays(40))));
        when(orders.fullRefundPlanned(1L)).thenReturn(Optional.of(OrderStatus.REFUNDED));
        when(deliveries.deliveredAt(1L)).thenReturn(Optional.empty());
        when(deliveries.firstShippedAt(1L)).thenReturn(Optional.of(NOW.minus(Duration.ofDays(35))));
        when(windows.of(1L)).thenReturn(new AfterSalesWindows.Windows(Duration.ofDays(14), Duration.ofDays(30),
                Duration.ofDays(30), Duration.ofDays(20)));

        assertThatThrownBy(() -> intake.file(1L, DAMAGED_WITH_A_PHOTO, List.of()))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessage("order 1 is being refunded in full (it closes REFUNDED): the consumer gets the whole sale back;"
                        + " there is nothing to claim");
    }

    /** The review's case: the parcel given up and refunded in full turns up delivered after all. */
    @Test
    void aClaimOnAnOrderRefundedInFullWhoseParcelCameAfterAllIsRefused() {
        when(orders.locked(1L)).thenReturn(new OrderSummary(1L, "SHOP-1", OrderStatus.REFUNDED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofDays(40))));
        when(deliveries.deliveredAt(1L)).thenReturn(Optional.of(NOW.minus(Duration.ofDays(2))));
        when(windows.of(1L)).thenReturn(new AfterSalesWindows.Windows(Duration.ofDays(14), Duration.ofDays(30),
                Duration.ofDays(30), Duration.ofDays(20)));

        assertThatThrownBy(() -> intake.file(1L, DAMAGED_WITH_A_PHOTO, List.of()))
                .isInstanceOf(ClaimRefusedException.class).hasMessageContaining("order 1 is REFUNDED");
    }

    /** The tester's DAMAGED claim without a photo or a video was taken and went to the operator and the supplier. */
    @Test
    void aClaimOfATypeThatNeedsEvidenceIsA400NamingTheFieldWhenItHasNone() {
        for (ClaimType type : List.of(ClaimType.DAMAGED, ClaimType.WRONG_ITEM, ClaimType.QUALITY)) {
            FileClaim withoutEvidence = new FileClaim(type, List.of(new FileClaim.Line(1, 1)), "Not as it should be.",
                    null, Remedy.REFUND);

            assertThatThrownBy(() -> intake.file(1L, withoutEvidence, List.of()))
                    .isInstanceOf(InvalidRequest.class)
                    .hasMessage("evidenceUrls must name at least one photo or video for a " + type + " claim (or send the"
                            + " files in parts 'evidence'): the supplier is shown what the consumer received")
                    .satisfies(e -> assertThat(((InvalidRequest) e).getBody().getProperties().get("errors"))
                            .asString().contains("field=evidenceUrls"));
        }
        verifyNoInteractions(orders);
    }

    /** A missing piece cannot be photographed: its claim is judged without evidence, as before. */
    @Test
    void aClaimOfAMissingItemNeedsNoEvidence() {
        when(orders.locked(1L)).thenReturn(new OrderSummary(1L, "SHOP-1", OrderStatus.REFUNDED, "WEBSHOP", "EUR", null,
                null, List.of(), NOW.minus(Duration.ofDays(40))));
        when(deliveries.deliveredAt(1L)).thenReturn(Optional.of(NOW.minus(Duration.ofDays(2))));
        when(windows.of(1L)).thenReturn(new AfterSalesWindows.Windows(Duration.ofDays(14), Duration.ofDays(30),
                Duration.ofDays(30), Duration.ofDays(20)));
        FileClaim missing = new FileClaim(ClaimType.MISSING_ITEM, List.of(new FileClaim.Line(1, 1)), "Only one mug came.",
                List.of(), Remedy.REFUND);

        // past the evidence: the order's own refusal
        assertThatThrownBy(() -> intake.file(1L, missing, List.of()))
                .isInstanceOf(ClaimRefusedException.class).hasMessageContaining("order 1 is REFUNDED");
    }
}
