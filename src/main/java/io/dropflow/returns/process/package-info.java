/**
 * The return-negotiation process (bpmn/return-negotiation.bpmn): its names, how it is started and
 * hears from partners, its policy table, and its thin delegates, each calling one use case of
 * {@code returns.internal}.
 */
package io.dropflow.returns.process;
