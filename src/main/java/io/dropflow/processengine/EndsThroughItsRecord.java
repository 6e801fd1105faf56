package io.dropflow.processengine;

/**
 * A process whose instances stand for a record of Dropflow's (an order): they end through Dropflow
 * (the order is cancelled, delivered, settled), never by deleting them through the engine APIs. A
 * person's deletion (administrators' too) is refused ({@link PeoplesEngineCommands}): the record would
 * stay open for good with no task, no incident and nothing to move it on.
 */
public interface EndsThroughItsRecord {

    /** The process definition's key, e.g. {@code order_fulfillment}. */
    String processKey();

    /** How an operator ends the instance with this business key instead, e.g. "cancel order 4: POST /api/orders/4/cancel". */
    String howToEnd(String businessKey);
}
