package io.dropflow.returns;

/**
 * Suppliers' answers to a return Dropflow asked outside a consumer's return: goods nobody collected at a group-buy
 * pickup point, sent back as {@code DF-B{batch}-PO{n}-UNCOLLECTED} (round 1). The supplier answers them on the
 * return-answers webhook as any return round; the feature that asked takes them.
 */
public interface TakeBackAnswers {

    /** The numbers such a take-back has (a regular expression). */
    String UNCOLLECTED = "DF-B\\d{1,18}-PO\\d{1,9}-UNCOLLECTED";

    /** Whether {@code returnNumber} is one of this feature's take-backs. */
    boolean asked(String returnNumber);

    /**
     * Takes the supplier's answer (validated as {@link ReturnAnswerEvent}): APPLIED, or ALREADY_RECEIVED for an event
     * id taken before. A 404 for a take-back this supplier was not asked, a 409 ({@link ReturnRefusedException}) for a
     * round Dropflow did not ask.
     */
    String answer(String supplierCode, ReturnAnswerEvent event);
}
