/** The seller's ledger: what each order earned and cost, and the margin left. */
package io.dropflow.settlement;
