package io.dropflow.returns.internal;

import io.dropflow.returns.InvalidReturnException;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseLine;
import io.dropflow.aftersales.OrderDeliveries;
import io.dropflow.aftersales.Party;
import io.dropflow.aftersales.PiecesHeld;
import io.dropflow.order.AfterSalesWindows;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.returns.ReturnRefusedException;
import io.dropflow.returns.ReturnWish;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.PurchaseOrderView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes return requests in: checked completely before anything is written, then stored with their process. */
@Service
public class ReturnIntake {

    private final OrderLookup orders;
    private final OrderDeliveries deliveries;
    private final Catalog catalog;
    private final Returns returns;
    private final PiecesHeld piecesHeld;
    private final CaseHistory history;
    private final OrderTimeline timeline;
    private final ReturnProcess process;
    private final AfterSalesWindows windows;
    private final Clock clock;

    ReturnIntake(OrderLookup orders, OrderDeliveries deliveries, Catalog catalog, Returns returns, PiecesHeld piecesHeld,
            CaseHistory history, OrderTimeline timeline, ReturnProcess process, AfterSalesWindows windows, Clock clock) {
        this.orders = orders;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.returns = returns;
        this.piecesHeld = piecesHeld;
        this.history = history;
        this.timeline = timeline;
        this.process = process;
        this.windows = windows;
        this.clock = clock;
    }

    @Transactional
    public ReturnRequest request(Long orderId, RequestReturn request) {
        // Returns and claims about the order take turns until this one is stored: two sent at once would both
        // find the pieces free, and the consumer would be paid back for them twice (ClaimIntake locks it too)
        OrderSummary order = orders.locked(orderId);
        if (order.isGroupBuy()) {
            // Its goods came with the batch's purchase orders to the pickup point; a return goes back to the
            // supplier of the order's own purchase order.
            throw new ReturnRefusedException("order " + orderId + " is a group-buy order, collected at pickup point "
                    + order.pickupPoint() + ": returns are taken only for orders shipped to the consumer");
        }
        // A closed order that was never delivered never will be
        Optional<Instant> parcelDelivered = deliveries.deliveredAt(orderId);
        if (parcelDelivered.isEmpty() || !deliveryRegistered(order.status())) {
            throw new ReturnRefusedException(order.status().isClosed() && order.status() != OrderStatus.SETTLED
                    ? "order " + orderId + " ended without a " + (parcelDelivered.isPresent() ? "registered " : "")
                            + "delivery (" + order.status() + "): there is nothing to return"
                    : parcelDelivered.isPresent()
                            // The carrier's word alone is not the order's: until the order has taken it (and booked
                            // its margin), the order may still end refunded in full, and the return would pay again
                            ? "order " + orderId + " has not registered its delivery yet (" + order.status()
                                    + "; the carrier reported the parcel delivered): goods can be returned once it has"
                            : "order " + orderId + " has not been delivered (" + order.status()
                                    + "): goods can be returned once they have arrived");
        }
        // Its full refund is planned (read under the order's lock, held since intake began)
        orders.fullRefundPlanned(orderId).ifPresent(closesAs -> {
            throw new ReturnRefusedException("order " + orderId + " is being refunded in full (it closes " + closesAs
                    + "): the consumer gets the whole sale back; there is nothing to return");
        });
        Instant delivered = parcelDelivered.get();
        Duration window = windows.of(orderId).returnWindow(); // after-sales-windows.dmn
        Instant closes = delivered.plus(window);
        if (clock.instant().isAfter(closes)) {
            throw new ReturnRefusedException("the return window of order " + orderId + " closed at " + closes + " ("
                    + AfterSalesWindows.inWords(window) + " after delivery)");
        }
        PurchaseOrderView po = deliveries.shippedPurchaseOrder(orderId)
                .orElseThrow(() -> new ReturnRefusedException("order " + orderId + " has no shipped purchase order"));
        List<CaseLine> lines = returnedLines(order, request);
        // Every case that paid the consumer back for these pieces, or still may, holds them: claims and returns
        // counted together (a claim and a return on one piece each of a line of two leave none), each by its own
        // rule (ReturnRequest.holdsItsPieces: a refused return, one closed as paid back already, an exchange done
        // without a refund hold none). Counted apart, a return found enough pieces left among the returns and
        // enough among the claims, and its refund was withheld whole, its other lines with it.
        piecesHeld.tooFewLeft(order, CaseKind.RETURN, lines).ifPresent(why -> {
            throw new ReturnRefusedException(why);
        });
        if (request.wish() == ReturnWish.EXCHANGE
                && (request.exchangeSku() == null
                        || catalog.offersOf(po.supplierId(), List.of(request.exchangeSku())).isEmpty())) {
            throw new InvalidReturnException(po.supplierCode() + ", who shipped the order, does not offer "
                    + request.exchangeSku() + " to exchange for");
        }
        BigDecimal supplyValue = BigDecimal.ZERO;
        List<ReturnLinePolicy> toJudge = new ArrayList<>();
        for (CaseLine line : lines) {
            BigDecimal unit = po.lines().stream().filter(l -> l.sku().equals(line.getSku()))
                    .map(PurchaseOrderView.Line::supplyPrice).findFirst().orElse(BigDecimal.ZERO);
            BigDecimal lineSupply = unit.multiply(BigDecimal.valueOf(line.getQuantity()));
            supplyValue = supplyValue.add(lineSupply);
            toJudge.add(new ReturnLinePolicy(line.getLineNo(), line.getSku(), productCategory(po, line.getSku()),
                    line.getSaleValue(), lineSupply));
        }
        ReturnRequest saved = returns.saveAndFlush(new ReturnRequest(orderId, po.id(), po.supplierId(),
                request.reason(), request.wish(), request.exchangeSku(), order.channel(), order.currency(), lines,
                supplyValue, clock.instant()));
        saved.linesToJudge(toJudge);
        history.record(saved, Party.CONSUMER, "Asked to return " + lines.size() + " line(s) ("
                + io.dropflow.processengine.OperatorWords.of(request.reason()) + ") for " + (request.wish() == ReturnWish.EXCHANGE ? "an exchange to "
                + request.exchangeSku() : "a refund") + (request.note() == null ? "" : ": " + request.note()));
        timeline.record(orderId, "Consumer asked to return goods: " + saved.number());
        saved.attachProcess(process.start(saved));
        return saved;
    }

    /** The consumer's answer to an alternative offer. */
    @Transactional
    public ReturnRequest consumerAnswered(Long returnId, boolean accept) {
        ReturnRequest r = returns.locked(returnId);
        if (r.answeredLastOfferWith(accept)) {
            return r; // the storefront sent the answer again: it was taken once
        }
        if (!r.recordConsumerAnswer(accept, clock.instant())) {
            throw new ReturnRefusedException("return " + r.number() + " has no offer waiting for an answer (" + r.getStatus()
                    + (r.getConsumerAnswer() == null ? "" : "; offer " + r.getOfferNo() + " was " + r.getConsumerAnswer())
                    + ")");
        }
        history.record(r, Party.CONSUMER, (accept ? "Accepted" : "Declined") + " the offer of "
                + Money.format(r.getOfferAmount(), r.getCurrency()));
        process.consumerAnswered(r, accept);
        return r;
    }

    /**
     * Whether the order has registered its delivery: its process took the carrier's delivery (DELIVERED) and
     * may have settled since. Before that the order may still end otherwise (a parcel problem refunded in full).
     */
    private static boolean deliveryRegistered(OrderStatus status) {
        return status == OrderStatus.DELIVERED || status == OrderStatus.SETTLED;
    }

    /** The line's category in its supplier's catalog: return-policy.dmn judges each line by its own. */
    private String productCategory(PurchaseOrderView po, String sku) {
        return catalog.offersOf(po.supplierId(), List.of(sku)).stream()
                .map(OfferView::category).findFirst().orElse("general");
    }

    /**
     * Every line exists, is listed once and has the pieces named (422 otherwise: invalid input, whatever other
     * cases hold). Whether other cases leave those pieces free is {@link PiecesHeld}'s count (409).
     */
    private static List<CaseLine> returnedLines(OrderSummary order, RequestReturn request) {
        List<CaseLine> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (RequestReturn.Line wanted : request.lines()) {
            if (!seen.add(wanted.lineNo())) {
                throw new InvalidReturnException("line " + wanted.lineNo() + " is listed twice");
            }
            OrderSummary.Line line = order.lines().stream().filter(l -> l.lineNo() == wanted.lineNo()).findFirst()
                    .orElseThrow(() -> new InvalidReturnException("order " + order.id() + " has no line " + wanted.lineNo()));
            if (wanted.quantity() > line.quantity()) {
                // More than the line ever had: invalid input, as for a claim; no other case is in the way
                throw new InvalidReturnException("line " + wanted.lineNo() + " has " + line.quantity()
                        + " piece(s); the return names " + wanted.quantity());
            }
            lines.add(CaseLine.of(line, wanted.quantity()));
        }
        return lines;
    }
}
