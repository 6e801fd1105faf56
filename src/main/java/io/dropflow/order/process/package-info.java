/** The order fulfillment process (bpmn/order-fulfillment.bpmn): its names, its delegates, and how it is started and correlated. */
package io.dropflow.order.process;
