package io.dropflow.supplier;

/** Supplier scorecards, computed from recorded purchase orders (never from counters). */
public interface Scorecards {

    /**
     * Computed afresh, as {@code GET /api/suppliers/{code}} and its scorecard show it; what {@link #recent} gives
     * from then on. @throws io.dropflow.web.NotFound for an unknown supplier code
     */
    SupplierScorecard of(String supplierCode);

    /**
     * At most {@code dropflow.scorecard.reuse-for} old, as supplier selection, task forms and the supplier list use it:
     * a busy supplier's whole window of purchase orders is not read for every order.
     */
    SupplierScorecard recent(Long supplierId);
}
