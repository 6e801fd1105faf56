package io.dropflow.order.process;

import io.dropflow.order.process.OrderFulfillmentProcess.Element;
import io.dropflow.processengine.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Ship-by deadlines as they are reached ({@code dropflow_ship_by_events_total} by event: reminder,
 * breach, escalation), from the engine's history events of the model's own elements (the reminder
 * task, the deadline's boundary timer, the escalation task), counted once their step committed.
 * A history event handler this engine plugin adds to the engine itself (the Spring Boot starter
 * would take only one handler bean, so none is a bean): the starter's Spring eventing of history
 * events, which published every event of every process to find these few, is off
 * ({@code camunda.bpm.eventing.history} in application.yaml).
 */
@Component
class ShipByMeters extends AbstractProcessEnginePlugin {

    static final String METRIC = "dropflow.ship.by.events";

    private final Map<String, Counter> byElement;

    ShipByMeters(MeterRegistry registry) {
        this.byElement = Map.of(
                Element.REMIND_SUPPLIER.id(), counter(registry, "reminder"),
                Element.SHIP_BY_DEADLINE.id(), counter(registry, "breach"),
                Element.ESCALATE_TO_SUPERVISORS.id(), counter(registry, "escalation"));
    }

    private static Counter counter(MeterRegistry registry, String event) {
        return Counter.builder(METRIC).description("Ship-by deadline reminders, breaches and escalations")
                .tag("event", event).register(registry);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getCustomHistoryEventHandlers().add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                if (event instanceof HistoricActivityInstanceEventEntity activity) {
                    on(activity);
                }
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
    }

    private void on(HistoricActivityInstanceEventEntity activity) {
        if (!HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(activity.getEventType())
                || !OrderFulfillmentProcess.PROCESS_KEY.equals(activity.getProcessDefinitionKey())) {
            return;
        }
        Counter counter = byElement.get(activity.getActivityId());
        if (counter == null) {
            return;
        }
        AfterCommit.run(counter::increment);
    }
}
