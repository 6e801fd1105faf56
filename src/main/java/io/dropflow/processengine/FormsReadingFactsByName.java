package io.dropflow.processengine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Whether a task's form comes from a deployment made before a task's facts became one variable
 * (ADR 20). Such forms read each fact by its own name ({@code {{orderNumber}}}, {@code =history});
 * a process instance still running on that model version keeps creating tasks with them (forms
 * are bound to their deployment), so {@link FormFacts#setLocal} gives those tasks one variable per
 * fact, as before. Known per model version, from its deployment: a deployment whose forms all lack
 * {@code facts.} is of that kind. Process definition ids end in a UUID (the engine's strong id
 * generator), so one answer per id holds for the whole JVM, and a task of a version already asked
 * about costs a map lookup.
 */
final class FormsReadingFactsByName {

    private static final Map<String, Boolean> BY_PROCESS_DEFINITION = new ConcurrentHashMap<>();

    private FormsReadingFactsByName() {
    }

    /**
     * True when {@code task}'s model version was deployed with forms that read each fact by name.
     * Task listeners run without the current user's authorization checks (the engine's default,
     * {@code authorizationEnabledForCustomCode=false}), so an operator who may not read deployments
     * still creates such a task (FormFactsLayoutTest).
     */
    static boolean formOf(DelegateTask task) {
        if (task.getProcessDefinitionId() == null || task.getProcessEngineServices() == null) {
            return false;
        }
        RepositoryService repository = task.getProcessEngineServices().getRepositoryService();
        return BY_PROCESS_DEFINITION.computeIfAbsent(task.getProcessDefinitionId(), id -> readByName(repository, id));
    }

    private static boolean readByName(RepositoryService repository, String processDefinitionId) {
        Map<String, String> forms = DeployedForms.of(repository, processDefinitionId);
        return !forms.isEmpty() && forms.values().stream().noneMatch(form -> form.contains("facts."));
    }
}
