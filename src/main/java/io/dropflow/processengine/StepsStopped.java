package io.dropflow.processengine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A feature told of a step whose job ran out of tries (an incident in Cockpit), in the incident's transaction, so
 * that its record says so where operators and callers read it (an order's timeline).
 */
public interface StepsStopped {

    /**
     * @param execution where the step stopped (its variables, e.g. orderId)
     * @param step the step's name in the model (its id when unnamed)
     * @param process the process's name in the model
     */
    void stopped(DelegateExecution execution, String step, String process);
}
