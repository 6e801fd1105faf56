/**
 * Kuaidi100 (快递100), the tracking aggregator for China's carriers: subscription with a callback
 * URL and salt, the signed push callback, the real-time query, and its state codes mapped to ours.
 */
package io.dropflow.carrier.kuaidi100;
