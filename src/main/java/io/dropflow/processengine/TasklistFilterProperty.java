package io.dropflow.processengine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Lets a model put its user tasks into a shared Tasklist filter without naming conventions: a user
 * task that declares the extension property {@code tasklistFilter} (Modeler: Extension properties)
 * gets a task-local variable of that name and value when it is created, and {@link TasklistFilters}
 * queries it. Example: {@code <camunda:property name="tasklistFilter" value="sla_breach"/>} puts the
 * task into "SLA breaches".
 */
@Component
public class TasklistFilterProperty extends SpringProcessEnginePlugin {

    /** The extension property on the user task and the task-local variable it becomes. */
    public static final String NAME = "tasklistFilter";
    /** Value of the tasks "SLA breaches" lists: an operator decides on a missed deadline or a stuck parcel. */
    public static final String SLA_BREACH = "sla_breach";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskParsing.onEveryUserTask(configuration, (userTask, behavior) -> {
            String value = declaredValue(userTask);
            if (value != null) {
                behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE,
                        task -> task.setVariableLocal(NAME, value));
            }
        });
    }

    private static String declaredValue(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            if (NAME.equals(property.attribute("name"))) {
                return property.attribute("value");
            }
        }
        return null;
    }
}
