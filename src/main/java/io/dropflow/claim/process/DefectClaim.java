package io.dropflow.claim.process;

import static io.dropflow.claim.process.DefectClaimProcess.Messages;
import static io.dropflow.claim.process.DefectClaimProcess.PROCESS_KEY;
import static io.dropflow.claim.process.DefectClaimProcess.Variables;

import io.dropflow.claim.Claim;
import io.dropflow.claim.ClaimHistory;
import io.dropflow.claim.ClaimSettings;
import io.dropflow.claim.ClaimStatus;
import io.dropflow.claim.SupplierClaimAnswer;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.security.Groups;
import io.dropflow.supplier.PurchaseOrderEvent;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place that starts defect-claim processes and hands them what partners and consumers
 * send. Everything goes through the {@link MessageInbox}: a supplier that answers while our call
 * is still open, or evidence uploaded a moment before the process waits for it, is kept and
 * delivered once the process waits, never lost. Supplier answers are correlated by claim round,
 * so a late answer to an earlier round cannot move a later one.
 */
@Component
public class DefectClaim {

    private final RuntimeService runtime;
    private final MessageInbox inbox;
    private final ClaimHistory history;
    private final ClaimSettings settings;

    DefectClaim(RuntimeService runtime, MessageInbox inbox, ClaimHistory history, ClaimSettings settings) {
        this.runtime = runtime;
        this.inbox = inbox;
        this.history = history;
        this.settings = settings;
    }

    /** Starts the claim's process in the caller's transaction; its first step runs asynchronously. */
    public String start(Claim claim) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CLAIM_ID, claim.getId());
        variables.put(Variables.ORDER_ID, claim.getOrderId());
        variables.put(Variables.CHANNEL, claim.getChannel());
        variables.put(Variables.CLAIM_TYPE, claim.getClaimType().name());
        variables.put(Variables.CLAIM_GROUPS, Groups.OPERATORS);
        variables.put(Variables.CLAIM_ROUND, 0L);
        variables.put(Variables.EVIDENCE_REQUESTS, 0L);
        variables.put(Variables.EVIDENCE_WAIT, settings.evidenceWait().toString());
        variables.put(Variables.REPLACEMENT_TIME, settings.hours(settings.replacementShipByHours()).toString());
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(DefectClaimProcess.businessKey(claim.getId()))
                .setVariables(variables)
                .execute();
        return instance.getId();
    }

    /**
     * The consumer sent evidence. Only a claim waiting for evidence is moved on (back to the
     * operator); the request counter makes sure an upload meets the request it answers.
     */
    public void evidenceAdded(Claim claim, Long firstEvidenceId) {
        if (claim.getStatus() != ClaimStatus.AWAITING_EVIDENCE) {
            return;
        }
        inbox.accept(new MessageInbox.Message("consumer", "evidence-" + firstEvidenceId, Messages.EVIDENCE_ADDED,
                DefectClaimProcess.businessKey(claim.getId()), Variables.EVIDENCE_REQUESTS,
                (long) claim.getEvidenceRequests(), Map.of()));
    }

    /** The supplier answered a round; recorded on the claim already, now for the process. */
    public void supplierAnswered(Claim claim, String source, String eventId, SupplierClaimAnswer answer) {
        inbox.accept(new MessageInbox.Message(source, eventId, Messages.SUPPLIER_ANSWERED,
                DefectClaimProcess.businessKey(claim.getId()), Variables.CLAIM_ROUND, (long) claim.getRoundNo(),
                Map.of(Variables.SUPPLIER_ANSWER, answer.name())));
    }

    /** The marketplace's verdict, for the claim waiting for it. */
    public void platformDecided(Claim claim, String eventId, String verdict, String remedy, String amount, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.PLATFORM_VERDICT, verdict);
        variables.put(Variables.PLATFORM_REASON, reason);
        if (remedy != null) {
            variables.put(Variables.REMEDY, remedy);
        }
        if (amount != null) {
            variables.put(Variables.REMEDY_AMOUNT, amount);
        }
        inbox.accept(new MessageInbox.Message("platform", eventId, Messages.PLATFORM_DECIDED,
                DefectClaimProcess.businessKey(claim.getId()), null, null, variables));
    }

    /** Events about a replacement purchase order go to the claim that ordered it. */
    @EventListener
    void on(PurchaseOrderEvent event) {
        if (event.claimId() == null) {
            return;
        }
        String message;
        switch (event.type()) {
            case SHIPPED -> {
                message = Messages.REPLACEMENT_SHIPPED;
                history.record(event.claimId(), "SUPPLIER", "Shipped the replacement: " + event.carrierCode() + " "
                        + event.trackingNumber());
            }
            case REJECTED, OUT_OF_STOCK -> {
                message = Messages.REPLACEMENT_DECLINED;
                history.record(event.claimId(), "SUPPLIER", "Declined the replacement (" + event.reasonCode() + ")");
            }
            case ACCEPTED -> {
                history.record(event.claimId(), "SUPPLIER", "Accepted the replacement purchase order");
                return;
            }
            default -> {
                return;
            }
        }
        inbox.accept(new MessageInbox.Message("supplier", event.eventId(), message,
                DefectClaimProcess.businessKey(event.claimId()), Variables.REPLACEMENT_PURCHASE_ORDER_ID,
                event.purchaseOrderId(), Map.of()));
    }
}
