/**
 * Defect claims: a consumer complains that a delivered parcel was damaged, wrong, incomplete or of
 * poor quality; the seller gets the supplier who shipped it to pay for a remedy. The claim's
 * process lives in {@code claim.process} and in bpmn/defect-claim.bpmn.
 */
package io.dropflow.claim;
