package io.dropflow.supplier;

import io.dropflow.processengine.CallsPartner;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supplier feature's use cases: place, cancel and chase purchase orders, take in what
 * suppliers report, and carry claim and return rounds to them. Every call to a supplier carries an
 * idempotency key derived from the order and the step, so a retry never orders twice. Blind
 * shipping: the sender on every label is the seller.
 */
public interface Purchasing {

    /**
     * @param lines what to order, at the chosen supplier's offer
     * @param shipByHours SLA hours the shipping-SLA decision gave this purchase order
     * @param shipByTime how long those hours last (shorter in the demo)
     */
    record ForwardCommand(Long orderId, int attempt, Long supplierId, List<Line> lines, BigDecimal shippingCost,
            String currency, SupplierGateway.Address shipTo, int shipByHours, Duration shipByTime) {
    }

    /** One line to order: our SKU, the supplier's, how many, at what supply price. */
    record Line(String sku, String supplierSku, int quantity, BigDecimal supplyPrice) {
    }

    /**
     * Places the purchase order for this order and attempt. Safe to repeat: the purchase order and
     * the key sent to the supplier are the same every time.
     * @throws SupplierRefusedException when the supplier refuses in its answer
     */
    @CallsPartner
    PurchaseOrderView forward(ForwardCommand command);

    /**
     * Asks the supplier to cancel; the answer comes as a supplier event.
     * @return false when there is nothing to cancel and no answer to wait for (the supplier declined)
     */
    @CallsPartner
    boolean requestCancellation(Long purchaseOrderId);

    /** Reason of a cancellation that stands because the supplier neither confirmed it nor shipped in time. */
    String NO_ANSWER = "NO_ANSWER";
    /** Reason of a cancellation that stands because the buyer gave up on the late supplier (a group-buy batch). */
    String GIVEN_UP = "GIVEN_UP";
    /**
     * Reason of a cancellation that stands because nothing is left on the purchase order: the consumers
     * cancelled every line of a group-buy batch's, and the supplier took them off.
     */
    String EMPTIED = "EMPTIED";

    /**
     * The cancellation stands without the supplier's confirmation ({@link #NO_ANSWER}, {@link #GIVEN_UP}
     * or {@link #EMPTIED}): an open purchase order counts as cancelled with that reason, so that goods the
     * supplier ships after all reach an operator. No call to the supplier. A purchase order that shipped,
     * declined or was cancelled meanwhile stays as it is: the caller reads its status.
     */
    PurchaseOrderView cancelWithoutAnswer(Long purchaseOrderId, String reasonCode);

    /**
     * Reminds the supplier of the ship-by deadline, once per deadline.
     * @return the reminded purchase order; empty when there is nothing to remind of
     */
    @CallsPartner
    Optional<PurchaseOrderView> remindOfShipBy(Long purchaseOrderId);

    /** Asks the supplier of the purchase order to chase its carrier about the parcel. */
    @CallsPartner
    void requestInvestigation(Long purchaseOrderId, String carrierCode, String trackingNumber, String idempotencyKey);

    /** An operator gave the supplier until {@code newShipBy}. */
    PurchaseOrderView extendShipBy(Long purchaseOrderId, Instant newShipBy);

    /** @throws io.dropflow.web.NotFound for an unknown purchase order */
    PurchaseOrderView purchaseOrder(Long purchaseOrderId);

    /**
     * Applies a supplier's event to its purchase order and publishes it as a
     * {@link PurchaseOrderEvent}. Redelivered and out-of-date events change nothing.
     */
    SupplierEventOutcome receive(String supplierCode, SupplierEvent event);

    /** What a defect claim asks the supplier of one purchase order. */
    record ClaimRequest(String claimNumber, int round, String claimType, List<String> skus, List<Integer> quantities,
            String description, List<String> evidenceUrls, String requestedRemedy, BigDecimal requestedAmount,
            String currency) {
    }

    /** Sends one round of a defect claim; the key names claim and round. */
    @CallsPartner
    void sendClaim(Long purchaseOrderId, ClaimRequest claim);

    /**
     * Places a replacement for claimed lines with the supplier of the original purchase order, once
     * per claim and attempt. When the supplier bears the cost it replaces at its own expense.
     * @throws SupplierRefusedException when the supplier refuses in its answer
     */
    @CallsPartner
    PurchaseOrderView forwardReplacement(Long originalPurchaseOrderId, Long claimId, int attempt,
            Map<String, Integer> quantities, boolean supplierBears, SupplierGateway.Address shipTo, int shipByHours,
            Duration shipByTime);

    /**
     * Places the exchange a return agreed on, once per return: {@code quantity} of
     * {@code exchangeSku} from the supplier of the original purchase order, at its offer's price.
     */
    @CallsPartner
    PurchaseOrderView forwardExchange(Long originalPurchaseOrderId, Long returnId, String exchangeSku, int quantity,
            SupplierGateway.Address shipTo, int shipByHours, Duration shipByTime);

    /** What a return asks of the supplier of one purchase order. */
    record ReturnRequest(String returnNumber, int round, String reason, String wish, List<String> skus,
            List<Integer> quantities, String note) {
    }

    /** Asks the supplier to take goods back (one round); the key names the return and the round. */
    @CallsPartner
    void requestReturn(Long purchaseOrderId, ReturnRequest request);

    /** A defect claim against this purchase order was upheld: it counts in the supplier's claim rate. */
    void recordUpheldClaim(Long purchaseOrderId);

    /**
     * The order's latest own purchase order unless the supplier declined it: the one a consumer's
     * cancellation is about, also when the job that placed it died before the process learnt of it.
     */
    Optional<PurchaseOrderView> latestPurchaseOrderOf(Long orderId);

    /** The purchase order with our number (the number and key we sent the supplier). */
    Optional<PurchaseOrderView> purchaseOrderNumbered(String purchaseOrderNumber);

    /** The purchase order a supplier knows by its own reference. */
    Optional<PurchaseOrderView> purchaseOrderWithReference(String supplierCode, String supplierReference);

    List<PurchaseOrderView> purchaseOrdersOf(Long orderId);

    /**
     * A group-buy batch's purchase order: all lines of one supplier, shipped to the pickup point.
     *
     * @param purchaseNo numbers the batch's purchase orders (backups after a split get the next numbers)
     */
    record BatchForwardCommand(Long batchId, int purchaseNo, Long supplierId, List<Line> lines, BigDecimal shippingCost,
            String currency, SupplierGateway.Address shipTo, int shipByHours, Duration shipByTime) {
    }

    /**
     * Places a batch's purchase order; its number {@link #batchPurchaseOrderNumber} is the key, so a
     * retry never orders twice.
     * @throws SupplierRefusedException when the supplier refuses in its answer
     */
    @CallsPartner
    PurchaseOrderView forwardBatch(BatchForwardCommand command);

    /**
     * Asks the supplier of a batch's purchase order to take some lines off it (a consumer cancelled
     * after the cutoff); the answer comes as a supplier event with the same {@code cancellationNumber}.
     *
     * @param quantities pieces per SKU of ours to take off
     * @return false when the supplier refused at once (it cannot take single lines off): no answer will come
     */
    @CallsPartner
    boolean requestLineCancellation(Long purchaseOrderId, String cancellationNumber, Map<String, Integer> quantities);

    /** Our number for a group-buy batch's purchase order: DF-B{batch}-PO{purchaseNo}. */
    static String batchPurchaseOrderNumber(Long batchId, int purchaseNo) {
        return "DF-B" + batchId + "-PO" + purchaseNo;
    }

    /** Our number for an order's purchase order: DF-{order}-PO{attempt}. */
    static String purchaseOrderNumber(Long orderId, int attempt) {
        return "DF-" + orderId + "-PO" + attempt;
    }
}
