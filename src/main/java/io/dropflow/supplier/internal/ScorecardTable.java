package io.dropflow.supplier.internal;

/** bpmn/supplier-scorecard.dmn, which analysts own: how a supplier's scorecard judges it. */
public interface ScorecardTable {

    /**
     * One row of the table.
     *
     * @param windowDays the purchase orders forwarded in this many days (of 24 scorecard hours) before now are looked at
     * @param shipWithinHours the "ships within" measure, in SLA hours ({@code dropflow.scorecard.hour})
     * @param shipRateBar below this share shipped within {@code shipWithinHours} a supplier is flagged
     * @param minimumSample purchase orders a rate needs before it flags a supplier or makes its score
     * @param leaveOutEarlyCancellations a purchase order Dropflow asked the supplier to cancel before its ship-by
     *     (and before any extension of it), for another reason than lateness, is left out of the ship-within and
     *     on-time rates; false: every cancelled purchase order that did not ship counts as not shipped
     */
    record Rules(long windowDays, long shipWithinHours, double shipRateBar, long minimumSample,
            double shipWithinWeight, double onTimeWeight, double acceptanceWeight, double inStockWeight,
            boolean leaveOutEarlyCancellations) {

        public Rules {
            if (windowDays <= 0 || shipWithinHours <= 0 || minimumSample <= 0) {
                throw new IllegalStateException("supplier-scorecard.dmn: windowDays, shipWithinHours and minimumSample"
                        + " must be positive, were " + windowDays + ", " + shipWithinHours + ", " + minimumSample);
            }
            if (shipRateBar < 0 || shipRateBar > 1) {
                throw new IllegalStateException("supplier-scorecard.dmn: shipRateBar must be a share, was " + shipRateBar);
            }
            double weights = shipWithinWeight + onTimeWeight + acceptanceWeight + inStockWeight;
            if (Math.abs(weights - 1) > 1e-9 || Math.min(Math.min(shipWithinWeight, onTimeWeight),
                    Math.min(acceptanceWeight, inStockWeight)) < 0) {
                throw new IllegalStateException("supplier-scorecard.dmn: the weights must be shares adding up to 1, were "
                        + shipWithinWeight + " + " + onTimeWeight + " + " + acceptanceWeight + " + " + inStockWeight);
            }
        }
    }

    /** @throws IllegalStateException when the table has no valid rule for the supplier */
    Rules rulesFor(String supplierCode);
}
