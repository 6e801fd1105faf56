package io.dropflow.processengine;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History stays {@code full}, except for task-local variables: the engine's history handler writes
 * every history event but those of a variable that belongs to a user task (ADR 18). Dropflow's
 * task-local variables are the facts a task form shows ({@link FormFacts}: one JSON snapshot of the
 * business tables, read when the task is created) and the Tasklist filter's tag; each would cost an
 * {@code ACT_HI_VARINST} and an {@code ACT_HI_DETAIL} row and their byte arrays. What an operator
 * decides goes to the process instance and keeps its history; so do the task itself, its activity
 * instance and its form submission.
 */
@Component
class TaskVariablesWithoutHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The engine's own database handler is replaced by the same handler behind the filter;
        // other handlers (Spring's history eventing) still see every event.
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(0, new WithoutTaskVariables(new DbHistoryEventHandler()));
    }

    /** Passes every history event on but those of task-local variables. */
    static final class WithoutTaskVariables implements HistoryEventHandler {

        private final HistoryEventHandler database;

        WithoutTaskVariables(HistoryEventHandler database) {
            this.database = database;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!ofTaskVariable(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        static boolean ofTaskVariable(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null;
        }
    }
}
