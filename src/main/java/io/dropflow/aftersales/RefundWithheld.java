package io.dropflow.aftersales;

/**
 * A case's refund that would pay the consumer back a second time for pieces another case of the order
 * paid back already: nothing is paid. Thrown from the refund step, it fails the step's job; once its
 * retries are used up, Cockpit shows an incident with this message, and the case waits at its refund
 * for an operator's decision.
 */
public class RefundWithheld extends RuntimeException {

    public RefundWithheld(AfterSalesCase<?> c, String why) {
        super(c.kind().title() + " " + c.number() + ": refund withheld, nothing paid: " + why
                + ". An operator decides: if the consumer is owed nothing more, cancel this "
                + c.kind().noun() + "'s process instance in Cockpit; retrying the job withholds it again");
    }
}
