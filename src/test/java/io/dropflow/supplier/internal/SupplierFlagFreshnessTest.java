package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.supplier.PurchaseOrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A supplier's {@code flagged} in the catalog is what its scorecard says (explore-s12 D8, orders 5): one
 * supplier's answer computes it afresh, as {@code GET …/scorecard} does, and what was computed afresh is what
 * supplier selection, task forms and the supplier list reuse from then on, not a card of minutes before.
 */
class SupplierFlagFreshnessTest {

    final Instant now = Instant.parse("2026-12-07T07:17:29Z");
    final Suppliers suppliers = mock(Suppliers.class);
    final PurchaseOrders purchaseOrders = mock(PurchaseOrders.class);
    final Supplier slowpoke = new Supplier("SLOWPOKE", "Slowpoke Supplies", "DE", 88);
    final ScorecardService scorecards = new ScorecardService(suppliers, purchaseOrders,
            code -> ScorecardCalculationTest.RULES, new ScorecardSettings(null, Duration.ofMinutes(5)),
            Clock.fixed(now, ZoneOffset.UTC));
    final CatalogMaintenance catalog = new CatalogMaintenance(suppliers, mock(SupplierOffers.class), scorecards,
            Clock.fixed(now, ZoneOffset.UTC), mock(org.springframework.jdbc.core.JdbcTemplate.class),
            mock(io.dropflow.web.UniqueCodes.class), mock(SupplierBindings.class));

    @Test
    void aSuppliersFlagIsItsScorecardsNowAndSelectionReusesThatOne() {
        ReflectionTestUtils.setField(slowpoke, "id", 7L);
        when(suppliers.findByCode("SLOWPOKE")).thenReturn(Optional.of(slowpoke));
        when(suppliers.findById(7L)).thenReturn(Optional.of(slowpoke));
        // Given supplier selection read SLOWPOKE's scorecard while it had no purchase orders
        when(purchaseOrders.scoredBetween(eq(7L), any(), any())).thenReturn(List.of());
        assertThat(scorecards.recent(7L).flagged()).isFalse();

        // When six purchase orders it accepted then went unshipped past 48 h
        List<ScoredPurchaseOrder> late = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant forwarded = now.minus(Duration.ofDays(3));
            late.add(new ScoredPurchaseOrder(PurchaseOrderStatus.ACCEPTED, null, forwarded, null,
                    forwarded.plus(Duration.ofHours(24)), 0, null, 0));
        }
        when(purchaseOrders.scoredBetween(eq(7L), any(), any())).thenReturn(late);

        // Then GET /api/suppliers/SLOWPOKE says flagged, as its scorecard does
        assertThat(catalog.supplier("SLOWPOKE").flagged()).isTrue();
        assertThat(scorecards.of("SLOWPOKE").flagged()).isTrue();
        // and what selection, forms and the list reuse is that card, not the one of before
        assertThat(scorecards.recent(7L).flagged()).isTrue();
        assertThat(scorecards.recent(7L).purchaseOrders()).isEqualTo(6);
    }
}
