package io.dropflow.groupbuy.internal;

import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * A pickup point's "Confirm receipt" tasks follow its acting leader (PickupPoint.isLedBy, as the leader API does):
 * a point given another leader, or a leader made inactive (or given another login), reassigns the open ones, in
 * the change's transaction; with nobody acting for the point they are the operators'.
 */
@Component
class ReceiptLeaders {

    private final Batches batches;
    private final BatchProcess process;

    ReceiptLeaders(Batches batches, BatchProcess process) {
        this.batches = batches;
        this.process = process;
    }

    /**
     * The point changed; before, {@code formerLogin} was its leader's login and {@code formerActing} whoever acted
     * for it (null: nobody). A change that leaves the same login acting (its address) reassigns nothing.
     */
    void pointChanged(PickupPoint point, String formerLogin, String formerActing) {
        String acting = point.actingUser().orElse(null);
        if (!Objects.equals(formerActing, acting)) {
            process.receiptsGoTo(batches.closedOfPoint(point.getId()), formerLogin, acting);
        }
    }

    /** The leader changed (made inactive or active, another login); before, as {@link #pointChanged}. */
    void leaderChanged(Leader leader, String formerLogin, String formerActing) {
        String acting = leader.isActive() ? leader.getUserId() : null;
        if (!Objects.equals(formerActing, acting)) {
            process.receiptsGoTo(batches.closedOfLeader(leader.getId()), formerLogin, acting);
        }
    }
}
