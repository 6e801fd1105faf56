package io.dropflow.processengine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A step needs a process variable that is not there: a model and its Java code disagree. The
 * message names the variable and the step, so the incident in Cockpit says what to fix.
 */
public class MissingProcessVariable extends IllegalStateException {

    MissingProcessVariable(String name, VariableScope scope) {
        super("process variable '" + name + "' is missing" + where(scope));
    }

    private static String where(VariableScope scope) {
        if (scope instanceof DelegateExecution execution) {
            return " at " + execution.getCurrentActivityId() + " of " + execution.getProcessDefinitionId()
                    + " (business key " + execution.getProcessBusinessKey() + ")";
        }
        if (scope instanceof DelegateTask task) {
            return " in task " + task.getTaskDefinitionKey() + " of " + task.getProcessDefinitionId();
        }
        return "";
    }
}
