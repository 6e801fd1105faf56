package io.dropflow.processengine;

/**
 * Which record a record of one kind belongs to (a purchase order's or a shipment's order), for the process
 * variables that hold such an id ({@link ProcessVariable#belongingTo}): read in a step, the id is checked
 * against the process's own record, so that one changed by hand (Cockpit's variable editor) to another
 * order's purchase order fails the step, an incident, instead of acting on the other order.
 */
public interface RecordOwners {

    /** The kind of record, as the variable names it, e.g. "purchase order". */
    String kind();

    /**
     * The id of the record this one belongs to, e.g. a purchase order's order id; null when it belongs to none.
     * @throws RuntimeException when there is no such record (its own "no purchase order 999")
     */
    Long ownerOf(Long id);
}
