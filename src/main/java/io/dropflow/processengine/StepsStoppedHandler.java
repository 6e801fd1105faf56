package io.dropflow.processengine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A step whose job ran out of tries (an incident in Cockpit) is told to the features whose record the process is
 * about ({@link StepsStopped}), in the incident's transaction: an order held by an incident said nothing of it, its view
 * still "being forwarded" ten minutes after the last try (exploratory s14 production, 6). The engine's own handler
 * still creates the incident.
 */
@Component
class StepsStoppedHandler extends AbstractProcessEnginePlugin {

    private final ObjectProvider<StepsStopped> listeners;

    StepsStoppedHandler(ObjectProvider<StepsStopped> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.incident.IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) {
            @Override
            public Incident handleIncident(IncidentContext context, String message) {
                Incident incident = super.handleIncident(context, message);
                tell(context);
                return incident;
            }
        });
        configuration.setCustomIncidentHandlers(handlers);
    }

    private void tell(IncidentContext context) {
        if (context.getExecutionId() == null || Context.getCommandContext() == null) {
            return; // a job without an execution: a timer start event, a batch
        }
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                .findExecutionById(context.getExecutionId());
        if (execution == null) {
            return;
        }
        ActivityImpl activity = context.getActivityId() == null ? null
                : execution.getProcessDefinition().findActivity(context.getActivityId());
        String step = activity == null ? String.valueOf(context.getActivityId())
                : activity.getName() != null ? activity.getName() : activity.getId();
        String process = execution.getProcessDefinition().getName() != null ? execution.getProcessDefinition().getName()
                : execution.getProcessDefinition().getKey();
        listeners.orderedStream().forEach(listener -> listener.stopped(execution, step, process));
    }
}
