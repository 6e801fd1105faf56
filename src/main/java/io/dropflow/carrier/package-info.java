/** Shipments and their tracking: carrier adapters and the normalized tracking status set. */
package io.dropflow.carrier;
