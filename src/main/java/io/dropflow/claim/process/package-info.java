/**
 * The defect-claim process (bpmn/defect-claim.bpmn): its names, how it is started and hears from
 * partners, its decision table, and its thin delegates, each calling one use case of
 * {@code claim.internal}.
 */
package io.dropflow.claim.process;
