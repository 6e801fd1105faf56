/**
 * What every partner adapter shares: the start-up check that every partner is bound to a real
 * adapter, calls out within each partner account's limits (rate, Retry-After, metrics), tokens the
 * cluster renews once, and webhook deliveries recorded before they are answered, parked, retried
 * and brought to an operator when they cannot be taken.
 */
package io.dropflow.partners;
