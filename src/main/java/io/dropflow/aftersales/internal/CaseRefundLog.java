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

    /**
     * The order was refunded in full meanwhile, or its full refund is planned: recorded before the storefront is
     * asked to pay the sale less the cases' refunds recorded until then. The order's refund plans under the same
     * row lock, so a case's refund either sees the plan or comes first and is subtracted from it.
     */
    private Optional<Withheld> refundedInFull(OrderSummary order) {
        return (order.status() == OrderStatus.REFUNDED || order.status() == OrderStatus.CANCELLED
                ? Optional.of(order.status()) : orders.fullRefundPlanned(order.id()))
                .map(closed -> Withheld.orderRefundedInFull(order.storefrontOrderId(), closed.name()));
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
