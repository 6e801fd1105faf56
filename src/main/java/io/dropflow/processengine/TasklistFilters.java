package io.dropflow.processengine;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the shared Tasklist filters at start-up, readable by everyone: a fresh Tasklist without a
 * filter lists nothing, so an operator who logs in would see an empty page. Each lists the tasks of
 * the user's groups, in the order the operator picks with Tasklist's sort control (due date, priority,
 * created, …): a filter holds no sorting of its own, because the engine puts a filter's sorting before
 * the one Tasklist asks for, which then only broke ties (exploratory test s14 tasklist, defect 3).
 * Existing filters are left as they are, so changes made in Tasklist survive restarts; but for the
 * due-date sorting these filters held until then ({@link #fixedSorting}), which is taken out.
 */
@Component
public class TasklistFilters {

    static final String MY_GROUPS_TASKS = "My group's tasks";
    static final String SLA_BREACHES = "SLA breaches";
    static final String CLAIMS_AND_RETURNS = "Claims and returns";
    static final String SUPPLIER_ONBOARDING = "Supplier onboarding";
    static final String ASSIGNED_TO_ME = "Assigned to me";
    static final String MY_GROUPS_TASKS_DESCRIPTION = "Tasks for the groups I belong to";
    /** The description of "My group's tasks" while the filter sorted by due date itself; replaced with that sorting. */
    static final String MY_GROUPS_TASKS_EARLIER_DESCRIPTION = "Tasks for the groups I belong to, most urgent first";
    static final String SLA_BREACHES_DESCRIPTION = "Missed ship-by deadlines and stalled parcels";
    static final String CLAIMS_AND_RETURNS_DESCRIPTION = "Defect claims and return requests";
    static final String SUPPLIER_ONBOARDING_DESCRIPTION =
            "Supplier applications, and onboarded suppliers' papers and performance";
    static final String ASSIGNED_TO_ME_DESCRIPTION = "Tasks assigned to me, e.g. a group leader's receipt of a parcel";

    /** What operators read of the filters (names and descriptions), which forms/i18n translates. */
    static final List<String> OPERATOR_TEXTS = List.of(MY_GROUPS_TASKS, MY_GROUPS_TASKS_DESCRIPTION,
            SLA_BREACHES, SLA_BREACHES_DESCRIPTION, CLAIMS_AND_RETURNS, CLAIMS_AND_RETURNS_DESCRIPTION,
            SUPPLIER_ONBOARDING, SUPPLIER_ONBOARDING_DESCRIPTION, ASSIGNED_TO_ME, ASSIGNED_TO_ME_DESCRIPTION);

    /** Process keys of the after-sales processes. */
    public static final String[] AFTER_SALES_PROCESS_KEYS = {"defect_claim", "return_negotiation"};
    /** Process key of supplier onboarding (applications and onboarded suppliers' standing). */
    public static final String ONBOARDING_PROCESS_KEY = "supplier_onboarding";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void createFilters() {
        List.of(MY_GROUPS_TASKS, SLA_BREACHES, CLAIMS_AND_RETURNS, SUPPLIER_ONBOARDING, ASSIGNED_TO_ME)
                .forEach(this::dropFixedSorting);
        create(MY_GROUPS_TASKS, -10, "#2b6cb0", MY_GROUPS_TASKS_DESCRIPTION, myGroups());
        create(SLA_BREACHES, 0, "#c53030", SLA_BREACHES_DESCRIPTION,
                myGroups().taskVariableValueEquals(TasklistFilterProperty.NAME, TasklistFilterProperty.SLA_BREACH));
        create(CLAIMS_AND_RETURNS, 10, "#2f855a", CLAIMS_AND_RETURNS_DESCRIPTION,
                myGroups().processDefinitionKeyIn(AFTER_SALES_PROCESS_KEYS));
        create(SUPPLIER_ONBOARDING, 20, "#6b46c1", SUPPLIER_ONBOARDING_DESCRIPTION,
                myGroups().processDefinitionKey(ONBOARDING_PROCESS_KEY));
        // Group leaders' tasks are assigned to them, never offered to a group (one leader, one pickup point).
        create(ASSIGNED_TO_ME, 30, "#b7791f", ASSIGNED_TO_ME_DESCRIPTION,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    private TaskQuery myGroups() {
        return tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
    }

    private void create(String name, int position, String color, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", position, "refresh", true,
                        "color", color));
        filters.saveFilter(filter);

        Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setUserId(Authorization.ANY);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(filter.getId());
        everyone.addPermission(Permissions.READ);
        authorizations.saveAuthorization(everyone);
    }

    /** The sorting Dropflow's filters held until session 14: due date, then priority, then creation. */
    private List<String> fixedSorting() {
        return sorting((org.camunda.bpm.engine.impl.TaskQueryImpl) tasks.createTaskQuery().orderByDueDate().asc()
                .orderByTaskPriority().desc().orderByTaskCreateTime().asc());
    }

    private static List<String> sorting(org.camunda.bpm.engine.impl.TaskQueryImpl query) {
        return query.getOrderingProperties() == null ? List.of() : query.getOrderingProperties().stream()
                .map(o -> o.getQueryProperty().getName() + " " + o.getDirection().getName()).toList();
    }

    /**
     * Takes the sorting Dropflow stored in its filter {@code name} out of its query (and the description that promised
     * it), so that Tasklist's sort control orders the list; a filter whose sorting is anything else (changed through
     * the engine's API) is left as it is.
     */
    private void dropFixedSorting(String name) {
        for (Filter filter : filters.createFilterQuery().filterName(name).list()) {
            if (!(filter.getQuery() instanceof org.camunda.bpm.engine.impl.TaskQueryImpl query)
                    || !fixedSorting().equals(sorting(query))) {
                continue;
            }
            query.setOrderingProperties(new java.util.ArrayList<>());
            filter.setQuery(query);
            if (MY_GROUPS_TASKS_EARLIER_DESCRIPTION.equals(filter.getProperties().get("description"))) {
                Map<String, Object> properties = new java.util.HashMap<>(filter.getProperties());
                properties.put("description", MY_GROUPS_TASKS_DESCRIPTION);
                filter.setProperties(properties);
            }
            try {
                filters.saveFilter(filter);
            } catch (org.camunda.bpm.engine.OptimisticLockingException otherNode) {
                // another node starting at the same moment made the same change (review s14 F5)
            }
        }
    }
}
