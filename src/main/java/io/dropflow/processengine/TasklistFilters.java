package io.dropflow.processengine;

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
 * Creates the shared Tasklist filters at start-up. A fresh Tasklist without a filter lists
 * nothing, so an operator who logs in would see an empty page.
 */
@Component
public class TasklistFilters {

    static final String MY_GROUPS_TASKS = "My group's tasks";

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
        if (filters.createFilterQuery().filterName(MY_GROUPS_TASKS).count() > 0) {
            return;
        }
        TaskQuery myGroups = tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByDueDate().asc()
                .orderByTaskCreateTime().asc();
        Filter filter = filters.newTaskFilter(MY_GROUPS_TASKS)
                .setQuery(myGroups)
                .setProperties(Map.of("description", "Tasks for the groups I belong to, most urgent first",
                        "priority", -10, "refresh", true, "color", "#2b6cb0"));
        filters.saveFilter(filter);

        Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setUserId(Authorization.ANY);
        everyone.setResource(Resources.FILTER);
        everyone.setResourceId(filter.getId());
        everyone.addPermission(Permissions.READ);
        authorizations.saveAuthorization(everyone);
    }
}
