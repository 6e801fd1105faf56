package io.dropflow.groupbuy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderTimeline;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.ReturnAnswerEvent.Answer;
import io.dropflow.returns.InvalidReturnException;
import io.dropflow.returns.ReturnRefusedException;
import io.dropflow.returns.TakeBackAnswers;
import io.dropflow.settlement.Currencies;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.web.NotFound;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's answer to the take-back of goods nobody collected ({@code DF-B{batch}-PO{n}-UNCOLLECTED}, which
 * "Return uncollected goods" asked in round 1, {@link Collection#returnUncollected}, marking the purchase asked). The
 * consumers were refunded then and the batch settled with the supply cost booked. An ACCEPTED (send them, the supplier
 * credits their supply cost) or an ALTERNATIVE (a credit instead, the goods stay) books the supplier's credit on the
 * orders whose lines went back ({@link Ledger#bookSupplierCredits}, in the purchase order's currency with its
 * decimals: an amount with more is a 422, and so is one above the goods' supply cost on the purchase order, as for a
 * consumer's return one above its returned value; a refused answer records nothing), goes on their timelines and to an operator at once, as a "Partner
 * attention" task with the answer, who sends the goods or decides what becomes of them: the task says it in words
 * (orders, purchase order, the credit as money in the purchase order's currency). Recorded once per event id (partner
 * {@value #PARTNER}); a REJECTED is on the timelines only. The first answer to a take-back is its answer: it is kept
 * under {@value #ANSWERED}{@code {number}}, the same answer again is a redelivery and another one a 409 that changes
 * nothing, as for a return round answered already. An answer to a take-back never asked (the operator refunded the
 * goods and left them at the pickup point) is a 409 too.
 */
@Service
class UncollectedTakeBacks implements TakeBackAnswers, DeliveryHandler {

    static final String PARTNER = "supplier-take-back";
    /** The recorded topic of an answer: this and the answer, "take-back/ALTERNATIVE" (its words: DeliveryTaskFacts). */
    static final String TOPIC = "take-back/";
    /** Where the first answer to a take-back is kept, by its number (a delivery id of {@value #PARTNER}). */
    static final String ANSWERED = "answered/";

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
    private final OrderLookup lookup;
    private final Ledger ledger;

    UncollectedTakeBacks(Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders, Purchasing purchasing,
            OrderTimeline timeline, ObjectProvider<PartnerDeliveries> deliveries, ObjectMapper json,
            OrderLookup lookup, Ledger ledger) {
        this.lookup = lookup;
        this.ledger = ledger;
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
        PurchaseOrderView po = purchasing.purchaseOrder(purchase.getPurchaseOrderId());
        List<GroupBuyLine> back = lines.findByPurchaseId(purchase.getId()).stream()
                .filter(l -> l.getRefundReason() == GroupBuyLine.RefundReason.UNCOLLECTED).toList();
        if (!po.supplierCode().equals(supplierCode) || back.isEmpty()) {
            // another supplier's purchase order, or nothing of it went back: no take-back was asked of this supplier
            throw NotFound.of("return", number);
        }
        if (!purchase.wasAskedToTakeBack()) {
            // The operator refunded what nobody collected and left it with the leader: no answer is awaited
            throw new ReturnRefusedException("Take-back " + number + " was never asked: the goods nobody collected of"
                    + " purchase order " + po.number() + " were refunded and left at the pickup point, not sent back to "
                    + supplierCode, number, "NOT_ASKED");
        }
        if (event.round() != 1) {
            throw new ReturnRefusedException("Dropflow asked round 1 of take-back " + number + " only: round "
                    + event.round() + " was never asked", number, "ASKED");
        }
        PartnerDeliveries recorded = deliveries.getObject();
        if (recorded.recordedPayload(PARTNER, supplierCode, event.eventId()).isPresent()) {
            return "ALREADY_RECEIVED"; // the event id was taken before: a redelivery, whatever it says now
        }
        Optional<ReturnAnswerEvent> earlier = recorded.recordedPayload(PARTNER, supplierCode, ANSWERED + number)
                .map(this::event);
        if (earlier.isPresent()) {
            return alreadyAnswered(number, earlier.get(), event);
        }
        if (event.amount() != null && Currencies.hasMoreDecimals(event.amount(), po.currency())) {
            // After the redeliveries, which answer as before whatever they say. Rounding it would book a credit the supplier did not offer (a share is computed, and rounded)
            throw new InvalidReturnException("the amount " + Currencies.moreDecimalsThan(event.amount(), po.currency()));
        }
        String what = back.stream().map(l -> l.getQuantity() + " × " + l.getSku()).reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        Money cost = supplyCost(po, back);
        if (event.answer() == ReturnAnswerEvent.Answer.ALTERNATIVE && event.amount() != null
                && event.amount().compareTo(cost.amount()) > 0) {
            // Only an alternative's amount is booked: an acceptance credits the supply cost, a refusal nothing, whatever
            // amount they state (review s17, F3)
            // As for a consumer's return (above its returned value): a credit above what the goods cost is no credit
            // for them (999.00 EUR for goods of 6.00 booked a margin of 990.50). Nothing recorded: not the take-back's
            // answer, so a corrected one is still taken
            throw new InvalidReturnException("the amount " + Money.formatAsSent(event.amount(), po.currency())
                    + " is more than the goods' supply cost " + Money.format(cost.amount(), cost.currency())
                    + " (" + what + " nobody collected, at the prices of purchase order " + po.number() + ")");
        }
        String why = why(supplierCode, number, what, event, cost);
        boolean toOperator = event.answer() != Answer.REJECTED;
        boolean first = recorded.recordNotApplied(PARTNER, supplierCode, TOPIC + event.answer().name(),
                event.eventId(), payload(event), why, toOperator);
        if (!first) {
            return "ALREADY_RECEIVED"; // the same event id at the same moment, taken by the other request
        }
        // The take-back's answer from now on (two answers at the same moment: the later fails here and is told apart)
        recorded.recordTaken(PARTNER, supplierCode, "answered", ANSWERED + number, payload(event));
        log.info("Supplier {} answered take-back {} with {}{}", supplierCode, number, event.answer(),
                toOperator ? ": an operator settles it" : "");
        List<Long> orderIds = back.stream().map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted()
                .map(id -> orders.findById(id).orElseThrow().getOrderId()).toList();
        credit(event, cost).ifPresent(credit -> bookCredit(po, back, credit, number));
        String line = timelineLine(supplierCode, number, event.answer(), credit(event, cost).orElse(null));
        orderIds.forEach(id -> timeline.record(id, line));
        if (toOperator) {
            recorded.describe(new PartnerDeliveries.Recorded(PARTNER, supplierCode, event.eventId()), why,
                    new FormFacts()
                            .put("orderNumber", orderIds.stream().map(id -> lookup.order(id).storefrontOrderId())
                                    .collect(Collectors.joining(", ")))
                            .put("purchaseOrder", po.number())
                            .put("supplierCode", supplierCode));
        }
        return "APPLIED";
    }

    /**
     * What the supplier credits: the goods' supply cost for an ACCEPTED take-back (the goods go back, wish REFUND),
     * the credit it offers for an ALTERNATIVE (its amount, or its share of the supply cost in the currency's
     * decimals, rounded half up), nothing for a REJECTED one.
     */
    static Optional<Money> credit(ReturnAnswerEvent event, Money cost) {
        return switch (event.answer()) {
            case ACCEPTED -> Optional.of(cost);
            case ALTERNATIVE -> Optional.of(event.amount() != null ? new Money(event.amount(), cost.currency())
                    : cost.times(event.refundShare()));
            case REJECTED -> Optional.empty();
        };
    }

    /**
     * The supplier's credit on the orders whose lines went back, shared by what their goods cost (by their pieces
     * when the purchase order has no supply price for them), in the purchase order's currency, converted together:
     * once per order and take-back, however often the answer comes.
     */
    private void bookCredit(PurchaseOrderView po, List<GroupBuyLine> back, Money credit, String number) {
        Map<Long, List<GroupBuyLine>> byOrder = new LinkedHashMap<>();
        back.stream().sorted(java.util.Comparator.comparing(GroupBuyLine::getGroupBuyOrderId))
                .forEach(l -> byOrder.computeIfAbsent(l.getGroupBuyOrderId(), k -> new java.util.ArrayList<>()).add(l));
        List<BigDecimal> weights = byOrder.values().stream().map(l -> supplyCost(po, l).amount()).toList();
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            weights = byOrder.values().stream().map(l -> BigDecimal.valueOf(
                    l.stream().mapToInt(GroupBuyLine::getQuantity).sum())).toList();
        }
        List<Money> shares = credit.allocate(weights);
        Map<Long, Money> byOrderId = new LinkedHashMap<>();
        int i = 0;
        for (Long groupBuyOrderId : byOrder.keySet()) {
            byOrderId.put(orders.findById(groupBuyOrderId).orElseThrow().getOrderId(), shares.get(i++));
        }
        ledger.bookSupplierCredits(byOrderId, number);
    }

    /** Another answer to a take-back answered already: the same again is a redelivery, another one a 409. */
    private static String alreadyAnswered(String number, ReturnAnswerEvent first, ReturnAnswerEvent now) {
        if (first.answer() == now.answer() && same(first.amount(), now.amount())
                && same(first.refundShare(), now.refundShare())) {
            return "ALREADY_RECEIVED";
        }
        throw new ReturnRefusedException("Take-back " + number + " was answered already (" + first.answer()
                + "): another answer changes nothing", number, "ANSWERED");
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** What the goods that went back cost at the purchase order's supply prices, in its currency. */
    static Money supplyCost(PurchaseOrderView po, List<GroupBuyLine> back) {
        Money cost = Money.zero(po.currency());
        for (GroupBuyLine l : back) {
            BigDecimal price = po.lines().stream().filter(pl -> pl.sku().equals(l.getSku())).findFirst()
                    .map(PurchaseOrderView.Line::supplyPrice).orElse(BigDecimal.ZERO);
            cost = cost.plus(new Money(price.multiply(BigDecimal.valueOf(l.getQuantity())), po.currency()));
        }
        return cost;
    }

    /** What the orders' timelines say, with the credit booked (null for none); operator-messages.zh.json has each. */
    static String timelineLine(String supplierCode, String number, Answer answer, Money credit) {
        return switch (answer) {
            case ACCEPTED -> supplierCode + " agrees to take back the uncollected goods (return " + number
                    + ") and credits " + credit + ", booked in the ledger: an operator sends them";
            case ALTERNATIVE -> supplierCode + " offers a credit of " + credit + " instead of taking back the"
                    + " uncollected goods (return " + number + "), booked in the ledger: an operator settles the rest";
            case REJECTED -> supplierCode + " refuses to take back the uncollected goods (return " + number
                    + "): they stay with the seller";
        };
    }

    /**
     * What the operator's task says: the supplier's answer and what to do, a credit as money in the purchase order's
     * currency ({@code cost}: the goods' supply cost, which a {@code refundShare} is a share of).
     */
    static String why(String supplierCode, String number, String what, ReturnAnswerEvent event, Money cost) {
        String reason = "; its reason: " + (event.reason() == null || event.reason().isBlank() ? "—" : event.reason());
        String todo = " instead of taking back " + what + " nobody collected (return " + number + reason
                + "): the credit is booked in the ledger; decide with the supplier what becomes of the goods, then"
                + " close this task";
        return switch (event.answer()) {
            case ACCEPTED -> supplierCode + " agrees to take back " + what + " nobody collected (return " + number
                    + reason + "): send the goods from the pickup point to the supplier (its credit of " + cost
                    + " for them is booked in the ledger), then close this task";
            case ALTERNATIVE -> event.amount() != null
                    ? supplierCode + " offers a credit of " + Money.formatAsSent(event.amount(), cost.currency()) + todo
                    : supplierCode + " offers to credit " + OperatorWords.percent(event.refundShare().doubleValue())
                            + " of the goods' supply cost of " + Money.format(cost.amount(), cost.currency())
                            + ", that is " + Money.format(cost.amount().multiply(event.refundShare()), cost.currency())
                            + "," + todo;
            case REJECTED -> supplierCode + " refuses to take back " + what + " nobody collected (return " + number
                    + reason + "): the goods stay with the seller";
        };
    }

    private ReturnAnswerEvent event(String payload) {
        try {
            return json.readValue(payload, ReturnAnswerEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded take-back answer that does not read as one", e);
        }
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
        return Objects.toString(delivery.topic(), "").endsWith(Answer.ALTERNATIVE.name()) ? "Supplier offers a credit for uncollected goods"
                : "Supplier takes back uncollected goods";
    }
}
