package io.dropflow.groupbuy.internal;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A pickup point's group-buy terms: the analysts' table (implemented by evaluating
 * bpmn/group-buy-cutoff.dmn) by pickup point, country and region.
 */
public interface CutoffTable {

    /**
     * @param cutoffTime local time of day at the pickup point the cycle is anchored at (e.g. 23:00)
     * @param cutoffEvery how often the cutoff comes, from that time: P1D daily, PT2M in the demo
     * @param deliveryDays days after the cutoff's date the goods are expected at the point
     * @param collectWithin how long consumers have to collect once the goods are at the point
     * @param confirmReceiptWithin how long the leader has to confirm a delivered parcel before an operator looks into it
     */
    record Terms(LocalTime cutoffTime, String cutoffEvery, int deliveryDays, Duration collectWithin,
            Duration confirmReceiptWithin) {
    }

    /**
     * @throws io.dropflow.processengine.DecisionTableBroken when the table has no rule for these inputs, or gives no
     *         valid output
     */
    Terms termsFor(String pickupPoint, String country, String region);
}
