package io.dropflow.partners.internal;

/** Opens the operator's task for a delivery Dropflow could not take (implemented by the partner-attention process). */
public interface AttentionTasks {

    /** @return the process instance id */
    String open(Long deliveryId, String title);

    /**
     * Another delivery about the same fact ({@link io.dropflow.partners.DeliveryHandler#sameFact}) joined the
     * open task of this process instance: its form shows the task's deliveries again.
     */
    void joined(String processInstanceId);

    /**
     * What happened, in words, and the facts that say it ({@link io.dropflow.partners.PartnerDeliveries#describe}):
     * kept on the process instance, shown on its open task (its description and facts) and on each it opens again.
     */
    void describe(String processInstanceId, String whatHappened, io.dropflow.processengine.FormFacts facts);

    /**
     * Whether the process instance still runs: an operator's task about a fact is joined only then (one cancelled
     * or deleted in Cockpit is no task anybody sees).
     */
    boolean running(String processInstanceId);

    /**
     * Which of these process instances still run ({@link #running}), asked in as few questions as the engine
     * allows rather than one per instance: the sweep asks about every open task's instance each time.
     */
    java.util.Set<String> running(java.util.Collection<String> processInstanceIds);
}
