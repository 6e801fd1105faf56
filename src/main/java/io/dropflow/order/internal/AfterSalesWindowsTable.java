package io.dropflow.order.internal;

/** bpmn/after-sales-windows.dmn, which analysts own: the after-sales windows by sales channel and product category. */
public interface AfterSalesWindowsTable {

    /** In after-sales days ({@code dropflow.after-sales.day}). */
    record Days(long returnWindowDays, long claimWindowDays, long settleAfterDays, long deliveryOverdueDays) {
    }

    /**
     * @param productCategory null when the product is no longer in the catalog
     * @throws io.dropflow.processengine.DecisionTableBroken when the table has no rule for them, or gives no valid
     *         output
     */
    Days windowsFor(String channel, String productCategory);
}
