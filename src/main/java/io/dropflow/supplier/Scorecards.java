package io.dropflow.supplier;

/** Supplier scorecards, computed from recorded purchase orders (never from counters). */
public interface Scorecards {

    /** Computed afresh. @throws io.dropflow.web.NotFound for an unknown supplier code */
    SupplierScorecard of(String supplierCode);

    /**
     * At most {@code dropflow.scorecard.reuse-for} old, as supplier selection and task forms use it:
     * a busy supplier's whole window of purchase orders is not read for every order.
     */
    SupplierScorecard recent(Long supplierId);
}
