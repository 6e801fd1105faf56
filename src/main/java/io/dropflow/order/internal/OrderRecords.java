package io.dropflow.order.internal;

import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderSummary;
import io.dropflow.order.OrderTimeline;
import io.dropflow.web.NotFound;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Orders and their timelines on their tables, for the order feature and the others. */
@Service
class OrderRecords implements OrderLookup, OrderTimeline, OrderProgress {

    private final Orders orders;
    private final TimelineEntries timeline;
    private final FullRefunds fullRefunds;
    private final Clock clock;

    OrderRecords(Orders orders, TimelineEntries timeline, FullRefunds fullRefunds, Clock clock) {
        this.orders = orders;
        this.fullRefunds = fullRefunds;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public OrderSummary order(Long orderId) {
        return orders.findById(orderId).map(Order::summary).orElseThrow(() -> NotFound.of("order", orderId));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY) // the lock is the caller's, held until its transaction ends
    public OrderSummary locked(Long orderId) {
        return orders.lockById(orderId).map(Order::summary).orElseThrow(() -> NotFound.of("order", orderId));
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<OrderStatus> fullRefundPlanned(Long orderId) {
        return fullRefunds.findById(orderId).map(FullRefund::getClosesAs);
    }

    @Override
    @Transactional
    public void moveTo(Long orderId, OrderStatus status) {
        orders.byId(orderId).moveTo(status, clock.instant());
    }

    @Override
    @Transactional
    public void moveAll(java.util.Collection<Long> orderIds, OrderStatus status) {
        if (!orderIds.isEmpty()) {
            orders.moveAll(orderIds, status, clock.instant(), java.util.Arrays.stream(OrderStatus.values())
                    .filter(OrderStatus::isClosed).toList());
        }
    }

    @Override
    @Transactional
    public void record(Long orderId, String what) {
        timeline.save(new TimelineEntry(orderId, what, clock.instant()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> of(Long orderId) {
        return timeline.findByOrderIdOrderById(orderId).stream().map(e -> new Entry(e.getAt(), e.getWhat())).toList();
    }
}
