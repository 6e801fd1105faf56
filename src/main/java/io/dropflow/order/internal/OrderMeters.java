package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order module's meters: orders by status ({@code dropflow_orders}, counted every
 * {@code dropflow.metrics.refresh-every} by one grouped query, never per scrape), orders closed by
 * outcome ({@code dropflow_orders_closed_total}), and the time from intake to each milestone
 * ({@code dropflow_order_lead_time_seconds}, a histogram by milestone). Tags are bounded: statuses,
 * outcomes, milestones; never an order id.
 */
@Component
class OrderMeters {

    static final String ORDERS = "dropflow.orders";
    static final String CLOSED = "dropflow.orders.closed";
    static final String LEAD_TIME = "dropflow.order.lead.time";

    private final EntityManager entities;
    private final MeterRegistry registry;
    private final Map<OrderStatus, AtomicLong> byStatus = new EnumMap<>(OrderStatus.class);

    OrderMeters(EntityManager entities, MeterRegistry registry) {
        this.entities = entities;
        this.registry = registry;
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status, registry.gauge(ORDERS, Tags.of("status", status.name()), new AtomicLong()));
            if (status.isClosed()) {
                closed(status);
            }
        }
        for (String milestone : new String[] {"forwarded", "shipped", "delivered", "settled"}) {
            leadTime(milestone);
        }
    }

    @Scheduled(fixedDelayString = "${dropflow.metrics.refresh-every:PT30S}", initialDelayString = "PT10S")
    @Transactional(readOnly = true)
    public void refresh() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (Object[] row : entities.createQuery("select o.status, count(o) from Order o group by o.status",
                Object[].class).getResultList()) {
            counts.put((OrderStatus) row[0], (Long) row[1]);
        }
        byStatus.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status, 0L)));
    }

    /** An order reached {@code status}, {@code sinceIntake} after it came in (called once its change committed). */
    void reached(OrderStatus status, Duration sinceIntake) {
        String milestone = switch (status) {
            case FORWARDED -> "forwarded";
            case SHIPPED -> "shipped";
            case DELIVERED, COLLECTED -> "delivered";
            case SETTLED -> "settled";
            default -> null;
        };
        if (milestone != null) {
            leadTime(milestone).record(sinceIntake);
        }
        if (status.isClosed()) {
            closed(status).increment();
        }
    }

    private Counter closed(OrderStatus outcome) {
        return Counter.builder(CLOSED).description("Orders closed, by outcome")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Timer leadTime(String milestone) {
        return Timer.builder(LEAD_TIME).description("Time from an order's intake to a milestone")
                .tag("milestone", milestone).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(60))
                .register(registry);
    }
}
