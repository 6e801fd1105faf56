package io.dropflow.supplier;

import java.time.Duration;
import java.time.Instant;

/**
 * How a supplier performed on the purchase orders forwarded to it within a rolling window,
 * computed from the purchase orders themselves (never from counters). A rate is null while there
 * is nothing to measure it on.
 *
 * @param shipWithin how long "ships within" lasts, in time: the table's hours, each as long as an SLA hour
 * @param shipWithinHours the same in the table's own hours, as operators read it ("shipped within 48 h"):
 *     in the demo an SLA hour lasts seconds, so {@code shipWithin} is no number of hours to show
 * @param purchaseOrders forwarded within the window
 * @param acceptanceRate accepted (or shipped) among those the supplier answered
 * @param shipWithinRate shipped within {@code shipWithin} (supplier-scorecard.dmn) of forwarding, among accepted ones old enough to tell
 *     (without those Dropflow asked to cancel in time: supplier-scorecard.dmn leaveOutEarlyCancellations)
 * @param onTimeRate shipped by the purchase order's own ship-by deadline, among accepted ones whose deadline has come
 *     (without those Dropflow asked to cancel before it)
 * @param stockOutRate declined as out of stock, among all forwarded
 * @param claimRate share of shipped purchase orders with a defect claim upheld against them; null until one shipped
 * @param flagged the ship-within rate is below the bar on a large enough sample: ranked behind backups
 * @param score 0-100, the supplier-selection input: from the rates once there are enough purchase
 *     orders, weighted as bpmn/supplier-scorecard.dmn says (ships within, on time, accepted, in stock), before that the
 *     supplier's base score as the seller rated it
 */
public record SupplierScorecard(String supplierCode, String supplierName, Instant from, Instant to,
        Duration shipWithin, long shipWithinHours, int purchaseOrders, Double acceptanceRate, Double shipWithinRate, Double onTimeRate,
        Double stockOutRate, Double claimRate, boolean flagged, String why, int score, boolean scoreFromFacts) {
}
