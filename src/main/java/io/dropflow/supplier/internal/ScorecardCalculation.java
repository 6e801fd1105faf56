package io.dropflow.supplier.internal;

import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.supplier.SupplierView;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A supplier's scorecard from the purchase orders forwarded to it in a window: a pure function of them. */
final class ScorecardCalculation {

    private static final Set<PurchaseOrderStatus> ACCEPTED = EnumSet.of(PurchaseOrderStatus.ACCEPTED,
            PurchaseOrderStatus.SHIPPED, PurchaseOrderStatus.CANCELLATION_REQUESTED, PurchaseOrderStatus.CANCELLED);
    private static final Set<PurchaseOrderStatus> CANCELLED = EnumSet.of(PurchaseOrderStatus.CANCELLATION_REQUESTED,
            PurchaseOrderStatus.CANCELLED);

    private final ScorecardTable.Rules rules;
    private final Duration shipWithin;

    /** @param hour how long one of the table's hours lasts ({@code dropflow.scorecard.hour}) */
    ScorecardCalculation(ScorecardTable.Rules rules, Duration hour) {
        this.rules = rules;
        this.shipWithin = hour.multipliedBy(rules.shipWithinHours());
    }

    /** @param window the supplier's purchase orders forwarded between {@code from} and {@code to} (now) */
    SupplierScorecard of(SupplierView supplier, List<ScoredPurchaseOrder> window, Instant from, Instant to) {
        // Accepted = the supplier took the order; a shipment without an ACCEPTED event counts as accepted.
        List<ScoredPurchaseOrder> accepted = window.stream()
                .filter(p -> ACCEPTED.contains(p.status()) || p.shippedAt() != null).toList();
        long declined = window.stream().filter(p -> p.status() == PurchaseOrderStatus.DECLINED).count();
        long outOfStock = window.stream().filter(p -> p.status() == PurchaseOrderStatus.DECLINED
                && "OUT_OF_STOCK".equals(p.reasonCode())).count();

        // Ship-within: decided once shipped, or once the time has run out without a shipment; a cancellation
        // Dropflow asked for before that time and the ship-by ran out leaves the purchase order out.
        List<ScoredPurchaseOrder> shipWithinDecided = accepted.stream().filter(p -> p.shippedAt() != null
                || !p.forwardedAt().plus(shipWithin).isAfter(to))
                .filter(p -> !cancelledBefore(p, p.forwardedAt().plus(shipWithin))).toList();
        long shippedWithin = shipWithinDecided.stream().filter(p -> p.shippedAt() != null
                && !p.shippedAt().isAfter(p.forwardedAt().plus(shipWithin))).count();

        List<ScoredPurchaseOrder> deadlineDecided = accepted.stream().filter(p -> p.shipByAt() != null
                && (p.shippedAt() != null || !p.shipByAt().isAfter(to)))
                .filter(p -> !cancelledBefore(p, p.shipByAt())).toList();
        long onTime = deadlineDecided.stream().filter(p -> p.shippedAt() != null
                && !p.shippedAt().isAfter(p.shipByAt())).count();

        Double shipWithinRate = rate(shippedWithin, shipWithinDecided.size());
        boolean flagged = shipWithinRate != null && shipWithinDecided.size() >= rules.minimumSample()
                && shipWithinRate < rules.shipRateBar();
        String why = flagged
                // the table's hours, as shipWithinHours and the order's timeline read them ("to ship within 24 h"),
                // not the Duration they last (the demo's 48 h last 96 s: exploratory test s15 D7)
                ? String.format(Locale.ROOT, "shipped %.0f %% within %d h (%d of %d); the bar is %.0f %%",
                        shipWithinRate * 100, rules.shipWithinHours(), shippedWithin, shipWithinDecided.size(),
                        rules.shipRateBar() * 100)
                : shipWithinDecided.size() < rules.minimumSample()
                        ? "fewer than " + rules.minimumSample() + " purchase orders to judge shipping speed on"
                        : "ships in time";
        Double acceptanceRate = rate(accepted.size(), accepted.size() + declined);
        Double onTimeRate = rate(onTime, deadlineDecided.size());
        Double stockOutRate = rate(outOfStock, window.size());
        List<ScoredPurchaseOrder> shipped = window.stream().filter(p -> p.shippedAt() != null).toList();
        Double claimRate = rate(shipped.stream().filter(p -> p.upheldClaims() > 0).count(), shipped.size());
        boolean enoughFacts = shipWithinDecided.size() >= rules.minimumSample() && onTimeRate != null
                && acceptanceRate != null;
        int score = enoughFacts
                ? (int) Math.round(100 * (rules.shipWithinWeight() * shipWithinRate + rules.onTimeWeight() * onTimeRate
                        + rules.acceptanceWeight() * acceptanceRate + rules.inStockWeight() * (1 - stockOutRate)))
                : supplier.score();
        return new SupplierScorecard(supplier.code(), supplier.name(), from, to, shipWithin, rules.shipWithinHours(),
                window.size(), acceptanceRate, shipWithinRate, onTimeRate, stockOutRate, claimRate, flagged, why, score,
                enoughFacts);
    }

    /**
     * Dropflow asked the supplier to cancel the purchase order, which did not ship, before {@code end} and before its
     * ship-by passed (the consumer cancelled, an operator decided for another reason): that says nothing about the
     * supplier's shipping, and the table leaves it out. A cancellation asked once the ship-by had passed, after an
     * extension (the supplier had missed the ship-by before), or given up on for lateness counts as not shipped.
     */
    private boolean cancelledBefore(ScoredPurchaseOrder p, Instant end) {
        return rules.leaveOutEarlyCancellations() && p.shippedAt() == null && CANCELLED.contains(p.status())
                && p.cancellationAskedAt() != null && p.shipByAt() != null && p.cancellationAskedAt().isBefore(end)
                && p.cancellationAskedAt().isBefore(p.shipByAt()) && p.deadlineExtensions() == 0
                && !Purchasing.GIVEN_UP.equals(p.reasonCode());
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
