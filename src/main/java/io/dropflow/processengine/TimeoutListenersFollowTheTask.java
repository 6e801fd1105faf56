package io.dropflow.processengine;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * A user task marked {@code camunda:exclusive="false"} makes the jobs of its timeout task listeners
 * non-exclusive too. The engine reads "exclusive" for such a job only from the listener's own
 * {@code timerEventDefinition}, where Camunda Modeler does not know the attribute (the file then opens
 * with "Imported with 1 warning" and the setting is nowhere in the properties panel); on the task
 * Modeler knows it. Example: order-fulfillment's "Decide on missed ship-by deadline" (ADR 22): its
 * form's facts job is acquired by priority, not run at once in the deadline's thread.
 */
@Component
public class TimeoutListenersFollowTheTask extends SpringProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                if ("false".equals(userTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "exclusive"))) {
                    Map<String, Map<String, TimerDeclarationImpl>> byTask = activity.getProperties()
                            .get(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS);
                    Map<String, TimerDeclarationImpl> timeouts = byTask == null ? null : byTask.get(activity.getId());
                    if (timeouts != null) {
                        timeouts.values().forEach(timer -> timer.setExclusive(false));
                    }
                }
            }
        });
    }
}
