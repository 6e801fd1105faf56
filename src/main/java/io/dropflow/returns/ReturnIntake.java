package io.dropflow.returns;

import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.OrderSummary;

import io.dropflow.order.OrderTimeline;
import io.dropflow.order.OrderLookup;
import io.dropflow.returns.process.ReturnNegotiation;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import io.dropflow.web.NotFound;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes return requests in: checked completely before anything is written, then stored with their process. */
@Service
public class ReturnIntake {

    private final OrderLookup orders;
    private final Tracking tracking;
    private final Purchasing purchasing;
    private final Catalog catalog;
    private final Returns returns;
    private final ReturnHistory history;
    private final OrderTimeline timeline;
    private final ReturnNegotiation process;
    private final ReturnSettings settings;

    ReturnIntake(OrderLookup orders, Tracking tracking, Purchasing purchasing, Catalog catalog, Returns returns,
            ReturnHistory history, OrderTimeline timeline, ReturnNegotiation process, ReturnSettings settings) {
        this.orders = orders;
        this.tracking = tracking;
        this.purchasing = purchasing;
        this.catalog = catalog;
        this.returns = returns;
        this.history = history;
        this.timeline = timeline;
        this.process = process;
        this.settings = settings;
    }

    @Transactional
    public ReturnRequest request(Long orderId, RequestReturn request) {
        OrderSummary order = orders.order(orderId);
        Instant delivered = tracking.shipmentsOf(orderId).stream()
                .filter(s -> s.returnId() == null && s.status() == TrackingStatus.DELIVERED)
                .map(s -> s.lastEventAt() == null ? s.createdAt() : s.lastEventAt())
                .max(Instant::compareTo)
                .orElseThrow(() -> new ReturnRefusedException("order " + orderId + " has not been delivered ("
                        + order.status() + "): goods can be returned once they have arrived"));
        Instant closes = delivered.plus(settings.window());
        if (Instant.now().isAfter(closes)) {
            throw new ReturnRefusedException("the return window of order " + orderId + " closed at " + closes + " ("
                    + settings.window() + " after delivery)");
        }
        PurchaseOrderView po = purchasing.purchaseOrdersOf(orderId).stream()
                .filter(p -> p.shippedAt() != null && p.isOriginal()).reduce((a, b) -> b)
                .orElseThrow(() -> new ReturnRefusedException("order " + orderId + " has no shipped purchase order"));
        List<ReturnLine> lines = returnedLines(order, request, returns.findByOrderIdOrderById(orderId));
        if (request.wish() == ReturnWish.EXCHANGE && catalog.offersOf(po.supplierId()).stream()
                .noneMatch(o -> o.sku().equals(request.exchangeSku()))) {
            throw new InvalidReturnException(po.supplierCode() + ", who shipped the order, does not offer "
                    + request.exchangeSku() + " to exchange for");
        }
        BigDecimal supplyValue = BigDecimal.ZERO;
        for (ReturnLine line : lines) {
            BigDecimal unit = po.lines().stream().filter(l -> l.sku().equals(line.getSku()))
                    .map(PurchaseOrderView.Line::supplyPrice).findFirst().orElse(BigDecimal.ZERO);
            supplyValue = supplyValue.add(unit.multiply(BigDecimal.valueOf(line.getQuantity())));
        }
        ReturnRequest saved = returns.saveAndFlush(new ReturnRequest(orderId, po.id(), po.supplierId(),
                request.reason(), request.wish(), request.exchangeSku(), order.channel(), order.currency(), lines,
                supplyValue));
        history.record(saved.getId(), "CONSUMER", "Asked to return " + lines.size() + " line(s) ("
                + request.reason() + ") for " + (request.wish() == ReturnWish.EXCHANGE ? "an exchange to "
                + request.exchangeSku() : "a refund") + (request.note() == null ? "" : ": " + request.note()));
        timeline.record(orderId, "Consumer asked to return goods: " + saved.number());
        saved.attachProcess(process.start(saved, productCategory(po, lines)));
        return saved;
    }

    /** The consumer's answer to an alternative offer. */
    @Transactional
    public ReturnRequest consumerAnswered(Long returnId, boolean accept) {
        ReturnRequest r = returns.lockById(returnId).orElseThrow(() -> NotFound.of("return", returnId));
        if (!r.recordConsumerAnswer(accept)) {
            throw new ReturnRefusedException("return " + r.number() + " has no offer waiting for an answer (" + r.getStatus() + ")");
        }
        history.record(returnId, "CONSUMER", (accept ? "Accepted" : "Declined") + " the offer of "
                + Money.format(r.getOfferAmount(), r.getCurrency()));
        process.consumerAnswered(r, accept);
        return r;
    }

    private String productCategory(PurchaseOrderView po, List<ReturnLine> lines) {
        return catalog.offersOf(po.supplierId()).stream()
                .filter(o -> o.sku().equals(lines.get(0).getSku())).map(OfferView::category).findFirst().orElse("general");
    }

    /** Every line exists, and no piece is returned twice (open or completed returns count, refused ones not). */
    private static List<ReturnLine> returnedLines(OrderSummary order, RequestReturn request, List<ReturnRequest> earlier) {
        List<ReturnLine> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (RequestReturn.Line wanted : request.lines()) {
            if (!seen.add(wanted.lineNo())) {
                throw new InvalidReturnException("line " + wanted.lineNo() + " is listed twice");
            }
            OrderSummary.Line line = order.lines().stream().filter(l -> l.lineNo() == wanted.lineNo()).findFirst()
                    .orElseThrow(() -> new InvalidReturnException("order " + order.id() + " has no line " + wanted.lineNo()));
            int already = 0;
            String where = null;
            for (ReturnRequest r : earlier) {
                if (r.getStatus() == ReturnStatus.REFUSED) {
                    continue;
                }
                for (ReturnLine l : r.getLines()) {
                    if (l.getLineNo() == wanted.lineNo()) {
                        already += l.getQuantity();
                        where = r.number();
                    }
                }
            }
            if (already + wanted.quantity() > line.quantity()) {
                throw new ReturnRefusedException("line " + wanted.lineNo() + " has " + line.quantity() + " piece(s), "
                        + already + " of them already returned" + (where == null ? "" : " (" + where + ")")
                        + "; " + wanted.quantity() + " more cannot be");
            }
            lines.add(new ReturnLine(line.lineNo(), line.sku(), wanted.quantity(),
                    line.salePrice().multiply(BigDecimal.valueOf(wanted.quantity()))));
        }
        return lines;
    }
}
