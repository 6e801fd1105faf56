/**
 * The group-buy processes (bpmn/group-buy-batch.bpmn, bpmn/group-buy-purchase.bpmn): their names,
 * how they are started and hear from partners, their decision tables, and their thin delegates,
 * each calling one use case of {@code groupbuy.internal}.
 */
package io.dropflow.groupbuy.process;
