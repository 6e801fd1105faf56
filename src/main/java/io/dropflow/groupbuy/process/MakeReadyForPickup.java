package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.LEADER_USER_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.RECEIVED_BY;

import io.dropflow.groupbuy.internal.Arrivals;
import io.dropflow.processengine.CallsPartner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The parcel is at the point: its lines are ready for pickup and each consumer is told, with the pickup code. */
@CallsPartner
@Component("makeReadyForPickup")
class MakeReadyForPickup implements JavaDelegate {

    private final Arrivals arrivals;
    private final PickupPointLeader leader;

    MakeReadyForPickup(Arrivals arrivals, PickupPointLeader leader) {
        this.arrivals = arrivals;
        this.leader = leader;
    }

    /** Received by who confirmed it through the leader API; else (Tasklist) by the point's acting leader. */
    @Override
    public void execute(DelegateExecution execution) {
        Long batch = BATCH_ID.from(execution);
        String acting = leader.of(batch);
        arrivals.readyForPickup(batch, Math.toIntExact(PURCHASE_NO.from(execution)),
                RECEIVED_BY.from(execution, acting != null ? acting : LEADER_USER_ID.from(execution)));
    }
}
