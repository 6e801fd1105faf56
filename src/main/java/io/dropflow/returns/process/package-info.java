/** The return-request process (bpmn/return-negotiation.bpmn): its start, its messages and its delegates. */
package io.dropflow.returns.process;
