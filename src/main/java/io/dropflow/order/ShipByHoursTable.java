package io.dropflow.order;

/**
 * How many SLA hours a supplier has to ship one product category: the analysts' table
 * (implemented by evaluating bpmn/shipping-sla.dmn).
 */
public interface ShipByHoursTable {

    /**
     * @param destinationRegion "domestic", "EU" or "international", seen from where the goods ship
     * @param agreedHours the ship-by hours agreed with the supplier for this offer
     * @throws io.dropflow.processengine.DecisionTableBroken when the table has no rule for these inputs, or gives no
     *         valid output
     */
    int shipByHours(int supplierTier, String destinationRegion, String productCategory, int agreedHours);
}
