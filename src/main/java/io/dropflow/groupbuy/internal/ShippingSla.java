package io.dropflow.groupbuy.internal;

/** Ship-by hours of a batch's purchase order: the analysts' table bpmn/shipping-sla.dmn, as for single orders. */
public interface ShippingSla {

    /** @throws IllegalStateException when the table has no rule for these inputs */
    int shipByHours(int supplierTier, String destinationRegion, String productCategory, int agreedHours);
}
