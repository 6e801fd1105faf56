package io.dropflow.order.process;

import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.processengine.CountedElements;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Ship-by deadlines as they are reached ({@code dropflow_ship_by_events_total} by event: reminder,
 * breach, escalation): the model's own elements (the reminder task, the deadline's boundary timer,
 * the escalation task), counted by processengine from the engine's history events once their step
 * committed.
 */
@Component
class ShipByMeters implements CountedElements {

    static final String METRIC = "dropflow.ship.by.events";

    private final Map<Element, Counter> counters;

    ShipByMeters(MeterRegistry registry) {
        this.counters = Map.of(
                Element.REMIND_SUPPLIER, counter(registry, "reminder"),
                Element.SHIP_BY_DEADLINE, counter(registry, "breach"),
                Element.ESCALATE_TO_SUPERVISORS, counter(registry, "escalation"));
    }

    private static Counter counter(MeterRegistry registry, String event) {
        return Counter.builder(METRIC).description("Ship-by deadline reminders, breaches and escalations")
                .tag("event", event).register(registry);
    }

    @Override
    public String processKey() {
        return OrderFulfillmentProcess.PROCESS_KEY;
    }

    @Override
    public Map<Element, Counter> counters() {
        return counters;
    }
}
