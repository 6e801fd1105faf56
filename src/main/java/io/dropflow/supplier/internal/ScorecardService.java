package io.dropflow.supplier.internal;

import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes supplier scorecards from the purchase orders in their window, judged by bpmn/supplier-scorecard.dmn. */
@Service
class ScorecardService implements Scorecards {

    private final Suppliers suppliers;
    private final PurchaseOrders purchaseOrders;
    private final ScorecardTable table;
    private final ScorecardSettings settings;
    private final Clock clock;
    private final java.util.Map<Long, SupplierScorecard> recent = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, Object> computing = new java.util.concurrent.ConcurrentHashMap<>();

    ScorecardService(Suppliers suppliers, PurchaseOrders purchaseOrders, ScorecardTable table,
            ScorecardSettings settings, Clock clock) {
        this.suppliers = suppliers;
        this.purchaseOrders = purchaseOrders;
        this.table = table;
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
        if (fresh(card)) {
            return card;
        }
        // One thread computes a supplier's scorecard (it reads every purchase order of the window);
        // the others that need it meanwhile wait for that one, as after a deadline storm's clock jump.
        synchronized (computing.computeIfAbsent(supplierId, id -> new Object())) {
            card = recent.get(supplierId);
            if (!fresh(card)) {
                card = of(suppliers.findById(supplierId).orElseThrow(() -> NotFound.of("supplier", supplierId)));
                recent.put(supplierId, card);
            }
            return card;
        }
    }

    private boolean fresh(SupplierScorecard card) {
        return card != null && !card.to().plus(settings.reuseFor()).isBefore(clock.instant());
    }

    /**
     * The supplier changed in a way its scorecard reflects (an applicant became active with its
     * starting score): the next read computes afresh instead of reusing what was computed before.
     */
    void forget(Long supplierId) {
        recent.remove(supplierId);
    }

    SupplierScorecard of(Supplier supplier) {
        Instant to = clock.instant();
        ScorecardTable.Rules rules = table.rulesFor(supplier.getCode());
        Instant from = to.minus(Duration.ofDays(rules.windowDays()));
        List<PurchaseOrderView> window = purchaseOrders
                .findBySupplierIdAndForwardedAtBetween(supplier.getId(), from, to).stream().map(PurchaseOrder::view).toList();
        return new ScorecardCalculation(rules, settings.hour()).of(supplier.view(), window, from, to);
    }
}
