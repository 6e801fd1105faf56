/** The defect-claim process (bpmn/defect-claim.bpmn): its start, its messages and its delegates. */
package io.dropflow.claim.process;
