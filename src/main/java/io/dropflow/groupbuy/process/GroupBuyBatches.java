package io.dropflow.groupbuy.process;

import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.ARRIVAL_WAIT;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.BATCH_ID;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.CUTOFF_AT;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.DECISION_TIME;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.ESCALATION_PRIORITY;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.LEADER_USER_ID;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.RECEIPT_WAIT;
import static io.dropflow.groupbuy.process.GroupBuyBatchProcess.RESTOCK_WAIT;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PARCEL_DECISION;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.PURCHASE_NO;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.RECEIPT;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.RECEIVED_BY;
import static io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.SHIPMENT_ID;

import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.groupbuy.internal.Batch;
import io.dropflow.groupbuy.internal.BatchProcess;
import io.dropflow.groupbuy.internal.GroupBuyDeadlines;
import io.dropflow.groupbuy.internal.GroupBuyTaskForm;
import io.dropflow.groupbuy.internal.PurchaseWaits;
import io.dropflow.groupbuy.process.GroupBuyBatchProcess.Message;
import io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.ParcelDecision;
import io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.Receipt;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.MessageInbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

    /** The consumers a group-buy task lists (GroupBuyTaskForm's fact). */
    private static final String CONSUMER_ROWS = "consumerRows";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final MessageInbox inbox;
    private final GroupBuyDeadlines deadlines;
    private final Tracking tracking;
    private final PurchaseWaits waits;
    private final GroupBuyTaskForm form;

    GroupBuyBatches(RuntimeService runtime, TaskService tasks, MessageInbox inbox, GroupBuyDeadlines deadlines,
            Tracking tracking, PurchaseWaits waits, GroupBuyTaskForm form) {
        this.form = form;
        this.runtime = runtime;
        this.tasks = tasks;
        this.inbox = inbox;
        this.deadlines = deadlines;
        this.tracking = tracking;
        this.waits = waits;
    }

    /**
     * The durations and the escalated tasks' priority (order-deadlines.dmn, see GroupBuyDeadlines; the point's receipt wait from
     * group-buy-cutoff.dmn) and the leader are fixed when the
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
                        RESTOCK_WAIT.name(), RESTOCK_WAIT.stored(waits.restockWait()),
                        ESCALATION_PRIORITY.name(), ESCALATION_PRIORITY.stored(deadlines.escalationPriority()),
                        RECEIPT_WAIT.name(), RECEIPT_WAIT.stored(waits.receiptWait(batch.getPickupPoint())),
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

    /**
     * Completes the receipt task of every parcel the carrier delivered to the point; and takes the leader's late
     * word for a delivered parcel that an operator decides on (the leader answered "parcel missing", or did not
     * confirm in time, and found it since): its "Decide on missing parcel" is answered "At the point" for the
     * operator. A delivered parcel an operator chose to keep waiting for is confirmed too: its purchase waits at
     * "Await arrival" for a delivery the carrier reported already and will not report again, so it is taken through
     * "Delivered to the point" to its "Confirm receipt", which the leader completes. A parcel the carrier never
     * delivered stays with the operator ({@link #parcelsWithOperator}). "Delivered" is the carrier's word about the
     * parcel the purchase follows now ({@link #delivered}), not an earlier round's: a parcel re-labelled since is
     * another parcel.
     */
    @Override
    public List<Integer> confirmReceipt(Long batchId, String by) {
        for (ProcessInstance waiting : purchasesAwaitingArrival(batchId)) {
            if (delivered(waiting.getId())) {
                correlateDelivered(batchId, waiting);
            }
        }
        List<Integer> confirmed = new ArrayList<>();
        for (Task task : purchaseTasks(batchId, GroupBuyPurchaseProcess.Element.CONFIRM_RECEIPT)) {
            confirmed.add(purchaseNo(task));
            complete(batchId, task, Map.of(RECEIPT.name(), RECEIPT.stored(Receipt.ALL_RECEIVED),
                    RECEIVED_BY.name(), RECEIVED_BY.stored(by)));
        }
        for (Task task : purchaseTasks(batchId, GroupBuyPurchaseProcess.Element.DECIDE_MISSING_PARCEL)) {
            if (delivered(task.getExecutionId())) {
                confirmed.add(purchaseNo(task));
                complete(batchId, task, Map.of(PARCEL_DECISION.name(), PARCEL_DECISION.stored(ParcelDecision.RECEIVED),
                        RECEIVED_BY.name(), RECEIVED_BY.stored(by)));
            }
        }
        return confirmed;
    }

    /**
     * A task someone else (the leader in Tasklist, an operator deciding on the missing parcel) completed at the same
     * moment: the engine's conflict, or the task gone, is the caller's 409 "try again" (the whole receipt is rolled
     * back), not a 500; asked again, the receipt finds the task done and takes what is left.
     */
    private void complete(Long batchId, Task task, Map<String, Object> variables) {
        try {
            tasks.complete(task.getId(), variables);
        } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException
                | org.camunda.bpm.engine.exception.NotFoundException decidedMeanwhile) {
            throw new ConcurrencyFailureException("a task of batch " + batchId + " (" + task.getName()
                    + ") was completed by someone else at the same moment; try again", decidedMeanwhile);
        }
    }

    @Override
    public void receiptsGoTo(List<Long> batchIds, String from, String to) {
        for (Long batchId : batchIds) {
            for (Task task : purchaseTasks(batchId, GroupBuyPurchaseProcess.Element.CONFIRM_RECEIPT)) {
                if (task.getAssignee() == null || task.getAssignee().equals(from)) {
                    tasks.setAssignee(task.getId(), to); // an operator who took it keeps it
                }
            }
        }
    }

    /** Only the rows: the task's other facts (times in the point's zone on a receipt, why it is back) stay. */
    @Override
    public void consumersChanged(Long batchId) {
        for (Task task : tasks.createTaskQuery()
                .processInstanceBusinessKeyLike(GroupBuyBatchProcess.businessKey(batchId) + "-purchase-%").list()) {
            boolean missing = task.getTaskDefinitionKey().equals(GroupBuyPurchaseProcess.Element.DECIDE_MISSING_LINES.id());
            Object rows = form.purchase(batchId, purchaseNo(task), missing).get(CONSUMER_ROWS);
            FormFacts.of(Map.of(CONSUMER_ROWS, rows)).refreshOn(tasks, task.getId());
        }
    }

    @Override
    public List<Integer> parcelsWithOperator(Long batchId) {
        return purchaseTasks(batchId, GroupBuyPurchaseProcess.Element.DECIDE_MISSING_PARCEL).stream()
                .map(this::purchaseNo).sorted().toList();
    }

    private List<Task> purchaseTasks(Long batchId, GroupBuyPurchaseProcess.Element task) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKeyLike(GroupBuyBatchProcess.businessKey(batchId) + "-purchase-%")
                .taskDefinitionKey(task.id()).list();
    }

    private int purchaseNo(Task task) {
        return Math.toIntExact(PURCHASE_NO.optionalFrom(runtime.getVariables(task.getExecutionId(),
                List.of(PURCHASE_NO.name()))).orElseThrow());
    }

    /**
     * Whether the carrier delivered the parcel the purchase follows now ({@code shipmentId}, a re-labelled parcel's
     * new number) to the point: its shipment says DELIVERED, which it stays (a later scan does not undo it, and a
     * delivered parcel is never re-labelled). A parcel re-labelled after an earlier number's delivery is not: its
     * shipment has not been delivered.
     */
    private boolean delivered(String executionId) {
        return SHIPMENT_ID.optionalFrom(runtime.getVariables(executionId, List.of(SHIPMENT_ID.name())))
                .map(shipment -> tracking.shipment(shipment).status() == TrackingStatus.DELIVERED).orElse(false);
    }

    private List<ProcessInstance> purchasesAwaitingArrival(Long batchId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(GroupBuyBatchProcess.businessKey(batchId) + "-purchase-%")
                .activityIdIn(GroupBuyPurchaseProcess.Element.AWAIT_ARRIVAL.id()).list();
    }

    /**
     * The carrier's delivery, which the purchase took before (and an operator then kept waiting), or which the inbox
     * still holds for it: the purchase goes on to its "Confirm receipt" in this transaction. A delivery the inbox
     * holds is not awaited any more, and ends with the purchase (NOT_AWAITED).
     */
    private void correlateDelivered(Long batchId, ProcessInstance purchase) {
        try {
            runtime.createMessageCorrelation(GroupBuyPurchaseProcess.Message.PARCEL_DELIVERED.messageName())
                    .processInstanceId(purchase.getId()).correlateWithResult();
        } catch (OptimisticLockingException busy) {
            throw new ConcurrencyFailureException("a purchase of batch " + batchId + " (" + purchase.getBusinessKey()
                    + ") changed at the same moment; try again", busy);
        }
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
