package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.ARRIVAL_WAIT;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.CUTOFF_AT;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.DECISION_TIME;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.LEADER_USER_ID;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.RECEIPT;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.RECEIVED_BY;

import io.dropflow.groupbuy.internal.Batch;
import io.dropflow.groupbuy.internal.BatchProcess;
import io.dropflow.groupbuy.internal.GroupBuyDeadlines;
import io.dropflow.groupbuy.process.GroupBuyBatchProcess.Message;
import io.dropflow.processengine.MessageInbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * The one place that starts group-buy batches and tells them what consumers and leaders did. A
 * consumer's cancellation is correlated directly, in the caller's transaction (the consumer waits for
 * the answer; the batch is there from its first order to its settlement); everything collected goes
 * through the {@link MessageInbox}, so it is kept when the batch is not waiting for it yet (parcels
 * still on their way). Partner events about a batch's purchase orders: {@link GroupBuyPartnerEvents}.
 */
@Component
class GroupBuyBatches implements BatchProcess {

    private static final String RECEIVED = "all_received";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final MessageInbox inbox;
    private final GroupBuyDeadlines deadlines;

    GroupBuyBatches(RuntimeService runtime, TaskService tasks, MessageInbox inbox, GroupBuyDeadlines deadlines) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.inbox = inbox;
        this.deadlines = deadlines;
    }

    /**
     * The durations (order-deadlines.dmn, see GroupBuyDeadlines) and the leader are fixed when the
     * batch opens, so a running batch keeps its own.
     */
    @Override
    public String start(Batch batch) {
        return runtime.createProcessInstanceByKey(GroupBuyBatchProcess.PROCESS_KEY)
                .businessKey(GroupBuyBatchProcess.businessKey(batch.getId()))
                .setVariables(Map.of(
                        BATCH_ID.name(), BATCH_ID.stored(batch.getId()),
                        CUTOFF_AT.name(), CUTOFF_AT.stored(batch.getCutoffAt()),
                        DECISION_TIME.name(), DECISION_TIME.stored(deadlines.decisionTime()),
                        ARRIVAL_WAIT.name(), ARRIVAL_WAIT.stored(deadlines.arrivalWait()),
                        LEADER_USER_ID.name(), LEADER_USER_ID.stored(batch.getPickupPoint().getLeader().getUserId())))
                .execute()
                .getId();
    }

    @Override
    public void refundsDue(Long batchId) {
        correlate(Message.REFUNDS_DUE, batchId);
    }

    @Override
    public void cancelledAfterCutoff(Long batchId) {
        correlate(Message.CANCELLED_AFTER_CUTOFF, batchId);
    }

    /** Once per batch: the inbox keeps the first and ignores a repeat. */
    @Override
    public void everythingCollected(Long batchId) {
        inbox.accept(new MessageInbox.Message("leader", "collected-" + batchId,
                Message.EVERYTHING_COLLECTED.messageName(), GroupBuyBatchProcess.businessKey(batchId), null, null,
                Map.of()));
    }

    @Override
    public List<Integer> confirmReceipt(Long batchId, String by) {
        List<Integer> confirmed = new ArrayList<>();
        for (Task task : tasks.createTaskQuery()
                .processInstanceBusinessKeyLike(GroupBuyBatchProcess.businessKey(batchId) + "-purchase-%")
                .taskDefinitionKey(GroupBuyPurchaseProcess.Element.CONFIRM_RECEIPT.id()).list()) {
            confirmed.add(Math.toIntExact(PURCHASE_NO.optionalFrom(runtime.getVariables(task.getExecutionId(),
                    List.of(PURCHASE_NO.name()))).orElseThrow()));
            tasks.complete(task.getId(), Map.of(RECEIPT.name(), RECEIPT.stored(RECEIVED),
                    RECEIVED_BY.name(), RECEIVED_BY.stored(by)));
        }
        return confirmed;
    }

    private void correlate(Message message, Long batchId) {
        try {
            runtime.createMessageCorrelation(message.messageName())
                    .processInstanceBusinessKey(GroupBuyBatchProcess.businessKey(batchId))
                    .correlateWithResult();
        } catch (OptimisticLockingException busy) {
            throw new ConcurrencyFailureException("batch " + batchId + " changed at the same moment; try again", busy);
        }
    }
}
