package io.dropflow.processengine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Something a feature keeps true while one user task of its model is open, such as a mark on a row of its own: told in
 * the step's transaction when the task's activity starts and when it ends, however it ends (completed, cancelled by a
 * boundary event, its instance deleted, in Cockpit with "skip custom listeners" too). It holds for every deployed
 * version of the model, those deployed before the feature declared it as well: the engine adds it as it reads the
 * model ({@link WhileUserTaskOpenListeners}), nothing in the model's XML names it. A feature declares it as a bean,
 * made before the engine: it takes the services it calls lazily.
 */
public interface WhileUserTaskOpen {

    /** The process whose user task it is. */
    String processKey();

    /** The user task. */
    ModelElement task();

    /** The task's activity started. */
    void opened(DelegateExecution execution);

    /** The task's activity ended. */
    void ended(DelegateExecution execution);
}
