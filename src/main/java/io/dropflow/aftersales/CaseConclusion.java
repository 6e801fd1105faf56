package io.dropflow.aftersales;

import io.dropflow.processengine.CallsPartner;

/**
 * The steps that end a case of either kind, which both after-sales processes take through the same
 * delegates (refundConsumerForCase, tellConsumerCaseOutcome): claims and returns each provide one.
 */
public interface CaseConclusion {

    CaseKind kind();

    /** Pays the consumer what the case settled, once per case (key {@code <number>-refund}). */
    @CallsPartner
    void refundConsumer(Long caseId);

    /** Tells the consumer how the case ended, once per case (key {@code <number>-outcome}). */
    @CallsPartner
    void tellOutcome(Long caseId);
}
