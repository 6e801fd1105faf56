/**
 * Community group buying (社区团购): consumers of a neighbourhood order through their group leader
 * until a daily cutoff; each pickup point's orders are then ordered as one batch, one purchase order
 * per supplier, delivered to the pickup point, collected there, and the leader earns a commission.
 * This package is the feature's API, which nobody needs yet: order intake reaches it through
 * {@code order.GroupBuyDesk}, which {@code groupbuy.internal} implements. {@code groupbuy.internal}
 * holds leaders, pickup points, offers, batches and their use cases and controllers;
 * {@code groupbuy.process} the Camunda glue of bpmn/group-buy-batch.bpmn and
 * bpmn/group-buy-purchase.bpmn.
 */
package io.dropflow.groupbuy;
