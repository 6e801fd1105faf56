/**
 * Defect claims: a consumer complains that a delivered parcel was damaged, wrong, incomplete or of
 * poor quality; the seller gets the supplier who shipped it to pay for a remedy. This package is
 * the claims' API, the codes other modules name (claim types, remedies, answers, and the cost
 * bearer and chargeback basis bpmn/claim-cost-bearer.dmn decides) and an evidence upload;
 * {@code claim.internal} holds the claim, its intake, what the HTTP API reads and shows, its
 * problems and its use cases, {@code claim.process} the Camunda glue of bpmn/defect-claim.bpmn.
 */
package io.dropflow.claim;
