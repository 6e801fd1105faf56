package io.dropflow.processengine;

import java.util.ArrayList;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** A plugin's hook into every user task the engine parses, after the engine's own parsing. */
final class UserTaskParsing {

    private UserTaskParsing() {
    }

    /** Calls {@code onTask} with each user task's XML and behaviour (to add listeners to), as models deploy. */
    static void onEveryUserTask(ProcessEngineConfigurationImpl configuration,
            BiConsumer<Element, UserTaskActivityBehavior> onTask) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    onTask.accept(userTask, behavior);
                }
            }
        });
    }
}
