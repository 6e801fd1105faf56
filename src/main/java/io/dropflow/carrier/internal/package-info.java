/**
 * Shipments and their tracking events as stored, the service behind {@link io.dropflow.carrier.Tracking},
 * the router that picks a tracking service per carrier, and the normalized tracking webhook.
 */
package io.dropflow.carrier.internal;
