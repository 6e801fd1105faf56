package io.dropflow.returns;

import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.order.Order;
import io.dropflow.order.OrderLine;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.Orders;
import io.dropflow.returns.process.ReturnNegotiation;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrder;
import io.dropflow.supplier.PurchaseOrderLine;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierOffers;
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

    private final Orders orders;
    private final Tracking tracking;
    private final Purchasing purchasing;
    private final SupplierOffers offers;
    private final Returns returns;
    private final ReturnHistory history;
    private final OrderTimeline timeline;
    private final ReturnNegotiation process;
    private final ReturnSettings settings;

    ReturnIntake(Orders orders, Tracking tracking, Purchasing purchasing, SupplierOffers offers, Returns returns,
            ReturnHistory history, OrderTimeline timeline, ReturnNegotiation process, ReturnSettings settings) {
        this.orders = orders;
        this.tracking = tracking;
        this.purchasing = purchasing;
        this.offers = offers;
        this.returns = returns;
        this.history = history;
        this.timeline = timeline;
        this.process = process;
        this.settings = settings;
    }

    @Transactional
    public ReturnRequest request(Long orderId, RequestReturn request) {
        Order order = orders.findById(orderId).orElseThrow(() -> NotFound.of("order", orderId));
        Instant delivered = tracking.shipmentsOf(orderId).stream()
                .filter(s -> s.getReturnId() == null && s.getStatus() == TrackingStatus.DELIVERED)
                .map(s -> s.getLastEventAt() == null ? s.getCreatedAt() : s.getLastEventAt())
                .max(Instant::compareTo)
                .orElseThrow(() -> new ReturnRefusedException("order " + orderId + " has not been delivered ("
                        + order.getStatus() + "): goods can be returned once they have arrived"));
        Instant closes = delivered.plus(settings.window());
        if (Instant.now().isAfter(closes)) {
            throw new ReturnRefusedException("the return window of order " + orderId + " closed at " + closes + " ("
                    + settings.window() + " after delivery)");
        }
        PurchaseOrder po = purchasing.purchaseOrdersOf(orderId).stream()
                .filter(p -> p.getShippedAt() != null && p.isOriginal()).reduce((a, b) -> b)
                .orElseThrow(() -> new ReturnRefusedException("order " + orderId + " has no shipped purchase order"));
        List<ReturnLine> lines = returnedLines(order, request, returns.findByOrderIdOrderById(orderId));
        if (request.wish() == ReturnWish.EXCHANGE && offers.findBySupplierId(po.getSupplier().getId()).stream()
                .noneMatch(o -> o.getSku().equals(request.exchangeSku()))) {
            throw new InvalidReturnException(po.getSupplier().getCode() + ", who shipped the order, does not offer "
                    + request.exchangeSku() + " to exchange for");
        }
        BigDecimal supplyValue = BigDecimal.ZERO;
        for (ReturnLine line : lines) {
            BigDecimal unit = po.getLines().stream().filter(l -> l.getSku().equals(line.getSku()))
                    .map(PurchaseOrderLine::getSupplyPrice).findFirst().orElse(BigDecimal.ZERO);
            supplyValue = supplyValue.add(unit.multiply(BigDecimal.valueOf(line.getQuantity())));
        }
        ReturnRequest saved = returns.saveAndFlush(new ReturnRequest(orderId, po.getId(), po.getSupplier().getId(),
                request.reason(), request.wish(), request.exchangeSku(), order.getChannel(), order.getCurrency(), lines,
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

    private String productCategory(PurchaseOrder po, List<ReturnLine> lines) {
        return offers.findBySupplierId(po.getSupplier().getId()).stream()
                .filter(o -> o.getSku().equals(lines.get(0).getSku())).map(o -> o.getCategory()).findFirst().orElse("general");
    }

    /** Every line exists, and no piece is returned twice (open or completed returns count, refused ones not). */
    private static List<ReturnLine> returnedLines(Order order, RequestReturn request, List<ReturnRequest> earlier) {
        List<ReturnLine> lines = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (RequestReturn.Line wanted : request.lines()) {
            if (!seen.add(wanted.lineNo())) {
                throw new InvalidReturnException("line " + wanted.lineNo() + " is listed twice");
            }
            OrderLine line = order.getLines().stream().filter(l -> l.getLineNo() == wanted.lineNo()).findFirst()
                    .orElseThrow(() -> new InvalidReturnException("order " + order.getId() + " has no line " + wanted.lineNo()));
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
            if (already + wanted.quantity() > line.getQuantity()) {
                throw new ReturnRefusedException("line " + wanted.lineNo() + " has " + line.getQuantity() + " piece(s), "
                        + already + " of them already returned" + (where == null ? "" : " (" + where + ")")
                        + "; " + wanted.quantity() + " more cannot be");
            }
            lines.add(new ReturnLine(line.getLineNo(), line.getSku(), wanted.quantity(),
                    line.getSalePrice().multiply(BigDecimal.valueOf(wanted.quantity()))));
        }
        return lines;
    }
}
