package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.supplier.SupplierView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardCalculationTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final SupplierView SUPPLIER = new SupplierView(1L, "ACME", "Acme", "DE", 77, true);
    /** The row of bpmn/supplier-scorecard.dmn as shipped. */
    static final ScorecardTable.Rules RULES = new ScorecardTable.Rules(30, 48, 0.9, 5, 0.4, 0.3, 0.2, 0.1);
    final ScorecardCalculation calculation = new ScorecardCalculation(RULES, Duration.ofHours(1));

    @Test
    void aSupplierShippingFewerThanNinetyPercentWithin48HoursIsFlagged() {
        // Given 10 purchase orders forwarded 5 days ago, 8 shipped within a day and 2 after three days
        List<ScoredPurchaseOrder> window = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            window.add(po(PurchaseOrderStatus.SHIPPED, Duration.ofDays(5), Duration.ofDays(1), null));
        }
        window.add(po(PurchaseOrderStatus.SHIPPED, Duration.ofDays(5), Duration.ofDays(3), null));
        window.add(po(PurchaseOrderStatus.SHIPPED, Duration.ofDays(5), Duration.ofDays(3), null));

        SupplierScorecard card = calculation.of(SUPPLIER, window, NOW.minus(Duration.ofDays(30)), NOW);

        assertThat(card.shipWithinRate()).isEqualTo(0.8);
        assertThat(card.flagged()).isTrue();
        assertThat(card.why()).isEqualTo("shipped 80 % within 48 h (8 of 10); the bar is 90 %");
        assertThat(card.scoreFromFacts()).isTrue();
    }

    @Test
    void tooFewPurchaseOrdersKeepTheSellersScoreAndFlagNobody() {
        List<ScoredPurchaseOrder> window = List.of(po(PurchaseOrderStatus.SHIPPED, Duration.ofDays(5), Duration.ofDays(3), null));

        SupplierScorecard card = calculation.of(SUPPLIER, window, NOW.minus(Duration.ofDays(30)), NOW);

        assertThat(card.flagged()).isFalse();
        assertThat(card.score()).isEqualTo(77);
        assertThat(card.why()).isEqualTo("fewer than 5 purchase orders to judge shipping speed on");
    }

    @Test
    void aShipmentWithoutAnAcceptanceCountsAsAcceptedAndAnOpenOneIsNotJudgedBeforeItsTimeIsUp() {
        List<ScoredPurchaseOrder> window = List.of(
                po(PurchaseOrderStatus.SHIPPED, Duration.ofDays(3), Duration.ofHours(2), null),
                po(PurchaseOrderStatus.FORWARDED, Duration.ofHours(1), null, null),
                po(PurchaseOrderStatus.DECLINED, Duration.ofDays(2), null, "OUT_OF_STOCK"));

        SupplierScorecard card = calculation.of(SUPPLIER, window, NOW.minus(Duration.ofDays(30)), NOW);

        assertThat(card.acceptanceRate()).isEqualTo(0.5);
        assertThat(card.shipWithinRate()).isEqualTo(1.0);
        assertThat(card.stockOutRate()).isEqualTo(1.0 / 3);
        assertThat(card.purchaseOrders()).isEqualTo(3);
    }

    @Test
    void theTablesHoursBarSampleAndWeightsDecideTheCard() {
        // Given an analyst's row: ships within 24 hours, bar 50 %, judged from 2, only speed counts
        ScorecardCalculation strict = new ScorecardCalculation(new ScorecardTable.Rules(30, 24, 0.5, 2, 1, 0, 0, 0),
                Duration.ofMinutes(1));
        List<ScoredPurchaseOrder> window = List.of(
                po(PurchaseOrderStatus.SHIPPED, Duration.ofDays(5), Duration.ofMinutes(20), null),
                po(PurchaseOrderStatus.SHIPPED, Duration.ofDays(5), Duration.ofMinutes(30), null),
                po(PurchaseOrderStatus.SHIPPED, Duration.ofDays(5), Duration.ofMinutes(20), null));

        // When the card is computed with hours of one minute
        SupplierScorecard card = strict.of(SUPPLIER, window, NOW.minus(Duration.ofDays(30)), NOW);

        // Then 24 "hours" last 24 minutes: two of three shipped within, 67 % is above the bar, score = speed only
        assertThat(card.shipWithin()).isEqualTo(Duration.ofMinutes(24));
        assertThat(card.shipWithinHours()).as("what a form shows: the table's hours, not the minutes they last").isEqualTo(24);
        assertThat(card.shipWithinRate()).isEqualTo(2.0 / 3);
        assertThat(card.flagged()).isFalse();
        assertThat(card.score()).isEqualTo(67);
    }

    @Test
    void weightsThatDoNotAddUpToOneAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScorecardTable.Rules(30, 48, 0.9, 5, 0.5, 0.3, 0.2, 0.1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("adding up to 1");
    }

    private static ScoredPurchaseOrder po(PurchaseOrderStatus status, Duration forwardedAgo, Duration shippedAfter,
            String reason) {
        Instant forwarded = NOW.minus(forwardedAgo);
        Instant shipped = shippedAfter == null ? null : forwarded.plus(shippedAfter);
        return new ScoredPurchaseOrder(status, reason, forwarded, shipped, forwarded.plus(Duration.ofHours(48)), 0);
    }
}
