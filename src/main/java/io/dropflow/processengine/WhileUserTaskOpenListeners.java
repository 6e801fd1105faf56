package io.dropflow.processengine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Adds each feature's {@link WhileUserTaskOpen} to its user task as the engine reads a model, as built-in execution
 * listeners of the task's activity (start and end, after the model's own): the engine runs those even where an operator
 * skips the custom listeners (Cockpit's modification and deletion).
 */
@Component
class WhileUserTaskOpenListeners extends SpringProcessEnginePlugin {

    private final List<WhileUserTaskOpen> spans;

    WhileUserTaskOpenListeners(List<WhileUserTaskOpen> spans) {
        this.spans = List.copyOf(spans);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (spans.isEmpty()) {
            return;
        }
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)) {
                    return;
                }
                for (WhileUserTaskOpen span : spans) {
                    if (span.processKey().equals(definition.getKey()) && span.task().id().equals(activity.getId())) {
                        ExecutionListener opened = span::opened;
                        ExecutionListener ended = span::ended;
                        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, opened);
                        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
                    }
                }
            }
        });
    }
}
