package io.dropflow.supplier.internal;

import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes supplier scorecards from the purchase orders in their window, judged by bpmn/supplier-scorecard.dmn. */
@Service
class ScorecardService implements Scorecards {

    /** How long a thread waits for another to compute the scorecard it needs too. */
    static final Duration COMPUTING_WAIT = Duration.ofSeconds(10);

    private final Suppliers suppliers;
    private final PurchaseOrders purchaseOrders;
    private final ScorecardTable table;
    private final ScorecardSettings settings;
    private final Clock clock;
    private final Map<Long, SupplierScorecard> recent = new ConcurrentHashMap<>();
    private final Map<Long, ReentrantLock> computing = new ConcurrentHashMap<>();

    ScorecardService(Suppliers suppliers, PurchaseOrders purchaseOrders, ScorecardTable table,
            ScorecardSettings settings, Clock clock) {
        this.suppliers = suppliers;
        this.purchaseOrders = purchaseOrders;
        this.table = table;
        this.settings = settings;
        this.clock = clock;
    }

    /** Computed afresh; from then on what supplier selection, task forms and the supplier list reuse. */
    @Override
    @Transactional(readOnly = true)
    public SupplierScorecard of(String supplierCode) {
        Supplier supplier = suppliers.findByCode(supplierCode)
                .orElseThrow(() -> NotFound.of("supplier", supplierCode));
        SupplierScorecard card = of(supplier);
        recent.merge(supplier.getId(), card, (reused, fresh) -> fresh.to().isBefore(reused.to()) ? reused : fresh);
        return card;
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
        // A waiter that gets no turn within COMPUTING_WAIT computes on its own: the computing thread
        // may be waiting for a row lock this one holds, a cycle the database cannot see.
        ReentrantLock lock = computing.computeIfAbsent(supplierId, id -> new ReentrantLock());
        boolean turn = false;
        try {
            turn = lock.tryLock(COMPUTING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            card = recent.get(supplierId);
            if (!fresh(card)) {
                card = of(suppliers.findById(supplierId).orElseThrow(() -> NotFound.of("supplier", supplierId)));
                recent.put(supplierId, card);
            }
            return card;
        } finally {
            if (turn) {
                lock.unlock();
            }
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
        // a day of the window is 24 of the table's hours: a calendar day in production, 48 s in the demo
        Instant from = to.minus(settings.hour().multipliedBy(24 * rules.windowDays()));
        List<ScoredPurchaseOrder> window = purchaseOrders.scoredBetween(supplier.getId(), from, to);
        return new ScorecardCalculation(rules, settings.hour()).of(supplier.view(), window, from, to);
    }
}
