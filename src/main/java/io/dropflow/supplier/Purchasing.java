package io.dropflow.supplier;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.PurchaseOrder.Transition;
import io.dropflow.supplier.SupplierGateway.PlacePurchaseOrder;
import io.dropflow.supplier.SupplierGateway.RequestCancellation;
import java.math.BigDecimal;
import java.util.List;
import io.dropflow.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The supplier feature's use cases: place and cancel purchase orders, take in supplier events. */
@Service
public class Purchasing {

    private static final Logger log = LoggerFactory.getLogger(Purchasing.class);

    private final PurchaseOrders purchaseOrders;
    private final Suppliers suppliers;
    private final SupplierGateway gateway;
    private final SupplierOffers offers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;

    Purchasing(PurchaseOrders purchaseOrders, Suppliers suppliers, SupplierGateway gateway, SupplierOffers offers,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.offers = offers;
        this.purchaseOrders = purchaseOrders;
        this.suppliers = suppliers;
        this.gateway = gateway;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @param shipByHours SLA hours the shipping-SLA decision gave this purchase order
     * @param shipByTime how long those hours last (shorter in the demo)
     */
    public record ForwardCommand(Long orderId, int attempt, Long supplierId, List<PurchaseOrderLine> lines,
            BigDecimal shippingCost, String currency, SupplierGateway.Address shipTo, SupplierGateway.Sender sender,
            int shipByHours, java.time.Duration shipByTime) {
    }

    /**
     * Places the purchase order for this order and attempt. Safe to repeat: the purchase order row
     * and the key sent to the supplier are the same every time.
     *
     * <p>The row is committed before the supplier is called, so a supplier that answers at once
     * (before the caller's transaction commits) finds the purchase order its answer is about.
     */
    @CallsPartner
    public PurchaseOrder forward(ForwardCommand command) {
        String key = purchaseOrderNumber(command.orderId(), command.attempt());
        PurchaseOrder po = ownTransaction.execute(tx -> purchaseOrders.findByIdempotencyKey(key).orElseGet(() -> {
            Supplier supplier = suppliers.findById(command.supplierId()).orElseThrow();
            return purchaseOrders.save(new PurchaseOrder(command.orderId(), supplier, key, command.lines(),
                    command.shippingCost(), command.currency()));
        }));
        if (po.getStatus() != PurchaseOrderStatus.FORWARDING) {
            return answeredEarlier(po, command.shipByHours(), command.shipByTime());
        }
        List<SupplierGateway.Line> lines = po.getLines().stream()
                .map(l -> new SupplierGateway.Line(l.getSupplierSku(), l.getQuantity()))
                .toList();
        String reference;
        try {
            reference = gateway.placePurchaseOrder(new PlacePurchaseOrder(po.getSupplier().getCode(), key, key,
                    lines, command.shipTo(), command.sender()));
        } catch (SupplierRefusedException refused) {
            // A refusal in the answer to our call is as final as a REJECTED event: record it on the row.
            ownTransaction.executeWithoutResult(tx -> purchaseOrders.lockById(po.getId()).orElseThrow()
                    .decline(refused.reasonCode()));
            throw refused;
        }
        return ownTransaction.execute(tx -> {
            PurchaseOrder locked = purchaseOrders.lockById(po.getId()).orElseThrow();
            locked.markForwarded(reference, command.shipByHours(), command.shipByTime());
            return locked;
        });
    }

    /**
     * Asks the supplier to cancel. The request is recorded (and committed) before the supplier is
     * called, so an immediate answer finds it; repeating the call repeats the same idempotent request.
     * A purchase order that shipped or was cancelled meanwhile is not asked about again: the
     * supplier's event saying so is waiting in the inbox (it came while the order's process was busy,
     * or while a node that had asked died before committing), and the process's wait for the answer
     * takes it.
     * @return false when there is nothing to cancel and no answer to wait for (the supplier declined)
     */
    @CallsPartner
    public boolean requestCancellation(Long purchaseOrderId) {
        PurchaseOrder po = ownTransaction.execute(tx -> {
            PurchaseOrder locked = purchaseOrders.lockById(purchaseOrderId).orElseThrow();
            locked.requestCancellation();
            return locked;
        });
        switch (po.getStatus()) {
            case CANCELLATION_REQUESTED -> {
                gateway.requestCancellation(new RequestCancellation(po.getSupplier().getCode(),
                        po.getIdempotencyKey() + "-cancel", po.getIdempotencyKey(), po.getSupplierReference()));
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

    /**
     * Reminds the supplier of the ship-by deadline. The key names the deadline, so a retry sends the
     * same reminder and an extended deadline gets a reminder of its own.
     * @return the reminded purchase order; empty when there is nothing to remind of (shipped, declined
     *     or cancelled meanwhile)
     */
    @CallsPartner
    public java.util.Optional<PurchaseOrder> remindOfShipBy(Long purchaseOrderId) {
        PurchaseOrder po = ownTransaction.execute(tx -> purchaseOrders.findById(purchaseOrderId).orElseThrow());
        if (!po.isOpen() || po.getShipByAt() == null) {
            return java.util.Optional.empty();
        }
        gateway.remindOfShipBy(new SupplierGateway.ShipByReminder(po.getSupplier().getCode(),
                po.getIdempotencyKey() + "-reminder-" + po.getShipByAt().getEpochSecond(), po.getIdempotencyKey(),
                po.getSupplierReference(), po.getShipByAt()));
        return java.util.Optional.of(ownTransaction.execute(tx -> {
            PurchaseOrder locked = purchaseOrders.lockById(purchaseOrderId).orElseThrow();
            locked.reminded();
            return locked;
        }));
    }

    /** Asks the supplier of the purchase order to chase its carrier about the parcel. */
    @CallsPartner
    public void requestInvestigation(Long purchaseOrderId, String carrierCode, String trackingNumber, String idempotencyKey) {
        PurchaseOrder po = ownTransaction.execute(tx -> purchaseOrders.findById(purchaseOrderId).orElseThrow());
        gateway.requestInvestigation(new SupplierGateway.InvestigationRequest(po.getSupplier().getCode(), idempotencyKey,
                po.getIdempotencyKey(), po.getSupplierReference(), carrierCode, trackingNumber));
    }

    /** An operator gave the supplier until {@code newShipBy}. */
    @Transactional
    public PurchaseOrder extendShipBy(Long purchaseOrderId, java.time.Instant newShipBy) {
        PurchaseOrder po = purchaseOrders.lockById(purchaseOrderId).orElseThrow();
        po.extendShipBy(newShipBy);
        return po;
    }

    public PurchaseOrder purchaseOrder(Long purchaseOrderId) {
        return purchaseOrders.findById(purchaseOrderId).orElseThrow();
    }

    /**
     * Applies a supplier's event to its purchase order and publishes it for the order's process.
     * Redelivered and out-of-date events change nothing.
     */
    @Transactional
    public Transition receive(String supplierCode, SupplierEvent event) {
        PurchaseOrder po = purchaseOrders.lockByIdempotencyKey(event.purchaseOrderNumber())
                .filter(p -> p.getSupplier().getCode().equals(supplierCode))
                .orElseThrow(() -> NotFound.of("purchase order", event.purchaseOrderNumber(), "supplier " + supplierCode
                        + " has no purchase order " + event.purchaseOrderNumber()));
        Transition t = switch (event.type()) {
            case ACCEPTED -> po.accept();
            case REJECTED -> po.decline(event.reasonCode() == null ? "REJECTED" : event.reasonCode());
            case OUT_OF_STOCK -> po.decline("OUT_OF_STOCK");
            case SHIPPED -> po.ship();
            case CANCELLATION_ACCEPTED -> po.cancel();
            case CANCELLATION_REFUSED -> po.refuseCancellation(event.reasonCode());
        };
        if (event.supplierReference() != null && po.getSupplierReference() == null) {
            po.recordSupplierReference(event.supplierReference());
        }
        if (t == Transition.APPLIED) {
            events.publishEvent(new PurchaseOrderEvent(supplierCode + ":" + event.eventId(), po.getOrderId(),
                    po.getId(), event.type(), po.getReasonCode(), event.carrierCode(), event.trackingNumber(),
                    po.getClaimId(), po.getReturnId()));
        } else {
            log.info("Supplier {} event {} {} for {} changed nothing ({}; purchase order is {})", supplierCode,
                    event.eventId(), event.type(), event.purchaseOrderNumber(), t, po.getStatus());
        }
        return t;
    }

    /** What a defect claim asks the supplier of one purchase order. */
    public record ClaimRequest(String claimNumber, int round, String claimType, List<String> skus, List<Integer> quantities,
            String description, List<String> evidenceUrls, String requestedRemedy, BigDecimal requestedAmount,
            String currency) {
    }

    /**
     * Sends one round of a defect claim to the supplier of the purchase order that shipped the goods.
     * The key names claim and round: a retry repeats the same round, the next round is a new message.
     */
    @CallsPartner
    public void sendClaim(Long purchaseOrderId, ClaimRequest claim) {
        PurchaseOrder po = ownTransaction.execute(tx -> purchaseOrders.findById(purchaseOrderId).orElseThrow());
        List<SupplierGateway.Line> lines = supplierLines(po, claim.skus(), claim.quantities());
        gateway.sendClaim(new SupplierGateway.ClaimRound(po.getSupplier().getCode(),
                claim.claimNumber() + "-R" + claim.round(), claim.claimNumber(), claim.round(), po.getIdempotencyKey(),
                po.getSupplierReference(), claim.claimType(), lines, claim.description(), claim.evidenceUrls(),
                claim.requestedRemedy(), claim.requestedAmount(), claim.currency()));
    }

    /**
     * Places a replacement for claimed lines with the supplier of the original purchase order. One
     * per claim and attempt: the purchase order number is derived from both, so a retry never ships
     * twice. A refusal in the supplier's answer leaves the replacement DECLINED and is rethrown. When the supplier bears the cost it replaces at its own
     * expense and the purchase order is worth nothing to us.
     */
    @CallsPartner
    public PurchaseOrder forwardReplacement(Long originalPurchaseOrderId, Long claimId, int attempt,
            java.util.Map<String, Integer> quantities,
            boolean supplierBears, SupplierGateway.Address shipTo, SupplierGateway.Sender sender, int shipByHours,
            java.time.Duration shipByTime) {
        PurchaseOrder original = ownTransaction.execute(tx -> purchaseOrders.findById(originalPurchaseOrderId).orElseThrow());
        String key = "DF-" + original.getOrderId() + "-CL" + claimId + "-RESHIP" + attempt;
        return placeOnce(key, () -> {
            List<PurchaseOrderLine> lines = original.getLines().stream()
                    .filter(l -> quantities.containsKey(l.getSku()))
                    .map(l -> new PurchaseOrderLine(l.getSku(), l.getSupplierSku(), quantities.get(l.getSku()),
                            supplierBears ? BigDecimal.ZERO : l.getSupplyPrice()))
                    .toList();
            PurchaseOrder replacement = new PurchaseOrder(original.getOrderId(), original.getSupplier(), key, lines,
                    supplierBears ? BigDecimal.ZERO : original.getShippingCost(), original.getCurrency());
            replacement.orderedForClaim(claimId);
            return replacement;
        }, shipTo, sender, shipByHours, shipByTime);
    }

    /**
     * Places the exchange a return agreed on: {@code quantity} of {@code exchangeSku} (another
     * variant) from the supplier of the original purchase order, at its offer's price. One per
     * return: the number is derived from it, so a retry never ships twice.
     */
    @CallsPartner
    public PurchaseOrder forwardExchange(Long originalPurchaseOrderId, Long returnId, String exchangeSku, int quantity,
            SupplierGateway.Address shipTo, SupplierGateway.Sender sender, int shipByHours, java.time.Duration shipByTime) {
        PurchaseOrder original = ownTransaction.execute(tx -> purchaseOrders.findById(originalPurchaseOrderId).orElseThrow());
        String key = "DF-" + original.getOrderId() + "-RT" + returnId + "-EXCHANGE";
        return placeOnce(key, () -> {
            SupplierOffer offer = offers.findBySupplierId(original.getSupplier().getId()).stream()
                    .filter(o -> o.getSku().equals(exchangeSku)).findFirst()
                    .orElseThrow(() -> new SupplierRefusedException("NOT_OFFERED", original.getSupplier().getCode()
                            + " does not offer " + exchangeSku));
            PurchaseOrder exchange = new PurchaseOrder(original.getOrderId(), original.getSupplier(), key,
                    List.of(new PurchaseOrderLine(exchangeSku, offer.getSupplierSku(), quantity, offer.getSupplyPrice())),
                    offer.getShippingCost(), original.getCurrency());
            exchange.orderedForReturn(returnId);
            return exchange;
        }, shipTo, sender, shipByHours, shipByTime);
    }

    /**
     * Stores the purchase order under its key (once) and committed, then places it with the
     * supplier unless an earlier attempt got through. A refusal in the supplier's answer leaves it
     * DECLINED and is rethrown.
     */
    private PurchaseOrder placeOnce(String key, java.util.function.Supplier<PurchaseOrder> create,
            SupplierGateway.Address shipTo, SupplierGateway.Sender sender, int shipByHours, java.time.Duration shipByTime) {
        PurchaseOrder po = ownTransaction.execute(tx -> purchaseOrders.findByIdempotencyKey(key)
                .orElseGet(() -> purchaseOrders.save(create.get())));
        if (po.getStatus() != PurchaseOrderStatus.FORWARDING) {
            return answeredEarlier(po, shipByHours, shipByTime);
        }
        String reference;
        try {
            reference = gateway.placePurchaseOrder(new PlacePurchaseOrder(po.getSupplier().getCode(), key, key,
                    po.getLines().stream().map(l -> new SupplierGateway.Line(l.getSupplierSku(), l.getQuantity())).toList(),
                    shipTo, sender));
        } catch (SupplierRefusedException refused) {
            ownTransaction.executeWithoutResult(tx -> purchaseOrders.lockById(po.getId()).orElseThrow()
                    .decline(refused.reasonCode()));
            throw refused;
        }
        return ownTransaction.execute(tx -> {
            PurchaseOrder locked = purchaseOrders.lockById(po.getId()).orElseThrow();
            locked.markForwarded(reference, shipByHours, shipByTime);
            return locked;
        });
    }

    /**
     * An earlier attempt got through and the supplier has answered since. When that attempt died
     * before it recorded its own outcome (a crash between the supplier's answer to our call and our
     * commit, the supplier's webhook arriving in between), the forwarding is recorded now, without
     * calling the supplier again; a purchase order it declined is the refusal it would have been.
     */
    private PurchaseOrder answeredEarlier(PurchaseOrder po, int shipByHours, java.time.Duration shipByTime) {
        if (po.getForwardedAt() != null) {
            return po;
        }
        if (po.getStatus() == PurchaseOrderStatus.DECLINED) {
            throw new SupplierRefusedException(po.getReasonCode() == null ? "REJECTED" : po.getReasonCode(),
                    "supplier " + po.getSupplier().getCode() + " declined " + po.getIdempotencyKey());
        }
        log.info("Purchase order {} was answered ({}) before its forwarding was recorded: recording it now",
                po.getIdempotencyKey(), po.getStatus());
        return ownTransaction.execute(tx -> {
            PurchaseOrder locked = purchaseOrders.lockById(po.getId()).orElseThrow();
            locked.markForwarded(null, shipByHours, shipByTime);
            return locked;
        });
    }

    /** What a return asks of the supplier of one purchase order. */
    public record ReturnRequest(String returnNumber, int round, String reason, String wish, List<String> skus,
            List<Integer> quantities, String note) {
    }

    /** Asks the supplier to take goods back (one round); the key names the return and the round. */
    @CallsPartner
    public void requestReturn(Long purchaseOrderId, ReturnRequest request) {
        PurchaseOrder po = ownTransaction.execute(tx -> purchaseOrders.findById(purchaseOrderId).orElseThrow());
        gateway.requestReturn(new SupplierGateway.ReturnRound(po.getSupplier().getCode(),
                request.returnNumber() + "-R" + request.round(), request.returnNumber(), request.round(),
                po.getIdempotencyKey(), po.getSupplierReference(), request.reason(), request.wish(),
                supplierLines(po, request.skus(), request.quantities()), request.note()));
    }

    /** Our SKUs as the supplier knows them. */
    private static List<SupplierGateway.Line> supplierLines(PurchaseOrder po, List<String> skus, List<Integer> quantities) {
        List<SupplierGateway.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            String supplierSku = po.getLines().stream().filter(l -> l.getSku().equals(sku))
                    .map(PurchaseOrderLine::getSupplierSku).findFirst().orElse(sku);
            lines.add(new SupplierGateway.Line(supplierSku, quantities.get(i)));
        }
        return lines;
    }

    /** A defect claim against this purchase order was upheld: it counts in the supplier's claim rate. */
    @Transactional
    public void recordUpheldClaim(Long purchaseOrderId) {
        purchaseOrders.lockById(purchaseOrderId).orElseThrow().claimUpheld();
    }

    /**
     * The order's latest own purchase order unless the supplier declined it: the one a consumer's
     * cancellation is about, also when the job that placed it died before the process learnt of it.
     */
    public java.util.Optional<PurchaseOrder> latestPurchaseOrderOf(Long orderId) {
        return purchaseOrders.findByOrderIdOrderById(orderId).stream().filter(PurchaseOrder::isOriginal)
                .reduce((first, second) -> second)
                .filter(po -> po.getStatus() != PurchaseOrderStatus.DECLINED);
    }

    /** The purchase order with our number (the number and key we sent the supplier). */
    public java.util.Optional<PurchaseOrder> purchaseOrderNumbered(String purchaseOrderNumber) {
        return purchaseOrders.findByIdempotencyKey(purchaseOrderNumber);
    }

    /** The purchase order a supplier knows by its own reference. */
    public java.util.Optional<PurchaseOrder> purchaseOrderWithReference(String supplierCode, String supplierReference) {
        return purchaseOrders.findFirstBySupplierCodeAndSupplierReference(supplierCode, supplierReference);
    }

    public List<PurchaseOrder> purchaseOrdersOf(Long orderId) {
        return purchaseOrders.findByOrderIdOrderById(orderId);
    }

    public static String purchaseOrderNumber(Long orderId, int attempt) {
        return "DF-" + orderId + "-PO" + attempt;
    }
}
