package io.dropflow.groupbuy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.order.OrderTimeline;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.ReturnAnswerEvent.Answer;
import io.dropflow.returns.ReturnRefusedException;
import io.dropflow.returns.TakeBackAnswers;
import io.dropflow.supplier.Purchasing;
import io.dropflow.web.NotFound;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's answer to the take-back of goods nobody collected ({@code DF-B{batch}-PO{n}-UNCOLLECTED}, which
 * "Return uncollected goods" asked in round 1, {@link Collection#returnUncollected}). The consumers were refunded
 * then and the batch settled with the supply cost booked; what the supplier does with the goods is the seller's
 * business, offline: the answer goes on the timeline of each order whose lines went back, and an ACCEPTED (send them,
 * the supplier credits them) or an ALTERNATIVE (a credit instead, the goods stay) goes to an operator at once, as a
 * "Partner attention" task with the answer, who books the credit when it comes. Recorded once per event id (partner
 * {@value #PARTNER}); a REJECTED is on the timelines only.
 */
@Service
class UncollectedTakeBacks implements TakeBackAnswers, DeliveryHandler {

    static final String PARTNER = "supplier-take-back";

    private static final Logger log = LoggerFactory.getLogger(UncollectedTakeBacks.class);
    private static final Pattern NUMBER = Pattern.compile("DF-B(\\d{1,18})-PO(\\d{1,9})-UNCOLLECTED");

    private final Purchases purchases;
    private final GroupBuyLines lines;
    private final GroupBuyOrders orders;
    private final Purchasing purchasing;
    private final OrderTimeline timeline;
    /** Lazily: the recorded deliveries take this handler (and every other partner's) in. */
    private final ObjectProvider<PartnerDeliveries> deliveries;
    private final ObjectMapper json;

    UncollectedTakeBacks(Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders, Purchasing purchasing,
            OrderTimeline timeline, ObjectProvider<PartnerDeliveries> deliveries, ObjectMapper json) {
        this.purchases = purchases;
        this.lines = lines;
        this.orders = orders;
        this.purchasing = purchasing;
        this.timeline = timeline;
        this.deliveries = deliveries;
        this.json = json;
    }

    @Override
    public boolean asked(String returnNumber) {
        return returnNumber != null && NUMBER.matcher(returnNumber).matches();
    }

    @Override
    @Transactional
    public String answer(String supplierCode, ReturnAnswerEvent event) {
        String number = event.returnNumber();
        Matcher m = NUMBER.matcher(number);
        if (!m.matches()) {
            throw NotFound.of("return", number);
        }
        Purchase purchase = purchases.findByBatchIdAndPurchaseNo(Long.valueOf(m.group(1)), Integer.parseInt(m.group(2)))
                .filter(p -> p.getPurchaseOrderId() != null).orElseThrow(() -> NotFound.of("return", number));
        String supplier = purchasing.purchaseOrder(purchase.getPurchaseOrderId()).supplierCode();
        List<GroupBuyLine> back = lines.findByPurchaseId(purchase.getId()).stream()
                .filter(l -> l.getRefundReason() == GroupBuyLine.RefundReason.UNCOLLECTED).toList();
        if (!supplier.equals(supplierCode) || back.isEmpty()) {
            // another supplier's purchase order, or nothing of it went back: no take-back was asked of this supplier
            throw NotFound.of("return", number);
        }
        if (event.round() != 1) {
            throw new ReturnRefusedException("Dropflow asked round 1 of take-back " + number + " only: round "
                    + event.round() + " was never asked", number, "ASKED");
        }
        String what = back.stream().map(l -> l.getQuantity() + " × " + l.getSku()).reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        boolean toOperator = event.answer() != Answer.REJECTED;
        boolean first = deliveries.getObject().recordNotApplied(PARTNER, supplierCode, event.answer().name(),
                event.eventId(), payload(event), why(supplierCode, number, what, event), toOperator);
        if (!first) {
            return "ALREADY_RECEIVED"; // the event id was taken before: a redelivery, whatever it says now
        }
        log.info("Supplier {} answered take-back {} with {}{}", supplierCode, number, event.answer(),
                toOperator ? ": an operator settles it" : "");
        String line = timelineLine(supplierCode, number, event.answer());
        back.stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted()
                .forEach(id -> timeline.record(orders.findById(id).orElseThrow().getOrderId(), line));
        return "APPLIED";
    }

    /** What the orders' timelines say; operator-messages.zh.json has each. */
    static String timelineLine(String supplierCode, String number, Answer answer) {
        return switch (answer) {
            case ACCEPTED -> supplierCode + " agrees to take back the uncollected goods (return " + number
                    + "): an operator sends them and books the supplier's credit";
            case ALTERNATIVE -> supplierCode + " offers a credit instead of taking back the uncollected goods (return "
                    + number + "): an operator settles it";
            case REJECTED -> supplierCode + " refuses to take back the uncollected goods (return " + number
                    + "): they stay with the seller";
        };
    }

    /** What the operator's task says: the supplier's answer and what to do. */
    static String why(String supplierCode, String number, String what, ReturnAnswerEvent event) {
        String reason = "; its reason: " + (event.reason() == null || event.reason().isBlank() ? "—" : event.reason());
        return switch (event.answer()) {
            case ACCEPTED -> supplierCode + " agrees to take back " + what + " nobody collected (return " + number
                    + reason + "): send the goods from the pickup point to the supplier and book the supplier's credit"
                    + " for them when it comes, then close this task";
            case ALTERNATIVE -> supplierCode + " offers a credit of " + (event.amount() != null
                    ? event.amount().toPlainString() + " (its amount)"
                    : event.refundShare().stripTrailingZeros().toPlainString() + " of the goods' supply cost")
                    + " instead of taking back " + what + " nobody collected (return " + number + reason
                    + "): agree it with the supplier, book the credit and decide what becomes of the goods, then close"
                    + " this task";
            case REJECTED -> supplierCode + " refuses to take back " + what + " nobody collected (return " + number
                    + reason + "): the goods stay with the seller";
        };
    }

    private String payload(ReturnAnswerEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a return answer that does not write as JSON", e);
        }
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    /** Nothing to take again: the operator settles the take-back with the supplier and closes the task. */
    @Override
    public Result handle(Delivery delivery) {
        return Result.unusable("a supplier's answer to a take-back of uncollected goods is settled by an operator:"
                + " settle it with the supplier and close the task");
    }

    @Override
    public String attentionTitle(Delivery delivery) {
        return Answer.ALTERNATIVE.name().equals(delivery.topic()) ? "Supplier offers a credit for uncollected goods"
                : "Supplier takes back uncollected goods";
    }
}
