package io.dropflow.processengine;

/**
 * The engine's own message texts that Dropflow's code decides on, where the engine (or its REST API) says a
 * thing only in words, with no exception type or code of its own. Each is pinned to the engine version's
 * wording by EngineMessagesTest, which makes the engine say it: an engine upgrade that rewords one fails the
 * build instead of silently changing Dropflow's answers.
 */
public final class EngineMessages {

    /**
     * A message correlation found an execution waiting, then no subscription on it when it triggered it
     * (MessageEventReceivedCmd: "Execution with id '…' does not have a subscription to a message event with
     * name '…'"): the process moved on between the two.
     */
    public static final String NO_MESSAGE_SUBSCRIPTION = "does not have a subscription to a message event";

    private EngineMessages() {
    }
}
