package io.dropflow.groupbuy.process;

import io.dropflow.groupbuy.internal.Batches;
import org.springframework.stereotype.Component;

/**
 * Whom the batch's "Confirm receipt" is assigned to ({@code camunda:assignee="${pickupPointLeader.of(batchId)}"}):
 * the login of the pickup point's leader as the point has them when the task is created, while that leader is
 * active (PickupPoint.isLedBy, as the leader API checks); none when the point has no active leader, and the task is
 * its operators'. The engine reads it again when a person completes or takes the task (PeoplesEngineCommands), so a
 * former or inactive leader does neither; a later change of the point's leader reassigns open tasks (ReceiptLeaders).
 */
@Component("pickupPointLeader")
public class PickupPointLeader {

    private final Batches batches;

    PickupPointLeader(Batches batches) {
        this.batches = batches;
    }

    /** @return the acting leader's login, or null when nobody acts for the batch's point */
    public String of(Long batchId) {
        return batches.byId(batchId).getPickupPoint().actingUser().orElse(null);
    }
}
