package io.dropflow.groupbuy.internal;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The waits a group-buy purchase's timers read, for a purchase whose batch did not hand them over: a batch opened
 * before they came from the tables (receiptWait from group-buy-cutoff.dmn, restockWait from order-deadlines.dmn)
 * starts its purchases on the newest model, which reads them. They are asked now, for the batch's pickup point.
 */
@Component
public class PurchaseWaits {

    private final Batches batches;
    private final Cutoffs cutoffs;
    private final GroupBuyDeadlines deadlines;

    PurchaseWaits(Batches batches, Cutoffs cutoffs, GroupBuyDeadlines deadlines) {
        this.batches = batches;
        this.cutoffs = cutoffs;
        this.deadlines = deadlines;
    }

    public Duration receiptWait(Long batchId) {
        return cutoffs.confirmReceiptWithin(batches.byId(batchId).getPickupPoint());
    }

    public Duration restockWait() {
        return deadlines.restockWait();
    }
}
