package io.dropflow.claim.internal;

import io.dropflow.aftersales.CaseBookings;
import io.dropflow.aftersales.CaseConclusion;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.ConsumerMessages;
import io.dropflow.aftersales.Party;
import io.dropflow.aftersales.ReplacementOrders;
import io.dropflow.claim.ChargebackBasis;
import io.dropflow.claim.CostBearer;
import io.dropflow.claim.Remedy;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.aftersales.CaseLine;
import java.time.Clock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Carrying out the agreed remedy: the replacement or the consumer's money, the claim's bookings on
 * its order (and the supplier's claim record), and telling the consumer how the claim ended.
 */
@Service
public class ClaimRemedies implements CaseConclusion {

    private static final Logger log = LoggerFactory.getLogger(ClaimRemedies.class);

    private final Claims claims;
    private final ReplacementOrders replacements;
    private final ConsumerMessages consumer;
    private final CaseBookings bookings;
    private final Purchasing purchasing;
    private final CaseHistory history;
    private final ClaimSettings settings;
    private final Clock clock;

    ClaimRemedies(Claims claims, ReplacementOrders replacements, ConsumerMessages consumer, CaseBookings bookings,
            Purchasing purchasing, CaseHistory history, ClaimSettings settings, Clock clock) {
        this.claims = claims;
        this.replacements = replacements;
        this.consumer = consumer;
        this.bookings = bookings;
        this.purchasing = purchasing;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Orders a replacement of the claimed lines (attempt {@code attempt}: its purchase order number
     * names claim and attempt); a supplier paying for the claim replaces at its own cost.
     * @param shipByHours claim hours the supplier has to ship it (claim-deadlines.dmn)
     * @return the replacement purchase order's id
     * @throws io.dropflow.supplier.SupplierRefusedException when the supplier refuses it at once
     */
    @CallsPartner
    public Long forwardReplacement(Long claimId, int attempt, long shipByHours) {
        Claim claim = claims.get(claimId);
        return replacements.replacement(claim, attempt, claim.getCostBearer() == CostBearer.SUPPLIER,
                (int) shipByHours, settings.hours(shipByHours)).id();
    }

    /**
     * The replacement did not ship in time: its supplier is asked to cancel it, so that it does not
     * ship beside the remedy supervisors choose next. Its answer comes as a supplier event.
     */
    @CallsPartner
    public void cancelLateReplacement(Long claimId, Long replacementPurchaseOrderId) {
        Claim claim = claims.get(claimId);
        purchasing.requestCancellation(replacementPurchaseOrderId);
        PurchaseOrderView po = purchasing.purchaseOrder(replacementPurchaseOrderId);
        history.record(claim, Party.DROPFLOW, po.status() == PurchaseOrderStatus.CANCELLATION_REQUESTED
                ? "Asked " + po.supplierCode() + " to cancel the late replacement " + po.number()
                : "The late replacement " + po.number() + " is no longer open ("
                        + io.dropflow.processengine.OperatorWords.of(po.status()) + ")");
    }

    @Override
    public CaseKind kind() {
        return CaseKind.CLAIM;
    }

    /** Pays the consumer the agreed refund or compensation, once per claim. */
    @Override
    @CallsPartner
    public void refundConsumer(Long claimId) {
        Claim claim = claims.get(claimId);
        consumer.refund(claim, claim.getRemedyAmount(), "defect claim " + claim.number());
        history.record(claim, Party.DROPFLOW, "Paid the consumer "
                + Remedies.money(claim.getRemedyAmount(), claim.getCurrency()) + " through the storefront");
    }

    /**
     * Books what the claim cost and who bears it on the order's ledger (once per claim, also on an
     * order settled long ago: its margin is adjusted), counts an upheld claim against the supplier's
     * purchase order, and resolves the claim.
     * What the supplier bearing the claim is charged back follows claim-cost-bearer.dmn's {@code chargebackBasis}:
     * at {@link ChargebackBasis#SUPPLY_COST} what Dropflow paid it for the claimed pieces, in the purchase order's
     * currency (a compensation: its amount, up to that); at {@link ChargebackBasis#SALE_PRICE} what the consumer was
     * paid, in the order's currency. A reship the supplier bears books nothing: it ships the replacement at its own
     * cost (a purchase order that costs the seller nothing).
     * @param replacementPurchaseOrderId the replacement shipped, for a reship
     * @param basis what a supplier bearing the claim is charged back; null on claims agreed before the table said
     *        (charged back the sale price, as then)
     */
    public void bookOutcome(Long claimId, Long replacementPurchaseOrderId, ChargebackBasis basis) {
        Claim claim = claims.locked(claimId);
        boolean supplierPays = claim.getCostBearer() == CostBearer.SUPPLIER;
        boolean reship = claim.getRemedy() == Remedy.RESHIP;
        Money paid = reship ? Money.zero(claim.getCurrency())
                : new Money(claim.getRemedyAmount(), claim.getCurrency());
        Money replacementCost = reship && !supplierPays
                ? bookings.landedCost(replacementPurchaseOrderId) : Money.zero(claim.getCurrency());
        ClaimChargeback on = !supplierPays || reship ? null : chargebackFor(claim, paid, basis);
        Money chargeback = on == null ? Money.zero(claim.getCurrency()) : on.amount();
        String cost = !supplierPays ? "the seller's loss"
                : reship ? "the supplier ships the replacement at its own cost, nothing booked"
                : chargeback + " charged back to the supplier (" + on.text() + ")";
        bookings.book(claim, ledger -> ledger.bookClaim(claim.getOrderId(), claim.number(), paid,
                replacementCost, chargeback), "Defect claim " + claim.number() + " resolved: " + cost);
        if (supplierPays) {
            purchasing.recordUpheldClaim(claim.getPurchaseOrderId());
        }
        claim.moveTo(ClaimStatus.RESOLVED, clock.instant());
        history.record(claim, Party.DROPFLOW, "Resolved with " + Remedies.text(claim.getRemedy(),
                claim.getRemedyAmount(), claim.getCurrency()) + ", " + cost);
    }

    /**
     * Books a claim whose consumer refund was withheld (the order's own full refund, or another case of the order,
     * paid the consumer back for its pieces) on the order's ledger, once (the reference is the claim number), as what
     * really happened: no claim refund, since nothing was paid; the supplier charged back what it agreed to bear
     * (cost bearer {@link CostBearer#SUPPLIER}, a refund or compensation above zero), counted against its purchase
     * order as an upheld claim, as when the claim's refund comes first; but not for pieces another case of the order
     * has the supplier pay for ({@link CaseBookings#supplierPaidThrough}: booked already, or decided so with its
     * refund recorded and its booking still to come), so the supplier pays once for each piece, whichever case or
     * refund came first. The refund or compensation is an amount for the whole claim: it falls on the claim's lines as
     * their sale value does, and of each line's part the claim charges back the share of its pieces no other case has
     * the supplier pay for (two mugs claimed at 15.00 EUR each, one of them charged back through another claim: 15.00
     * EUR). A claim the seller bears books nothing. Either way the order's timeline says the claim closed without a
     * refund, and names the cases whose booking it counts on while still to come.
     * The claim's status is left to the model, which closes it as paid back already.
     */
    public void bookWithoutRefund(Long claimId, ChargebackBasis basis) {
        Claim claim = claims.locked(claimId);
        Money none = Money.zero(claim.getCurrency());
        CaseBookings.SupplierPaidThrough paidThrough = claim.supplierPaysForItsGoods() ? bookings.supplierPaidThrough(claim)
                : null;
        ClaimChargeback on = paidThrough == null ? null
                : chargebackFor(claim, new Money(claim.getRemedyAmount(), claim.getCurrency()), basis).leftOf(paidThrough);
        Money chargeback = on == null ? none : on.amount();
        boolean paidThroughOthers = paidThrough != null && paidThrough.any();
        String cost = !chargeback.isZero() && !paidThroughOthers ? chargeback + " charged back to the supplier"
                : !chargeback.isZero() ? chargeback + " charged back to the supplier for " + paidThrough.piecesLeft() + " of "
                        + claim.pieces() + " piece(s), the rest paid through " + String.join(", ", paidThrough.through())
                        + " already"
                : paidThroughOthers ? "the supplier paid through " + String.join(", ", paidThrough.through()) + " already"
                : "nothing booked";
        if (!chargeback.isZero() && on.fellBack()) {
            cost += " (" + on.text() + ")";
        }
        bookings.book(claim, ledger -> ledger.bookClaim(claim.getOrderId(), claim.number(), none, none, chargeback),
                "Defect claim " + claim.number() + " closed without a refund (paid back already): " + cost);
        if (paidThrough != null) {
            bookings.noteStillToBeBooked(claim, paidThrough);
        }
        if (!chargeback.isZero()) {
            purchasing.recordUpheldClaim(claim.getPurchaseOrderId());
        }
        history.record(claim, Party.DROPFLOW, "Booked without a refund (withheld, nothing paid): " + cost);
    }

    /**
     * What the supplier is charged back for the consumer's {@code paid} on claim-cost-bearer.dmn's {@code basis} (null:
     * the sale price), line by line ({@link ClaimChargeback}): at the sale price, what the consumer was paid, in the
     * order's currency; at supply cost, what it was paid for the claimed pieces (a compensation: its amount, up to
     * that), in the purchase order's currency; but a claimed SKU the purchase order does not list is charged at the sale
     * price, its part of {@code paid} (as the lines' sale values share it), saying so, the other lines staying at
     * supply cost. What the supplier was paid for that SKU is not known, and capping at what is known would charge back
     * 0.00 for it and lose the seller that part of the refund without a word.
     */
    private ClaimChargeback chargebackFor(Claim claim, Money paid, ChargebackBasis basis) {
        Map<Integer, BigDecimal> sale = claim.saleValueByLine();
        if (basis != ChargebackBasis.SUPPLY_COST) {
            return new ClaimChargeback(null, Map.of(), null, paid, sale, lines(sale.keySet()), null);
        }
        PurchaseOrderView po = purchasing.purchaseOrder(claim.getPurchaseOrderId());
        Set<String> listed = po.lines().stream().map(PurchaseOrderView.Line::sku).collect(Collectors.toSet());
        List<CaseLine> notListed = claim.getLines().stream().filter(l -> !listed.contains(l.getSku())).toList();
        if (notListed.isEmpty()) {
            Map<Integer, BigDecimal> supply = bookings.supplyCostByLine(claim);
            return new ClaimChargeback(bookings.upToSupplyCost(claim, paid), supply, lines(supply.keySet()), null,
                    Map.of(), null, null);
        }
        List<String> skus = notListed.stream().map(CaseLine::getSku).distinct().toList();
        String why = "purchase order " + po.number() + " does not list " + String.join(", ", skus);
        Set<Integer> atSale = notListed.stream().map(CaseLine::getLineNo).collect(Collectors.toCollection(TreeSet::new));
        Map<Integer, BigDecimal> saleWeights = new TreeMap<>(sale);
        saleWeights.keySet().retainAll(atSale);
        if (saleWeights.size() == sale.size()) {
            log.warn("Claim {} is charged back at supply cost, but {}: charged back at the sale price instead",
                    claim.number(), why);
            return new ClaimChargeback(null, Map.of(), null, paid, sale, lines(atSale), why);
        }
        log.warn("Claim {} is charged back at supply cost, but {}: line(s) {} charged back at the sale price instead",
                claim.number(), why, lines(atSale));
        Map<Integer, BigDecimal> supplyWeights = new TreeMap<>(bookings.supplyCostByLine(claim));
        supplyWeights.keySet().removeAll(atSale);
        BigDecimal saleOfListed = sum(sale).subtract(sum(saleWeights));
        List<Money> parts = sum(sale).signum() == 0 ? List.of(paid, Money.zero(paid.currency())) // nothing to share by
                : paid.allocate(List.of(saleOfListed, sum(saleWeights)));
        return new ClaimChargeback(bookings.upToSupplyCost(claim, parts.get(0)), supplyWeights,
                lines(supplyWeights.keySet()), bookings.inPurchaseOrderCurrency(claim, parts.get(1)), saleWeights,
                lines(atSale), why);
    }

    private static BigDecimal sum(Map<Integer, BigDecimal> byLine) {
        return byLine.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String lines(java.util.Collection<Integer> lineNumbers) {
        return new TreeSet<>(lineNumbers).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Tells the consumer how the claim ended: the remedy, the reason for a rejection, or why it closed. */
    @Override
    @CallsPartner
    public void tellOutcome(Long claimId) {
        Claim claim = claims.get(claimId);
        String text = switch (claim.getStatus()) {
            case RESOLVED -> "Your claim " + claim.number() + " is settled: "
                    + Remedies.text(claim.getRemedy(), claim.getRemedyAmount(), claim.getCurrency()) + ".";
            case REJECTED -> "We could not accept your claim " + claim.number() + ": " + claim.getOutcomeReason();
            default -> "Your claim " + claim.number() + " is closed: " + claim.getOutcomeReason();
        };
        consumer.send(claim, "outcome", text);
    }
}
