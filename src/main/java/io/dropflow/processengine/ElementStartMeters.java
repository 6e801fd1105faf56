package io.dropflow.processengine;

import io.micrometer.core.instrument.Counter;
import java.util.HashMap;
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
 * Counts the starts of the elements features name ({@link CountedElements}), from the engine's history events,
 * each once its step committed. A history event handler this engine plugin adds to the engine itself (the Spring
 * Boot starter would take only one handler bean, so none is a bean): the starter's Spring eventing of history
 * events, which published every event of every process to find these few, is off
 * ({@code camunda.bpm.eventing.history} in application.yaml).
 */
@Component
class ElementStartMeters extends AbstractProcessEnginePlugin {

    /** By process key, then element id. */
    private final Map<String, Map<String, Counter>> counters = new HashMap<>();

    ElementStartMeters(List<CountedElements> counted) {
        counted.forEach(elements -> elements.counters().forEach((element, counter) -> counters
                .computeIfAbsent(elements.processKey(), key -> new HashMap<>()).put(element.id(), counter)));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (counters.isEmpty()) {
            return;
        }
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
        if (!HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(activity.getEventType())) {
            return;
        }
        Counter counter = counters.getOrDefault(activity.getProcessDefinitionKey(), Map.of()).get(activity.getActivityId());
        if (counter != null) {
            AfterCommit.run(counter::increment);
        }
    }
}
