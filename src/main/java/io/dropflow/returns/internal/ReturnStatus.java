package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseStatus;
import java.util.EnumSet;

/** Where a return stands; the process moves it, and an ended return stays as it ended. */
public enum ReturnStatus implements CaseStatus {
    REQUESTED,
    /** Asked the supplier to take the goods back. */
    WITH_SUPPLIER,
    /** An operator mediates between supplier and consumer. */
    MEDIATING,
    /** An alternative (partial refund, the consumer keeps the goods) waits for the consumer's answer. */
    AWAITING_CONSUMER,
    /** The return label is out; the parcel is on its way back to the supplier. */
    RETURN_IN_TRANSIT,
    /** Arrived: the supplier inspects it. */
    AWAITING_INSPECTION,
    /** The parcel stalled, or the inspection found a problem: an operator decides the refund. */
    DISPUTED,
    /** An exchange is ordered and the goods are settled: it completes once the supplier ships the exchange. */
    AWAITING_EXCHANGE,
    /** Refunded or exchanged. */
    COMPLETED,
    /** Refused by the policy, the supplier or an operator. */
    REFUSED,
    /** Ended without refund after a dispute. */
    CLOSED;

    @Override
    public boolean isOpen() {
        return !EnumSet.of(COMPLETED, REFUSED, CLOSED).contains(this);
    }
}
