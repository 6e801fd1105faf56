/**
 * What defect claims and returns share: the after-sales case and its lines, one history for both,
 * the consumer's messages and refunds through the storefront, supplier rounds, escalation, the
 * replacement and exchange purchase orders, and the facts their task forms show. Claims and
 * returns use it; it knows neither.
 */
package io.dropflow.aftersales;
