/**
 * Returns and exchanges: a consumer sends goods back, for a refund or another variant. The seller
 * never held the goods, so they go back to the supplier, and who pays the return shipping and how
 * much is refunded follow bpmn/return-policy.dmn and a negotiation with the supplier. This package
 * is the returns' API: reasons and wishes, and the take-back answers group buying uses for goods
 * nobody collected; {@code returns.internal} holds the return, its intake, what the HTTP API reads
 * and shows, its problems and its use cases, {@code returns.process} the Camunda glue of
 * bpmn/return-negotiation.bpmn.
 */
package io.dropflow.returns;
