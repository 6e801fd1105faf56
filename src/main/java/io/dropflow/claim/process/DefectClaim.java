package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.CHANNEL;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_GROUPS;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ID;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_ROUND;
import static io.dropflow.claim.process.DefectClaimProcess.CLAIM_TYPE;
import static io.dropflow.claim.process.DefectClaimProcess.EVIDENCE_REQUESTS;
import static io.dropflow.claim.process.DefectClaimProcess.ORDER_ID;
import static io.dropflow.claim.process.DefectClaimProcess.PLATFORM_REASON;
import static io.dropflow.claim.process.DefectClaimProcess.PLATFORM_VERDICT;
import static io.dropflow.claim.process.DefectClaimProcess.PROCESS_KEY;
import static io.dropflow.claim.process.DefectClaimProcess.REMEDY;
import static io.dropflow.claim.process.DefectClaimProcess.REMEDY_AMOUNT;
import static io.dropflow.claim.process.DefectClaimProcess.REPLACEMENT_PURCHASE_ORDER_ID;
import static io.dropflow.claim.process.DefectClaimProcess.SUPPLIER_ANSWER;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.claim.internal.ClaimSettings;
import io.dropflow.claim.internal.ClaimStatus;
import io.dropflow.claim.internal.PlatformDecision;
import io.dropflow.claim.SupplierClaimAnswer;
import io.dropflow.claim.internal.Claim;
import io.dropflow.claim.internal.ClaimProcess;
import io.dropflow.claim.internal.ClaimTaskForm;
import io.dropflow.claim.process.DefectClaimProcess.Message;
import io.dropflow.processengine.AfterCommit;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.security.Groups;
import io.dropflow.supplier.PurchaseOrderEvent;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place that starts defect-claim processes and hands them what partners and consumers
 * send. Everything goes through the {@link MessageInbox}: a supplier that answers while our call
 * is still open, or evidence uploaded a moment before the process waits for it, is kept and
 * delivered once the process waits, never lost. Supplier answers are correlated by claim round,
 * so a late answer to an earlier round cannot move a later one.
 */
@Component
class DefectClaim implements ClaimProcess {

    private static final Logger log = LoggerFactory.getLogger(DefectClaim.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ClaimTaskForm taskForm;
    private final TransactionTemplate ownTransaction;
    private final MessageInbox inbox;
    private final CaseHistory history;
    private final ClaimSettings settings;

    DefectClaim(RuntimeService runtime, TaskService tasks, ClaimTaskForm taskForm, MessageInbox inbox,
            CaseHistory history, ClaimSettings settings, PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.runtime = runtime;
        this.tasks = tasks;
        this.taskForm = taskForm;
        this.inbox = inbox;
        this.history = history;
        this.settings = settings;
    }

    @Override
    public String start(Claim claim) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CLAIM_ID.name(), CLAIM_ID.stored(claim.getId()));
        variables.put(ORDER_ID.name(), ORDER_ID.stored(claim.getOrderId()));
        variables.put(CHANNEL.name(), CHANNEL.stored(claim.getChannel()));
        variables.put(CLAIM_TYPE.name(), CLAIM_TYPE.stored(claim.getClaimType()));
        variables.put(CLAIM_GROUPS.name(), CLAIM_GROUPS.stored(Groups.OPERATORS));
        variables.put(CLAIM_ROUND.name(), CLAIM_ROUND.stored(0L));
        variables.put(EVIDENCE_REQUESTS.name(), EVIDENCE_REQUESTS.stored(0L));
        return runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(DefectClaimProcess.businessKey(claim.getId()))
                .setVariables(variables)
                .execute().getId();
    }

    /**
     * The request counter makes sure an upload meets the request it answers. Evidence that comes while
     * an operator reviews or negotiates the claim goes onto the open task's form once it is stored.
     */
    @Override
    public void evidenceAdded(Claim claim, Long firstEvidenceId) {
        if (claim.getStatus() != ClaimStatus.AWAITING_EVIDENCE) {
            showOnOpenTasks(claim.getId(), taskForm.evidenceOf(claim.getId()));
            return;
        }
        inbox.accept(new MessageInbox.Message("consumer", "evidence-" + firstEvidenceId,
                Message.EVIDENCE_ADDED.messageName(), DefectClaimProcess.businessKey(claim.getId()),
                EVIDENCE_REQUESTS.name(), (long) claim.getEvidenceRequests(), Map.of()));
    }

    /**
     * Once the upload committed, in a transaction of its own: an operator completing the task at the same
     * moment must fail neither the consumer's upload nor the operator's decision. A task gone or changed
     * meanwhile keeps its form; the next task of the claim reads the evidence afresh.
     */
    private void showOnOpenTasks(Long claimId, FormFacts evidence) {
        Runnable refresh = () -> {
            try {
                ownTransaction.executeWithoutResult(tx -> tasks.createTaskQuery()
                        .processInstanceBusinessKey(DefectClaimProcess.businessKey(claimId)).list()
                        .forEach(task -> evidence.refreshOn(tasks, task.getId())));
            } catch (RuntimeException raced) {
                log.info("Claim {}'s new evidence not shown on its open task, which changed meanwhile: {}", claimId,
                        raced.toString());
            }
        };
        AfterCommit.run(refresh);
    }

    @Override
    public boolean received(String source, String eventId) {
        return inbox.received(source, eventId);
    }

    @Override
    public boolean receivedForAnotherClaim(Claim claim, String source, String eventId) {
        return inbox.receivedForAnother(DefectClaimProcess.businessKey(claim.getId()), source, eventId);
    }

    @Override
    public void supplierAnswered(Claim claim, String source, String eventId, SupplierClaimAnswer answer) {
        inbox.accept(new MessageInbox.Message(source, eventId, Message.SUPPLIER_ANSWERED.messageName(),
                DefectClaimProcess.businessKey(claim.getId()), CLAIM_ROUND.name(), (long) claim.getRoundNo(),
                Map.of(SUPPLIER_ANSWER.name(), SUPPLIER_ANSWER.stored(answer))));
    }

    /** A SELLER_REFUNDS verdict carries the remedy and amount the seller pays. */
    @Override
    public void platformDecided(Claim claim, PlatformDecision decision) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PLATFORM_VERDICT.name(), PLATFORM_VERDICT.stored(decision.verdict()));
        variables.put(PLATFORM_REASON.name(), decision.reason() == null ? "the marketplace rejected the claim"
                : decision.reason());
        if (decision.remedy() != null) {
            variables.put(REMEDY.name(), REMEDY.stored(decision.remedy().name()));
        }
        if (decision.amount() != null) {
            variables.put(REMEDY_AMOUNT.name(), REMEDY_AMOUNT.stored(decision.amount()));
        }
        inbox.accept(new MessageInbox.Message(PLATFORM, decision.eventId(), Message.PLATFORM_DECIDED.messageName(),
                DefectClaimProcess.businessKey(claim.getId()), null, null, variables));
    }

    /** Events about a replacement purchase order go to the claim that ordered it. */
    @EventListener
    void on(PurchaseOrderEvent event) {
        if (event.claimId() == null) {
            return;
        }
        Message message;
        switch (event.type()) {
            case SHIPPED -> {
                message = Message.REPLACEMENT_SHIPPED;
                replacement(event, "Shipped the replacement: " + event.carrierCode() + " " + event.trackingNumber());
            }
            case REJECTED, OUT_OF_STOCK -> {
                message = Message.REPLACEMENT_DECLINED;
                replacement(event, "Declined the replacement ("
                        + io.dropflow.processengine.OperatorWords.ofCode(event.reasonCode()) + ")");
            }
            case ACCEPTED -> {
                replacement(event, "Accepted the replacement purchase order");
                return;
            }
            case CANCELLATION_ACCEPTED -> {
                replacement(event, "Cancelled the late replacement");
                return;
            }
            case CANCELLATION_REFUSED -> {
                replacement(event, "Refused to cancel the late replacement ("
                        + io.dropflow.processengine.OperatorWords.ofCode(event.reasonCode()) + ")");
                return;
            }
            default -> {
                return;
            }
        }
        inbox.accept(new MessageInbox.Message("supplier", event.eventId(), message.messageName(),
                DefectClaimProcess.businessKey(event.claimId()), REPLACEMENT_PURCHASE_ORDER_ID.name(),
                event.purchaseOrderId(), Map.of()));
    }

    private void replacement(PurchaseOrderEvent event, String what) {
        history.record(CaseKind.CLAIM, event.claimId(), Party.SUPPLIER, what);
    }
}
