/** The ledger's bookings as stored, and the service behind {@link io.dropflow.settlement.Ledger}. */
package io.dropflow.settlement.internal;
