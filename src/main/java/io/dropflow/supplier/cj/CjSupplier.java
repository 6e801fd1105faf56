package io.dropflow.supplier.cj;

import io.dropflow.partners.PartnerBinding;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierAdapter;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierEventIdReusedException;
import io.dropflow.supplier.SupplierEventType;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CJ Dropshipping as a supplier. CJ answers some things in the call itself rather than by webhook
 * (whether it deleted an unpaid order; an order's status when we look it up): those answers become
 * supplier events, received in their own transaction as if CJ had posted them, so the order's
 * process gets them the same way.
 *
 * <p>CJ has no API for ship-by reminders, and its ticket API is not documented for API 2.0: at
 * reminders and carrier investigations Dropflow looks the order up instead and takes in any news CJ
 * has not pushed. Claim and return rounds open a dispute at CJ (disputeProducts, disputeConfirmInfo,
 * create: https://developers.cjdropshipping.com/en/api/api2/api/dispute.html) with the round's key as
 * CJ's businessDisputeId; CJ's decision is posted to the claim-answer or return-answer webhook by the
 * operator who follows the dispute in CJ (CJ sends no webhook for disputes).
 */
@Component
class CjSupplier implements SupplierAdapter, PartnerBinding {

    private static final Logger log = LoggerFactory.getLogger(CjSupplier.class);

    private final CjSettings settings;
    private final CjDropshipping cj;
    private final ObjectProvider<Purchasing> purchasing;
    private final TransactionTemplate ownTransaction;

    CjSupplier(CjSettings settings, CjDropshipping cj, ObjectProvider<Purchasing> purchasing,
            PlatformTransactionManager transactions) {
        this.settings = settings;
        this.cj = cj;
        this.purchasing = purchasing; // Purchasing calls us through the gateway: looked up when needed
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean serves(String supplierCode) {
        return settings.account(supplierCode).isPresent();
    }

    /** A CJ account listed under dropflow.suppliers.cj without its API key, openId or logistic name. */
    @Override
    public List<Unbound> unbound() {
        return settings.unbound();
    }

    @Override
    public String placePurchaseOrder(PlacePurchaseOrder command) {
        return cj.createOrder(command);
    }

    /** CJ deletes orders it has not been paid for; a paid one it ships (or refunds through a dispute). */
    @Override
    public void requestCancellation(RequestCancellation command) {
        String code = command.supplierCode();
        Optional<CjDropshipping.CjOrder> order = cj.order(code,
                command.supplierReference() != null ? command.supplierReference() : command.purchaseOrderNumber());
        SupplierEventType answer;
        String reason = null;
        if (order.isEmpty() || order.get().status() == CjOrderStatus.CANCELLED) {
            answer = SupplierEventType.CANCELLATION_ACCEPTED; // never created, or deleted by an earlier try
        } else if (order.get().status().deletable()) {
            boolean deleted = cj.deleteOrder(code, order.get().orderId());
            answer = deleted ? SupplierEventType.CANCELLATION_ACCEPTED : SupplierEventType.CANCELLATION_REFUSED;
            reason = deleted ? null : "CJ_NOT_DELETED";
        } else {
            answer = SupplierEventType.CANCELLATION_REFUSED;
            reason = order.get().status() == CjOrderStatus.UNSHIPPED ? "CJ_ORDER_PAID" : "ALREADY_SHIPPED";
        }
        // The request's key and the answer: a key names one request (a second cancellation has its own)
        receive(code, new SupplierEvent(command.idempotencyKey() + ":" + answer, answer, command.purchaseOrderNumber(),
                order.map(CjDropshipping.CjOrder::orderId).orElse(null), reason, null, null));
    }

    @Override
    public void remindOfShipBy(ShipByReminder reminder) {
        log.info("CJ takes no reminders: looking up {} instead", reminder.purchaseOrderNumber());
        reconcile(reminder.supplierCode(), reminder.purchaseOrderNumber(), reminder.idempotencyKey());
    }

    @Override
    public void requestInvestigation(InvestigationRequest request) {
        log.warn("CJ has no API for carrier investigations: open a CJ ticket for {} ({} {}); looking the order up meanwhile",
                request.purchaseOrderNumber(), request.carrierCode(), request.trackingNumber());
        reconcile(request.supplierCode(), request.purchaseOrderNumber(), request.idempotencyKey());
    }

    /** A claim round becomes a CJ dispute: reissue when we ask for a reship, else a refund. */
    @Override
    public void sendClaim(ClaimRound claim) {
        boolean reissue = claim.requestedRemedy() != null && claim.requestedRemedy().toUpperCase().contains("RESHIP");
        String message = "Claim " + claim.claimNumber() + " round " + claim.round() + " (" + claim.claimType() + "): "
                + (claim.description() == null ? "" : claim.description());
        Optional<String> dispute = cj.openDispute(claim.supplierCode(), new CjDropshipping.Dispute(claim.idempotencyKey(),
                cjOrderId(claim.supplierReference(), claim.purchaseOrderNumber(), claim.supplierCode()),
                claim.purchaseOrderNumber(), quantities(claim.lines()), reasonHint(claim.claimType()), reissue, message,
                claim.evidenceUrls() == null ? List.of() : claim.evidenceUrls()));
        log.info("Claim {} round {} is CJ dispute {}; CJ's decision is posted to /api/webhooks/suppliers/{}/claim-answers",
                claim.claimNumber(), claim.round(), dispute.orElse("(open already)"), claim.supplierCode());
    }

    /** A return round becomes a CJ dispute asking for a refund (CJ documents no separate return API). */
    @Override
    public void requestReturn(ReturnRound request) {
        String message = "Return " + request.returnNumber() + " round " + request.round() + " (" + request.reason()
                + ", consumer wishes " + request.wish() + ")" + (request.note() == null ? "" : ": " + request.note());
        Optional<String> dispute = cj.openDispute(request.supplierCode(), new CjDropshipping.Dispute(
                request.idempotencyKey(), cjOrderId(request.supplierReference(), request.purchaseOrderNumber(),
                        request.supplierCode()), request.purchaseOrderNumber(), quantities(request.lines()),
                reasonHint(request.reason()), false, message, List.of()));
        log.info("Return {} round {} is CJ dispute {}; CJ's decision is posted to /api/webhooks/suppliers/{}/return-answers",
                request.returnNumber(), request.round(), dispute.orElse("(open already)"), request.supplierCode());
    }

    private String cjOrderId(String supplierReference, String purchaseOrderNumber, String supplierCode) {
        if (supplierReference != null && !supplierReference.isBlank()) {
            return supplierReference;
        }
        return cj.order(supplierCode, purchaseOrderNumber).map(CjDropshipping.CjOrder::orderId)
                .orElseThrow(() -> new IllegalStateException("CJ knows no order " + purchaseOrderNumber + " to dispute"));
    }

    private static java.util.Map<String, Integer> quantities(List<Line> lines) {
        java.util.Map<String, Integer> byVid = new java.util.LinkedHashMap<>();
        if (lines != null) {
            lines.forEach(l -> byVid.merge(l.supplierSku(), l.quantity(), Integer::sum));
        }
        return byVid;
    }

    /** A word CJ's reason names contain for this kind of problem (CJ lists the reasons per order). */
    private static String reasonHint(String kind) {
        String k = kind == null ? "" : kind.toUpperCase();
        if (k.contains("DAMAGE")) {
            return "damage";
        }
        if (k.contains("WRONG")) {
            return "wrong";
        }
        if (k.contains("QUALITY") || k.contains("DEFECT")) {
            return "quality";
        }
        return k.contains("NOT_RECEIVED") || k.contains("LOST") ? "receive" : "other";
    }

    /** Takes in what CJ's order detail says that its webhooks have not told us. */
    void reconcile(String supplierCode, String purchaseOrderNumber, String eventId) {
        Optional<PurchaseOrderView> po = purchasing.getObject().purchaseOrderNumbered(purchaseOrderNumber);
        Optional<CjDropshipping.CjOrder> order = cj.order(supplierCode,
                po.map(PurchaseOrderView::supplierReference).orElse(purchaseOrderNumber));
        if (po.isEmpty() || order.isEmpty()) {
            return;
        }
        event(eventId, purchaseOrderNumber, order.get(), po.get().status(), supplierCode)
                .ifPresent(event -> receive(supplierCode, event));
    }

    /**
     * What CJ's view of an order amounts to for our purchase order: nothing while CJ has not committed
     * (created, in cart, unpaid), ACCEPTED once paid, SHIPPED with CJ's tracking number (ACCEPTED while
     * it has none), and a cancelled order is our cancellation accepted or, unasked, a rejection.
     */
    Optional<SupplierEvent> event(String eventId, String purchaseOrderNumber, CjDropshipping.CjOrder order,
            PurchaseOrderStatus current, String supplierCode) {
        return order.status().supplierEvent(current == PurchaseOrderStatus.CANCELLATION_REQUESTED).map(type -> {
            if (type == SupplierEventType.SHIPPED && order.trackNumber() == null) {
                log.info("CJ reports {} {} without a tracking number yet: taken as accepted", purchaseOrderNumber,
                        order.status());
                type = SupplierEventType.ACCEPTED;
            }
            String reason = type == SupplierEventType.REJECTED ? "CJ_CANCELLED" : null;
            boolean shipped = type == SupplierEventType.SHIPPED;
            // One id per fact: a retried reminder that finds the order shipped since is not the acceptance it found before
            return new SupplierEvent(eventId + ":" + type, type, purchaseOrderNumber, order.orderId(), reason,
                    shipped ? settings.account(supplierCode).map(CjSettings.Account::carrierCode).orElse("CJ") : null,
                    shipped ? order.trackNumber() : null);
        });
    }

    /**
     * The ids are ours, made from CJ's view of the order: a retry that finds CJ saying a little more under
     * the same id (another reason, a tracking number) was answered by the first look, and changes nothing.
     */
    void receive(String supplierCode, SupplierEvent event) {
        try {
            ownTransaction.executeWithoutResult(tx -> purchasing.getObject().receive(supplierCode, event));
        } catch (SupplierEventIdReusedException answeredBefore) {
            log.info("CJ's {} for {} was taken before under {} as it was then: nothing changed", event.type(),
                    event.purchaseOrderNumber(), event.eventId());
        }
    }
}
