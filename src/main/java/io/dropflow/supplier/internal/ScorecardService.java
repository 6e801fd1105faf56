package io.dropflow.supplier.internal;

import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes supplier scorecards from the purchase orders in their window. */
@Service
class ScorecardService implements Scorecards {

    private static final Set<PurchaseOrderStatus> ACCEPTED = EnumSet.of(PurchaseOrderStatus.ACCEPTED,
            PurchaseOrderStatus.SHIPPED, PurchaseOrderStatus.CANCELLATION_REQUESTED, PurchaseOrderStatus.CANCELLED);

    private final Suppliers suppliers;
    private final PurchaseOrders purchaseOrders;
    private final ScorecardSettings settings;
    private final Clock clock;
    private final java.util.Map<Long, SupplierScorecard> recent = new java.util.concurrent.ConcurrentHashMap<>();

    ScorecardService(Suppliers suppliers, PurchaseOrders purchaseOrders, ScorecardSettings settings, Clock clock) {
        this.suppliers = suppliers;
        this.purchaseOrders = purchaseOrders;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public SupplierScorecard of(String supplierCode) {
        Supplier supplier = suppliers.findByCode(supplierCode)
                .orElseThrow(() -> NotFound.of("supplier", supplierCode));
        return of(supplier);
    }

    @Override
    @Transactional(readOnly = true)
    public SupplierScorecard recent(Long supplierId) {
        SupplierScorecard card = recent.get(supplierId);
        if (card == null || card.to().plus(settings.reuseFor()).isBefore(clock.instant())) {
            card = of(suppliers.findById(supplierId).orElseThrow(() -> NotFound.of("supplier", supplierId)));
            recent.put(supplierId, card);
        }
        return card;
    }

    SupplierScorecard of(Supplier supplier) {
        Instant to = clock.instant();
        Instant from = to.minus(settings.window());
        List<PurchaseOrder> window = purchaseOrders.findBySupplierIdAndForwardedAtBetween(supplier.getId(), from, to);

        // Accepted = the supplier took the order; a shipment without an ACCEPTED event counts as accepted.
        List<PurchaseOrder> accepted = window.stream().filter(p -> ACCEPTED.contains(p.getStatus()) || p.getShippedAt() != null).toList();
        long declined = window.stream().filter(p -> p.getStatus() == PurchaseOrderStatus.DECLINED).count();
        long outOfStock = window.stream().filter(p -> p.getStatus() == PurchaseOrderStatus.DECLINED
                && "OUT_OF_STOCK".equals(p.getReasonCode())).count();

        // Ship-within: decided once shipped, or once the time has run out without a shipment.
        List<PurchaseOrder> shipWithinDecided = accepted.stream().filter(p -> p.getShippedAt() != null
                || !p.getForwardedAt().plus(settings.shipWithin()).isAfter(to)).toList();
        long shippedWithin = shipWithinDecided.stream().filter(p -> p.getShippedAt() != null
                && !p.getShippedAt().isAfter(p.getForwardedAt().plus(settings.shipWithin()))).count();

        List<PurchaseOrder> deadlineDecided = accepted.stream().filter(p -> p.getShipByAt() != null
                && (p.getShippedAt() != null || !p.getShipByAt().isAfter(to))).toList();
        long onTime = deadlineDecided.stream().filter(p -> p.getShippedAt() != null
                && !p.getShippedAt().isAfter(p.getShipByAt())).count();

        Double shipWithinRate = rate(shippedWithin, shipWithinDecided.size());
        boolean flagged = shipWithinRate != null && shipWithinDecided.size() >= settings.minimumSample()
                && shipWithinRate < settings.shipRateBar();
        String why = flagged
                ? String.format(java.util.Locale.ROOT, "shipped %.0f %% within %s (%d of %d); the bar is %.0f %%",
                        shipWithinRate * 100, human(settings.shipWithin()), shippedWithin, shipWithinDecided.size(),
                        settings.shipRateBar() * 100)
                : shipWithinDecided.size() < settings.minimumSample()
                        ? "fewer than " + settings.minimumSample() + " purchase orders to judge shipping speed on"
                        : "ships in time";
        Double acceptanceRate = rate(accepted.size(), accepted.size() + declined);
        Double onTimeRate = rate(onTime, deadlineDecided.size());
        Double stockOutRate = rate(outOfStock, window.size());
        List<PurchaseOrder> shipped = window.stream().filter(p -> p.getShippedAt() != null).toList();
        Double claimRate = rate(shipped.stream().filter(p -> p.getUpheldClaims() > 0).count(), shipped.size());
        boolean enoughFacts = shipWithinDecided.size() >= settings.minimumSample() && onTimeRate != null
                && acceptanceRate != null;
        int score = enoughFacts
                ? (int) Math.round(100 * (0.4 * shipWithinRate + 0.3 * onTimeRate + 0.2 * acceptanceRate
                        + 0.1 * (1 - stockOutRate)))
                : supplier.getScore();
        return new SupplierScorecard(supplier.getCode(), supplier.getName(), from, to, settings.shipWithin(),
                window.size(), acceptanceRate, shipWithinRate, onTimeRate, stockOutRate, claimRate, flagged, why, score,
                enoughFacts);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static String human(java.time.Duration d) {
        return d.toMinutes() % 60 == 0 && d.toHours() > 0 ? d.toHours() + " h" : d.toSeconds() + " s";
    }
}
