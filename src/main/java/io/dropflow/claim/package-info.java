/**
 * Defect claims: a consumer complains that a delivered parcel was damaged, wrong, incomplete or of
 * poor quality; the seller gets the supplier who shipped it to pay for a remedy. This package is
 * the claims' API (what the HTTP API reads and shows, and its problems); {@code claim.internal}
 * holds the claim, its intake and its use cases, {@code claim.process} the Camunda glue of
 * bpmn/defect-claim.bpmn.
 */
package io.dropflow.claim;
