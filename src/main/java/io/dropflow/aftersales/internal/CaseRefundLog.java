package io.dropflow.aftersales.internal;

import io.dropflow.aftersales.AfterSalesCase;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseRefunds;
import io.dropflow.aftersales.CaseRepository;
import io.dropflow.aftersales.CommitBeforeCall;
import io.dropflow.aftersales.Party;
import io.dropflow.aftersales.PiecesHeld;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.PaidBackByCases;
import io.dropflow.order.OrderSummary;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The after-sales refunds in their table, {@code case_refund}, one per case, checked against the order's lines;
 * and what they paid back, for the order's own full refund to pay only the rest ({@link PaidBackByCases}).
 */
@Service
class CaseRefundLog implements CaseRefunds, PaidBackByCases {

    private final CaseRefundEntries entries;
    private final Map<CaseKind, CaseRepository<?>> cases = new EnumMap<>(CaseKind.class);
    private final OrderLookup orders;
    private final CaseHistory history;
    private final CommitBeforeCall commitFirst;
    private final Clock clock;

    CaseRefundLog(CaseRefundEntries entries, List<CaseRepository<?>> repositories, OrderLookup orders,
            CaseHistory history, CommitBeforeCall commitFirst, Clock clock) {
        this.entries = entries;
        repositories.forEach(r -> cases.put(r.kind(), r));
        this.orders = orders;
        this.history = history;
        this.commitFirst = commitFirst;
        this.clock = clock;
    }

    @Override
    public Optional<Withheld> record(AfterSalesCase<?> c, BigDecimal amount) {
        return commitFirst.commit(() -> {
            // Refunds of the order's cases take turns, as their intakes do: the second sees the first's refund
            OrderSummary order = orders.locked(c.getOrderId());
            List<CaseRefund> paid = entries.findByOrderIdOrderById(order.id());
            if (paid.stream().anyMatch(r -> r.isOf(c.kind(), c.getId()))) {
                return Optional.empty(); // a retried step: recorded already, the storefront's key pays it once
            }
            Optional<Withheld> withheld = refundedInFull(order).or(() -> tooManyPaidBack(order, c, paid));
            if (withheld.isPresent()) {
                String what = "Refund of " + Money.format(amount, c.getCurrency()) + " withheld, nothing paid: "
                        + withheld.get().why();
                if (history.of(c).stream().noneMatch(e -> e.what().equals(what))) {
                    history.record(c, Party.DROPFLOW, what);
                }
                return withheld;
            }
            waitForAFullRefundUnderWay(order, c); // it would pay: not while the order's own refund is under way
            entries.save(new CaseRefund(c.kind(), c.getId(), order.id(), amount, c.getCurrency(), clock.instant()));
            return Optional.empty();
        });
    }

    /** The order's cases' refunds as recorded (committed before the storefront was asked), in the order they were paid. */
    @Override
    public List<PaidBack> of(Long orderId) {
        return entries.findByOrderIdOrderById(orderId).stream()
                .map(r -> new PaidBack(r.getCaseKind().number(r.getCaseId()), new Money(r.getAmount(), r.getCurrency().trim())))
                .toList();
    }

    /** The order was refunded in full meanwhile (a lost parcel given up, a cancellation). */
    private static Optional<Withheld> refundedInFull(OrderSummary order) {
        return isClosed(order) ? Optional.of(Withheld.orderRefundedInFull(order.storefrontOrderId(), order.status().name()))
                : Optional.empty();
    }

    private static boolean isClosed(OrderSummary order) {
        return order.status() == OrderStatus.REFUNDED || order.status() == OrderStatus.CANCELLED;
    }

    /**
     * The order's full refund is planned but not done (its storefront call has not succeeded yet): recorded before
     * the storefront is asked to pay the sale less the cases' refunds recorded until then, under the same row lock,
     * so this case's refund comes after it and would be withheld once the order is refunded. Until then it is neither
     * paid nor withheld: the step fails and is retried (its retry cycle, then an incident), since a plan whose call
     * never succeeds has paid the consumer nothing, and a case closed as paid back already cannot be taken back.
     */
    private void waitForAFullRefundUnderWay(OrderSummary order, AfterSalesCase<?> c) {
        orders.fullRefundPlanned(order.id()).ifPresent(closesAs -> {
            throw new FullRefundUnderWay(order.storefrontOrderId(), closesAs.name(), c.number());
        });
    }

    /** A case's refund that waits for its order's full refund, planned and not yet done. */
    static final class FullRefundUnderWay extends IllegalStateException {

        FullRefundUnderWay(String orderNumber, String closesAs, String caseNumber) {
            super("order " + orderNumber + " is being refunded in full (it closes " + closesAs + "), and the storefront has"
                    + " not confirmed it yet: " + caseNumber + "'s refund waits, and is withheld once the order is refunded."
                    + " If this is an incident, look at the order's incident at 'Refund consumer' first, then retry this one");
        }
    }

    /**
     * For the first line of the case whose pieces, with those the order's other cases paid back already,
     * are more than the order line has: "line 1 has 1 piece(s), 1 of them paid back already (DF-CL3; ...)".
     * Counted as intake counts the pieces cases hold ({@link PiecesHeld#firstShortfall}).
     */
    private Optional<Withheld> tooManyPaidBack(OrderSummary order, AfterSalesCase<?> c, List<CaseRefund> paid) {
        List<AfterSalesCase<?>> paying = paid.stream().<AfterSalesCase<?>>map(r -> cases.get(r.getCaseKind()).get(r.getCaseId()))
                .toList();
        return PiecesHeld.firstShortfall(order, c.getLines(), paying).map(s -> Withheld.paidBackByCases("line " + s.lineNo() + " has "
                + s.lineQuantity() + " piece(s), " + s.held() + " of them paid back already (" + String.join(", ", s.heldBy())
                + "; the consumer is paid back for a piece once); " + c.number() + " would pay back " + s.wanted() + " more", s));
    }
}
