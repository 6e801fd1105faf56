package io.dropflow.aftersales;

/**
 * A case's refund that would pay the consumer back a second time for pieces another case of the order
 * paid back already: nothing is paid. Thrown from the refund step: models that catch the BPMN error
 * {@value #ERROR_CODE} on it end the case without paying, closed with {@link #reason()}, and tell the
 * consumer; on model versions before that the step's job fails, and once its retries are used up Cockpit
 * shows an incident with this message.
 */
public class RefundWithheld extends RuntimeException {

    /** The BPMN error the refund step throws when its model catches it. */
    public static final String ERROR_CODE = "REFUND_WITHHELD";

    private final transient CaseRefunds.Withheld withheld;

    public RefundWithheld(AfterSalesCase<?> c, CaseRefunds.Withheld withheld) {
        super(c.kind().title() + " " + c.number() + ": refund withheld, nothing paid: " + withheld.why()
                + ". Migrate this " + c.kind().noun() + "'s process instance to the newest model version (Cockpit:"
                + " Migrate; the refund step keeps its id) and retry the job: it then closes as paid back already and"
                + " the consumer is told. Do not cancel it (the " + c.kind().noun() + " would stay open); retrying"
                + " without migrating withholds it again");
        this.withheld = withheld;
    }

    /** Why the case ends without paying: "paid back already through DF-CL3 (line 1, 1 of 1 piece(s)): ...". */
    public String reason() {
        return withheld.reason();
    }
}
