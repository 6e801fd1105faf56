package io.dropflow.supplier;

import java.util.List;

/**
 * The port to a supplier's system. Every call carries an idempotency key: a supplier that sees the
 * same key twice answers as it did the first time and does not act twice. Implementations throw
 * {@link SupplierUnavailableException} for failures worth retrying (the engine's retry cycle does
 * the retrying) and {@link SupplierRefusedException} for answers that will never change.
 */
public interface SupplierGateway {

    /** @return the supplier's own reference for the purchase order */
    String placePurchaseOrder(PlacePurchaseOrder command);

    void requestCancellation(RequestCancellation command);

    /**
     * Asks the supplier to take some lines off a purchase order (a group-buy consumer cancelled after
     * the cutoff); it answers with a CANCELLATION_ACCEPTED or CANCELLATION_REFUSED event carrying the
     * cancellation number. A supplier that cannot do this refuses at once, which is the default.
     */
    default void requestLineCancellation(LineCancellation command) {
        throw new SupplierRefusedException("LINE_CANCELLATION_UNSUPPORTED", "supplier " + command.supplierCode()
                + " cannot take single lines off purchase order " + command.purchaseOrderNumber());
    }

    record LineCancellation(String supplierCode, String idempotencyKey, String purchaseOrderNumber,
            String supplierReference, String cancellationNumber, List<Line> lines) {
    }

    /** Asks the supplier to chase its carrier about a parcel that stalled or got lost. */
    void requestInvestigation(InvestigationRequest request);

    /** Reminds the supplier that the purchase order must ship by the deadline. */
    void remindOfShipBy(ShipByReminder reminder);

    /**
     * Sends one round of a defect claim: what is wrong, the evidence, and the remedy we ask for. The
     * supplier answers later through the claim-answer webhook; the key names the claim and round.
     */
    void sendClaim(ClaimRound claim);

    record ClaimRound(String supplierCode, String idempotencyKey, String claimNumber, int round,
            String purchaseOrderNumber, String supplierReference, String claimType, List<Line> lines,
            String description, List<String> evidenceUrls, String requestedRemedy, java.math.BigDecimal requestedAmount,
            String currency) {
    }

    /**
     * Asks the supplier to take goods back from the consumer (one negotiation round). The supplier
     * answers through the return-answer webhook, and reports its inspection of the returned parcel
     * through the return-inspection webhook. The key names the return and the round.
     */
    void requestReturn(ReturnRound request);

    record ReturnRound(String supplierCode, String idempotencyKey, String returnNumber, int round,
            String purchaseOrderNumber, String supplierReference, String reason, String wish, List<Line> lines,
            String note) {
    }

    /** Blind shipping: the parcel's sender is the seller, never the supplier. */
    record PlacePurchaseOrder(String supplierCode, String idempotencyKey, String purchaseOrderNumber,
            List<Line> lines, Address shipTo, Sender sender) {
    }

    record Line(String supplierSku, int quantity) {
    }

    record Address(String name, String line1, String line2, String postalCode, String city, String region,
            String country, String phone) {
    }

    record Sender(String name, String returnAddress) {
    }

    record InvestigationRequest(String supplierCode, String idempotencyKey, String purchaseOrderNumber,
            String supplierReference, String carrierCode, String trackingNumber) {
    }

    record ShipByReminder(String supplierCode, String idempotencyKey, String purchaseOrderNumber,
            String supplierReference, java.time.Instant shipBy) {
    }

    record RequestCancellation(String supplierCode, String idempotencyKey, String purchaseOrderNumber,
            String supplierReference) {
    }
}
