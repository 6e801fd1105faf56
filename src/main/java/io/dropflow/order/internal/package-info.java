/**
 * The order feature's insides: its entities and repositories, intake, and the use cases the
 * fulfillment process's steps call (Sourcing, Forwarding, Delivery, Closing, OrderTaskFacts). Knows
 * nothing of the process engine: the process is started through FulfillmentProcess, and the
 * analysts' decision tables are reached through the module API's SupplierSelectionRule, ShipByHoursTable and OrderDeadlinesTable
 * (group buying asks the same tables through them).
 */
package io.dropflow.order.internal;
