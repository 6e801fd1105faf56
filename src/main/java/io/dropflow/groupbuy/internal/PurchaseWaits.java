package io.dropflow.groupbuy.internal;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The waits a group-buy purchase's timers read: how long the leader has to confirm a delivered parcel
 * (group-buy-cutoff.dmn's confirmReceiptWithin for the pickup point) and how long "wait for restock" waits
 * (order-deadlines.dmn's restockWaitHours for GROUP_BUY). Asked when a batch opens, which hands them to its
 * purchases; and by a purchase whose batch did not (one opened before they came from the tables).
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

    public Duration receiptWait(PickupPoint point) {
        return cutoffs.confirmReceiptWithin(point);
    }

    public Duration receiptWait(Long batchId) {
        return receiptWait(batches.byId(batchId).getPickupPoint());
    }

    public Duration restockWait() {
        return deadlines.restockWait();
    }
}
