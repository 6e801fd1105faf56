/**
 * The order fulfillment process (bpmn/order-fulfillment.bpmn) as Camunda glue: its names
 * (OrderFulfillmentProcess), how it is started and correlated (OrderFulfillment), its thin
 * delegates, and the adapters that evaluate its decision tables.
 */
package io.dropflow.order.process;
