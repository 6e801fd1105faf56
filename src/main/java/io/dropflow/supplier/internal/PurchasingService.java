package io.dropflow.supplier.internal;

import io.dropflow.carrier.Tracking;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.supplier.BlindShippingSender;
import io.dropflow.supplier.PurchaseOrderEvent;
import io.dropflow.supplier.PurchaseOrderShippedAgain;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.SamplePurchaseOrderEvent;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierEventIdReusedException;
import io.dropflow.supplier.SupplierEventOutcome;
import io.dropflow.supplier.SupplierEventType;
import io.dropflow.supplier.SupplierGateway;
import io.dropflow.supplier.SupplierGateway.PlacePurchaseOrder;
import io.dropflow.supplier.SupplierGateway.RequestCancellation;
import io.dropflow.supplier.SupplierRefusedException;
import io.dropflow.web.InvalidRequest;
import io.dropflow.web.NotFound;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purchase orders on their table, calls to suppliers through the gateway. Each row is committed
 * before its supplier is called, so a supplier that answers at once (before the caller's
 * transaction commits) finds the purchase order its answer is about; a retry repeats the same key.
 * The supplier's answer to the call is recorded in the caller's transaction (the job's), so a
 * supplier event about the purchase order waits for that commit and finds the process waiting.
 */
@Service
class PurchasingService implements Purchasing {

    private static final Logger log = LoggerFactory.getLogger(PurchasingService.class);

    private final PurchaseOrders purchaseOrders;
    private final Suppliers suppliers;
    private final SupplierOffers offers;
    private final SupplierGateway gateway;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate callersTransaction;
    private final SupplierGateway.Sender seller;
    private final Clock clock;

    private final PurchaseOrderMeters meters;
    private final MessageInbox inbox;
    private final StaleSupplierEvents staleEvents;
    private final SupplierEventIds eventIds;
    private final Tracking tracking;

    PurchasingService(PurchaseOrders purchaseOrders, Suppliers suppliers, SupplierOffers offers, SupplierGateway gateway,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, BlindShippingSender seller,
            Clock clock, PurchaseOrderMeters meters, MessageInbox inbox, StaleSupplierEvents staleEvents,
            SupplierEventIds eventIds, Tracking tracking) {
        this.eventIds = eventIds;
        this.tracking = tracking;
        this.meters = meters;
        this.staleEvents = staleEvents;
        this.inbox = inbox;
        this.purchaseOrders = purchaseOrders;
        this.suppliers = suppliers;
        this.offers = offers;
        this.gateway = gateway;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.callersTransaction = new TransactionTemplate(transactions);
        this.seller = seller.sender();
        this.clock = clock;
    }

    @Override
    @CallsPartner
    public PurchaseOrderView forward(ForwardCommand command) {
        String key = Purchasing.purchaseOrderNumber(command.orderId(), command.attempt());
        return placeOnce(key, () -> new PurchaseOrder(command.orderId(), supplier(command.supplierId()), key,
                command.lines().stream().map(l -> new PurchaseOrderLine(l.sku(), l.supplierSku(), l.quantity(),
                        l.supplyPrice())).toList(),
                command.shippingCost(), command.currency(), clock.instant()),
                command.shipTo(), command.shipByHours(), command.shipByTime());
    }

    @Override
    @CallsPartner
    public PurchaseOrderView forwardBatch(BatchForwardCommand command) {
        String key = Purchasing.batchPurchaseOrderNumber(command.batchId(), command.purchaseNo());
        return placeOnce(key, () -> {
            PurchaseOrder po = new PurchaseOrder(null, supplier(command.supplierId()), key,
                    command.lines().stream().map(l -> new PurchaseOrderLine(l.sku(), l.supplierSku(), l.quantity(),
                            l.supplyPrice())).toList(),
                    command.shippingCost(), command.currency(), clock.instant());
            po.orderedForBatch(command.batchId());
            return po;
        }, command.shipTo(), command.shipByHours(), command.shipByTime());
    }

    /** The key is the cancellation number, so a retry asks once; a purchase order no longer open is not asked. */
    @Override
    @CallsPartner
    public boolean requestLineCancellation(Long purchaseOrderId, String cancellationNumber,
            Map<String, Integer> quantities) {
        PurchaseOrder po = read(purchaseOrderId);
        if (!po.view().isOpen()) {
            return false;
        }
        // Kept before the supplier is asked (it may answer at once): its answer is told from one about nothing asked.
        ownTransaction.executeWithoutResult(tx -> lock(purchaseOrderId).lineCancellationAsked(cancellationNumber,
                clock.instant()));
        List<SupplierGateway.Line> lines = po.getLines().stream().filter(l -> quantities.containsKey(l.getSku()))
                .map(l -> new SupplierGateway.Line(l.getSupplierSku(), quantities.get(l.getSku()))).toList();
        try {
            gateway.requestLineCancellation(new SupplierGateway.LineCancellation(po.getSupplier().getCode(),
                    cancellationNumber, po.getIdempotencyKey(), po.getSupplierReference(), cancellationNumber, lines));
            return true;
        } catch (SupplierRefusedException refused) {
            log.info("Supplier {} refused to take lines off {} at once: {}", po.getSupplier().getCode(),
                    po.getIdempotencyKey(), refused.getMessage());
            return false;
        }
    }

    /**
     * A purchase order that shipped or was cancelled meanwhile is not asked about again: the
     * supplier's event saying so is waiting in the inbox (it came while the order's process was busy,
     * or while a node that had asked died before committing), and the process's wait for the answer
     * takes it.
     */
    @Override
    @CallsPartner
    public boolean requestCancellation(Long purchaseOrderId) {
        PurchaseOrder po = ownTransaction.execute(tx -> {
            PurchaseOrder locked = lock(purchaseOrderId);
            locked.requestCancellation(clock.instant());
            return locked;
        });
        switch (po.getStatus()) {
            case CANCELLATION_REQUESTED -> {
                gateway.requestCancellation(new RequestCancellation(po.getSupplier().getCode(),
                        po.cancellationKey(), po.getIdempotencyKey(), po.getSupplierReference()));
                return true;
            }
            case SHIPPED, CANCELLED -> {
                log.info("Purchase order {} is {} already: its answer is awaited, not asked for", po.getIdempotencyKey(),
                        po.getStatus());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    @Transactional
    public PurchaseOrderView cancelWithoutAnswer(Long purchaseOrderId, String reasonCode) {
        PurchaseOrder po = lock(purchaseOrderId);
        po.cancelWithoutAnswer(reasonCode, clock.instant());
        return po.view();
    }

    /** The key names the deadline, so a retry sends the same reminder and an extended deadline gets its own. */
    @Override
    @CallsPartner
    public Optional<PurchaseOrderView> remindOfShipBy(Long purchaseOrderId) {
        PurchaseOrder po = read(purchaseOrderId);
        if (!po.view().isOpen() || po.getShipByAt() == null) {
            return Optional.empty();
        }
        gateway.remindOfShipBy(new SupplierGateway.ShipByReminder(po.getSupplier().getCode(),
                po.getIdempotencyKey() + "-reminder-" + po.getShipByAt().getEpochSecond(), po.getIdempotencyKey(),
                po.getSupplierReference(), po.getShipByAt()));
        return Optional.of(ownTransaction.execute(tx -> {
            PurchaseOrder locked = lock(purchaseOrderId);
            locked.reminded(clock.instant());
            return locked.view();
        }));
    }

    @Override
    @CallsPartner
    public void requestInvestigation(Long purchaseOrderId, String carrierCode, String trackingNumber,
            String idempotencyKey) {
        PurchaseOrder po = read(purchaseOrderId);
        gateway.requestInvestigation(new SupplierGateway.InvestigationRequest(po.getSupplier().getCode(), idempotencyKey,
                po.getIdempotencyKey(), po.getSupplierReference(), carrierCode, trackingNumber));
    }

    @Override
    @Transactional
    public PurchaseOrderView extendShipBy(Long purchaseOrderId, Instant newShipBy) {
        PurchaseOrder po = lock(purchaseOrderId);
        po.extendShipBy(newShipBy, clock.instant());
        return po.view();
    }

    @Override
    @Transactional(readOnly = true)
    public PurchaseOrderView purchaseOrder(Long purchaseOrderId) {
        return find(purchaseOrderId).view();
    }

    /** In one transaction with the hand-over of its message to the waiting process (MessageInbox#takeInOneTransaction). */
    @Override
    public SupplierEventOutcome receive(String supplierCode, SupplierEvent event) {
        return inbox.takeInOneTransaction(tx -> apply(supplierCode, event));
    }

    private SupplierEventOutcome apply(String supplierCode, SupplierEvent event) {
        PurchaseOrder po = purchaseOrders.lockByIdempotencyKey(event.purchaseOrderNumber())
                .filter(p -> p.getSupplier().getCode().equals(supplierCode))
                .orElseThrow(() -> NotFound.of("purchase order", event.purchaseOrderNumber(), "supplier "
                        + supplierCode + " has no purchase order " + event.purchaseOrderNumber()));
        // eventId is unique per supplier (docs/partners/supplier-api.md), and every one is remembered, whatever
        // it came to: the same event again is a redelivery; other content under it is refused, never acted on.
        switch (eventIds.earlier(supplierCode, event)) {
            case SAME -> {
                log.info("Supplier {} event {} ({} for {}) was received before: acknowledged, nothing changed",
                        supplierCode, event.eventId(), event.type(), event.purchaseOrderNumber());
                return SupplierEventOutcome.ALREADY_APPLIED;
            }
            case OTHER -> {
                log.warn("Supplier {} event {} ({} for {}) reuses an event id with other content: refused",
                        supplierCode, event.eventId(), event.type(), event.purchaseOrderNumber());
                throw new SupplierEventIdReusedException(supplierCode, event.eventId());
            }
            case NONE -> {
            }
        }
        refuseLinesItDoesNotHave(supplierCode, po, event);
        Instant now = clock.instant();
        List<PurchaseOrderEvent.Missing> missing = missingLines(po, event);
        // An acceptance of a purchase order accepted already changes nothing, whatever it says: the same answer
        // again is ALREADY_APPLIED; other missing lines (any for one accepted whole) contradict what was accepted,
        // which was ordered and counted on: recorded, never applied (no decline, no reorder), and to an operator.
        if (event.type() == SupplierEventType.ACCEPTED && po.getStatus() == PurchaseOrderStatus.ACCEPTED
                && !missingText(missing).equals(po.acceptedWithout())) {
            return staleEvents.recordContradiction(supplierCode, event, po,
                    StaleSupplierEvents.Verdict.MISSING_AFTER_ACCEPTANCE)
                    ? SupplierEventOutcome.STALE : SupplierEventOutcome.ALREADY_APPLIED;
        }
        // An answer to a request to take lines off that Dropflow never sent for this batch purchase order: nothing
        // to apply it to. Lines taken off unasked leave pieces undelivered: an operator; a refusal is recorded only.
        if (lineCancellation(event) && po.getBatchId() != null && !po.askedLineCancellation(event.cancellationNumber())) {
            boolean first = event.type() == SupplierEventType.CANCELLATION_ACCEPTED
                    ? staleEvents.recordContradiction(supplierCode, event, po,
                            StaleSupplierEvents.Verdict.LINES_CANCELLED_UNASKED)
                    : staleEvents.record(supplierCode, event, event.type(), po, true);
            return first ? SupplierEventOutcome.STALE : SupplierEventOutcome.ALREADY_APPLIED;
        }
        // A first SHIPPED under a number another purchase order's parcel has is not that parcel (exploratory test s14):
        // not applied, to an operator; the purchase order waits for its own parcel. A second one is the re-label's.
        Optional<String> numberHeldBy = numberOfAnotherParcel(po, event);
        if (numberHeldBy.isPresent()) {
            return staleEvents.recordNumberOfAnotherParcel(supplierCode, event, po, numberHeldBy.get())
                    ? SupplierEventOutcome.STALE : SupplierEventOutcome.ALREADY_APPLIED;
        }
        boolean wholeStockOut = !missing.isEmpty() && (po.getBatchId() == null || missingEverything(po, missing));
        SupplierEventOutcome outcome = switch (event.type()) {
            // A consumer's own purchase order ships whole: a partial answer is a stock-out.
            case ACCEPTED -> wholeStockOut ? po.decline("OUT_OF_STOCK", now) : po.acceptWithout(missingText(missing), now);
            case REJECTED -> po.decline(event.reasonCode() == null ? "REJECTED" : event.reasonCode(), now);
            case OUT_OF_STOCK -> po.decline("OUT_OF_STOCK", now);
            case SHIPPED -> po.ship(now);
            case CANCELLATION_ACCEPTED, CANCELLATION_REFUSED -> lineCancellation(event) ? lineAnswer(po)
                    : event.type() == SupplierEventType.CANCELLATION_ACCEPTED ? po.cancel(now)
                    : po.refuseCancellation(event.reasonCode(), now);
        };
        if (event.supplierReference() != null && po.getSupplierReference() == null) {
            po.recordSupplierReference(event.supplierReference(), now);
        }
        SupplierEventType type = wholeStockOut ? SupplierEventType.OUT_OF_STOCK : event.type();
        if (outcome == SupplierEventOutcome.APPLIED) {
            meters.answered(supplierCode, type);
        }
        if (outcome == SupplierEventOutcome.APPLIED && po.getApplicationId() != null) {
            events.publishEvent(new SamplePurchaseOrderEvent(supplierCode + ":" + event.eventId(), po.getApplicationId(),
                    po.getId(), po.getIdempotencyKey(), type, po.getReasonCode(), event.carrierCode(),
                    event.trackingNumber()));
        } else if (outcome == SupplierEventOutcome.APPLIED) {
            events.publishEvent(new PurchaseOrderEvent(supplierCode + ":" + event.eventId(), po.getOrderId(),
                    po.getId(), po.getIdempotencyKey(), type, po.getReasonCode(), event.carrierCode(), event.trackingNumber(),
                    po.getClaimId(), po.getReturnId(), po.getBatchId(), wholeStockOut ? List.of() : missing,
                    lineCancellation(event) ? event.cancellationNumber() : null));
        } else if (shippedAgain(event, outcome, po)) {
            // The purchase order stays as it is; whoever follows the parcel tells a redelivery from a new number
            // (in this transaction), and the answer says which it was.
            boolean followedBefore = followsNumberOf(po, event);
            events.publishEvent(new PurchaseOrderShippedAgain(supplierCode + ":" + event.eventId(), po.getOrderId(),
                    po.getId(), po.getIdempotencyKey(), event.carrierCode(), event.trackingNumber(), po.getClaimId(),
                    po.getReturnId(), po.getBatchId()));
            if (!followedBefore && followsNumberOf(po, event)) {
                log.info("Supplier {} event {} re-labelled {} as {} {}: followed from now on", supplierCode,
                        event.eventId(), event.purchaseOrderNumber(), event.carrierCode(), event.trackingNumber());
                outcome = SupplierEventOutcome.RELABELLED;
            }
        } else if (outcome == SupplierEventOutcome.STALE) {
            // Never dropped in silence: recorded, on the order's timeline, and to an operator where it costs
            // money or goods. Its redelivery (the same id) is acknowledged as one and changes nothing.
            // A cancellation accepted after the supplier refused it, where nobody awaits it any more: asked, not unasked
            boolean afterRefusal = event.type() == SupplierEventType.CANCELLATION_ACCEPTED && !lineCancellation(event)
                    && po.cancellationRefused();
            boolean first = afterRefusal ? staleEvents.recordContradiction(supplierCode, event, po,
                    StaleSupplierEvents.Verdict.CANCELLED_AFTER_REFUSAL)
                    : staleEvents.record(supplierCode, event, type, po, lineCancellation(event) && po.getBatchId() == null);
            return first ? SupplierEventOutcome.STALE : SupplierEventOutcome.ALREADY_APPLIED;
        } else {
            log.info("Supplier {} event {} {} for {} changed nothing ({}; purchase order is {})", supplierCode,
                    event.eventId(), event.type(), event.purchaseOrderNumber(), outcome, po.getStatus());
        }
        eventIds.taken(supplierCode, event, outcome);
        return outcome;
    }

    /** Purchase orders a SHIPPED moves to SHIPPED ({@link PurchaseOrder#ship}). */
    private static final java.util.Set<PurchaseOrderStatus> NOT_YET_SHIPPED = java.util.EnumSet.of(
            PurchaseOrderStatus.FORWARDING, PurchaseOrderStatus.FORWARDED, PurchaseOrderStatus.ACCEPTED,
            PurchaseOrderStatus.CANCELLATION_REQUESTED);

    /**
     * For a first SHIPPED of a tracked purchase order (a consumer's order's own, a claim's replacement, a return's
     * exchange, a group-buy batch's): the number of the other purchase order whose parcel has its carrier code and
     * tracking number, if one has. (A sample's parcel is not tracked.) A case's replacement or exchange was taken
     * with a timeline line only, its case going on as if its parcel had left (note s14).
     */
    private Optional<String> numberOfAnotherParcel(PurchaseOrder po, SupplierEvent event) {
        if (event.type() != SupplierEventType.SHIPPED || event.carrierCode() == null || event.trackingNumber() == null
                || !NOT_YET_SHIPPED.contains(po.getStatus()) || po.getApplicationId() != null) {
            return Optional.empty();
        }
        return tracking.parcelNumbered(event.carrierCode(), event.trackingNumber())
                .filter(parcel -> !po.getId().equals(parcel.purchaseOrderId()))
                .map(parcel -> parcel.purchaseOrderId() == null ? "?" : purchaseOrders.findById(parcel.purchaseOrderId())
                        .map(PurchaseOrder::getIdempotencyKey).orElse(String.valueOf(parcel.purchaseOrderId())));
    }

    /** SHIPPED again, with a tracking number, for a shipped purchase order of a consumer's order or case. */
    private static boolean shippedAgain(SupplierEvent event, SupplierEventOutcome outcome, PurchaseOrder po) {
        return event.type() == SupplierEventType.SHIPPED && outcome == SupplierEventOutcome.ALREADY_APPLIED
                && po.getStatus() == PurchaseOrderStatus.SHIPPED && po.getApplicationId() == null
                && event.carrierCode() != null && event.trackingNumber() != null;
    }

    /**
     * Whether the purchase order's parcel is followed under the event's carrier code and tracking number: by its
     * order, or by its group-buy batch (which has no order).
     */
    private boolean followsNumberOf(PurchaseOrder po, SupplierEvent event) {
        return tracking.follows(po.getId(), event.carrierCode(), event.trackingNumber());
    }

    private static boolean lineCancellation(SupplierEvent event) {
        return event.cancellationNumber() != null;
    }

    /** An answer about some lines of a batch's purchase order: it stays as it is, its batch takes the answer. */
    private static SupplierEventOutcome lineAnswer(PurchaseOrder po) {
        return po.getBatchId() == null ? SupplierEventOutcome.STALE : SupplierEventOutcome.APPLIED;
    }

    /**
     * Missing lines the purchase order does not have, or more pieces of a line than it ordered (in all, when a
     * supplier SKU comes twice): a 422 naming each, nothing applied and the event id not taken, so the supplier
     * corrects and sends it again. Taken, it would accept the purchase order whole (or short) on a guess.
     */
    private static void refuseLinesItDoesNotHave(String supplierCode, PurchaseOrder po, SupplierEvent event) {
        if (event.missingLines() == null || event.type() != SupplierEventType.ACCEPTED) {
            return;
        }
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        Map<String, Integer> missingSoFar = new HashMap<>();
        for (int i = 0; i < event.missingLines().size(); i++) {
            SupplierEvent.MissingLine m = event.missingLines().get(i);
            Optional<PurchaseOrderLine> line = lineOf(po, m.supplierSku());
            if (line.isEmpty()) {
                errors.add(new InvalidRequest.FieldError("missingLines[" + i + "].supplierSku",
                        "must be a supplier SKU of purchase order " + po.getIdempotencyKey() + ", was " + m.supplierSku()));
                continue;
            }
            int inAll = missingSoFar.merge(m.supplierSku(), m.quantity(), Integer::sum);
            if (inAll > line.get().getQuantity()) {
                errors.add(new InvalidRequest.FieldError("missingLines[" + i + "].quantity", "must be at most the "
                        + line.get().getQuantity() + " of " + m.supplierSku() + " ordered, was " + inAll
                        + (inAll == m.quantity() ? "" : " in all")));
            }
        }
        if (!errors.isEmpty()) {
            log.info("Supplier {} event {} ACCEPTED for {} names missing lines the purchase order does not have: refused,"
                    + " nothing changed: {}", supplierCode, event.eventId(), po.getIdempotencyKey(), errors);
            throw new SupplierEventRefusedException(supplierCode, event, errors);
        }
    }

    private static Optional<PurchaseOrderLine> lineOf(PurchaseOrder po, String supplierSku) {
        return po.getLines().stream().filter(l -> l.getSupplierSku().equals(supplierSku)).findFirst();
    }

    /** The supplier's missing lines in our SKUs (each a line of the purchase order, at most what it ordered). */
    private static List<PurchaseOrderEvent.Missing> missingLines(PurchaseOrder po, SupplierEvent event) {
        if (event.missingLines() == null || event.type() != SupplierEventType.ACCEPTED) {
            return List.of();
        }
        List<PurchaseOrderEvent.Missing> missing = new ArrayList<>();
        for (SupplierEvent.MissingLine m : event.missingLines()) {
            lineOf(po, m.supplierSku()).ifPresent(l -> missing.add(new PurchaseOrderEvent.Missing(l.getSku(),
                    Math.min(m.quantity(), l.getQuantity()))));
        }
        return missing;
    }

    /** Missing pieces as one text, the same for the same pieces however listed ({@link PurchaseOrder#missingText}). */
    private static String missingText(List<PurchaseOrderEvent.Missing> missing) {
        Map<String, Integer> bySku = new HashMap<>();
        missing.forEach(m -> bySku.merge(m.sku(), m.quantity(), Integer::sum));
        return PurchaseOrder.missingText(bySku);
    }

    private static boolean missingEverything(PurchaseOrder po, List<PurchaseOrderEvent.Missing> missing) {
        int ordered = po.getLines().stream().mapToInt(PurchaseOrderLine::getQuantity).sum();
        return missing.stream().mapToInt(PurchaseOrderEvent.Missing::quantity).sum() >= ordered;
    }

    @Override
    @CallsPartner
    public void sendClaim(Long purchaseOrderId, ClaimRequest claim) {
        PurchaseOrder po = read(purchaseOrderId);
        gateway.sendClaim(new SupplierGateway.ClaimRound(po.getSupplier().getCode(),
                claim.claimNumber() + "-R" + claim.round(), claim.claimNumber(), claim.round(), po.getIdempotencyKey(),
                po.getSupplierReference(), claim.claimType(), supplierLines(po, claim.skus(), claim.quantities()),
                claim.description(), claim.evidenceUrls(), claim.requestedRemedy(), claim.requestedAmount(),
                claim.currency()));
    }

    @Override
    @CallsPartner
    public PurchaseOrderView forwardReplacement(Long originalPurchaseOrderId, Long claimId, int attempt,
            Map<String, Integer> quantities, boolean supplierBears, SupplierGateway.Address shipTo, int shipByHours,
            Duration shipByTime) {
        PurchaseOrder original = read(originalPurchaseOrderId);
        String key = "DF-" + original.getOrderId() + "-CL" + claimId + "-RESHIP" + attempt;
        return placeOnce(key, () -> {
            List<PurchaseOrderLine> lines = original.getLines().stream()
                    .filter(l -> quantities.containsKey(l.getSku()))
                    .map(l -> new PurchaseOrderLine(l.getSku(), l.getSupplierSku(), quantities.get(l.getSku()),
                            supplierBears ? BigDecimal.ZERO : l.getSupplyPrice()))
                    .toList();
            PurchaseOrder replacement = new PurchaseOrder(original.getOrderId(), original.getSupplier(), key, lines,
                    supplierBears ? BigDecimal.ZERO : original.getShippingCost(), original.getCurrency(), clock.instant());
            replacement.orderedForClaim(claimId);
            return replacement;
        }, shipTo, shipByHours, shipByTime);
    }

    @Override
    @CallsPartner
    public PurchaseOrderView forwardExchange(Long originalPurchaseOrderId, Long returnId, String exchangeSku, int quantity,
            SupplierGateway.Address shipTo, int shipByHours, Duration shipByTime) {
        PurchaseOrder original = read(originalPurchaseOrderId);
        String key = "DF-" + original.getOrderId() + "-RT" + returnId + "-EXCHANGE";
        return placeOnce(key, () -> {
            SupplierOffer offer = offers.findBySupplierIdAndSku(original.getSupplier().getId(), exchangeSku)
                    .orElseThrow(() -> new SupplierRefusedException("NOT_OFFERED", original.getSupplier().getCode()
                            + " does not offer " + exchangeSku));
            PurchaseOrder exchange = new PurchaseOrder(original.getOrderId(), original.getSupplier(), key,
                    List.of(new PurchaseOrderLine(exchangeSku, offer.getSupplierSku(), quantity, offer.getSupplyPrice())),
                    offer.getShippingCost(), offer.getCurrency(), clock.instant());
            exchange.orderedForReturn(returnId);
            return exchange;
        }, shipTo, shipByHours, shipByTime);
    }

    /**
     * Stores the purchase order under its key (once) and committed, then places it with the
     * supplier unless an earlier attempt got through. A refusal in the supplier's answer is as final
     * as a REJECTED event: the purchase order is left DECLINED and the refusal rethrown. An applicant's
     * sample is placed the same way ({@link SupplierLifecycleService#forwardSample}).
     */
    PurchaseOrderView placeOnce(String key, java.util.function.Supplier<PurchaseOrder> create, SupplierGateway.Address shipTo,
            int shipByHours, Duration shipByTime) {
        PurchaseOrder po = ownTransaction.execute(tx -> purchaseOrders.findByIdempotencyKey(key)
                .orElseGet(() -> purchaseOrders.save(create.get())));
        if (po.getStatus() != PurchaseOrderStatus.FORWARDING) {
            return answeredEarlier(po, shipByHours, shipByTime);
        }
        String reference;
        try {
            reference = gateway.placePurchaseOrder(new PlacePurchaseOrder(po.getSupplier().getCode(), key, key,
                    po.getLines().stream().map(l -> new SupplierGateway.Line(l.getSupplierSku(), l.getQuantity())).toList(),
                    shipTo, seller));
        } catch (SupplierRefusedException refused) {
            ownTransaction.executeWithoutResult(tx -> lock(po.getId()).decline(refused.reasonCode(), clock.instant()));
            throw refused;
        }
        return forwarded(po.getId(), reference, shipByHours, shipByTime);
    }

    /**
     * An earlier attempt got through and the supplier has answered since. When that attempt died
     * before it recorded its own outcome (a crash between the supplier's answer to our call and our
     * commit, the supplier's webhook arriving in between), the forwarding is recorded now, without
     * calling the supplier again; a purchase order it declined is the refusal it would have been.
     */
    private PurchaseOrderView answeredEarlier(PurchaseOrder po, int shipByHours, Duration shipByTime) {
        if (po.getForwardedAt() != null) {
            return po.view();
        }
        if (po.getStatus() == PurchaseOrderStatus.DECLINED) {
            throw new SupplierRefusedException(po.getReasonCode() == null ? "REJECTED" : po.getReasonCode(),
                    "supplier " + po.getSupplier().getCode() + " declined " + po.getIdempotencyKey());
        }
        log.info("Purchase order {} was answered ({}) before its forwarding was recorded: recording it now",
                po.getIdempotencyKey(), po.getStatus());
        return forwarded(po.getId(), null, shipByHours, shipByTime);
    }

    /**
     * In the caller's transaction when there is one (a job's): should it roll back after the supplier
     * took the purchase order, the retry finds the row still forwarding and asks again with the same
     * key, which the supplier answers as before; or finds the supplier's event applied meanwhile and
     * records the forwarding without asking ({@link #answeredEarlier}).
     */
    private PurchaseOrderView forwarded(Long purchaseOrderId, String reference, int shipByHours, Duration shipByTime) {
        return callersTransaction.execute(tx -> {
            PurchaseOrder locked = lock(purchaseOrderId);
            locked.markForwarded(reference, shipByHours, shipByTime, clock.instant());
            return locked.view();
        });
    }

    @Override
    @CallsPartner
    public void requestReturn(Long purchaseOrderId, ReturnRequest request) {
        PurchaseOrder po = read(purchaseOrderId);
        gateway.requestReturn(new SupplierGateway.ReturnRound(po.getSupplier().getCode(),
                request.returnNumber() + "-R" + request.round(), request.returnNumber(), request.round(),
                po.getIdempotencyKey(), po.getSupplierReference(), request.reason(), request.wish(),
                supplierLines(po, request.skus(), request.quantities()), request.note()));
    }

    /** Our SKUs as the supplier knows them. */
    private static List<SupplierGateway.Line> supplierLines(PurchaseOrder po, List<String> skus, List<Integer> quantities) {
        List<SupplierGateway.Line> lines = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            String supplierSku = po.getLines().stream().filter(l -> l.getSku().equals(sku))
                    .map(PurchaseOrderLine::getSupplierSku).findFirst().orElse(sku);
            lines.add(new SupplierGateway.Line(supplierSku, quantities.get(i)));
        }
        return lines;
    }

    @Override
    @Transactional
    public void recordUpheldClaim(Long purchaseOrderId) {
        lock(purchaseOrderId).claimUpheld(clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PurchaseOrderView> latestPurchaseOrderOf(Long orderId) {
        return purchaseOrdersOf(orderId).stream().filter(PurchaseOrderView::isOriginal)
                .reduce((first, second) -> second)
                .filter(po -> po.status() != PurchaseOrderStatus.DECLINED);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PurchaseOrderView> purchaseOrderNumbered(String purchaseOrderNumber) {
        return purchaseOrders.findByIdempotencyKey(purchaseOrderNumber).map(PurchaseOrder::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PurchaseOrderView> purchaseOrderWithReference(String supplierCode, String supplierReference) {
        return purchaseOrders.findFirstBySupplierCodeAndSupplierReference(supplierCode, supplierReference)
                .map(PurchaseOrder::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PurchaseOrderView> purchaseOrdersOf(Long orderId) {
        return purchaseOrders.findByOrderIdOrderById(orderId).stream().map(PurchaseOrder::view).toList();
    }

    private Supplier supplier(Long supplierId) {
        return suppliers.findById(supplierId).orElseThrow(() -> NotFound.of("supplier", supplierId));
    }

    private PurchaseOrder find(Long purchaseOrderId) {
        return purchaseOrders.findById(purchaseOrderId).orElseThrow(() -> NotFound.of("purchase order", purchaseOrderId));
    }

    /** Read in a transaction of its own, committed before the supplier is called. */
    private PurchaseOrder read(Long purchaseOrderId) {
        return ownTransaction.execute(tx -> find(purchaseOrderId));
    }

    private PurchaseOrder lock(Long purchaseOrderId) {
        return purchaseOrders.lockById(purchaseOrderId).orElseThrow(() -> NotFound.of("purchase order", purchaseOrderId));
    }
}
