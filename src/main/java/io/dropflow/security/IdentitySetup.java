package io.dropflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the work groups and what they may do. Operators and supervisors may open Tasklist and
 * read process definitions (diagrams, forms); the tasks themselves they get through being a
 * task's candidate group, which the engine authorizes per task.
 */
@Component
class IdentitySetup {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void createGroups() {
        group(Groups.OPERATORS, "Operators");
        group(Groups.SUPERVISORS, "Supervisors");
        for (String g : new String[] {Groups.OPERATORS, Groups.SUPERVISORS}) {
            grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(g, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            grant(g, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        }
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).hasPermission(permission).count() > 0;
        if (!exists) {
            Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(groupId);
            a.setResource(resource);
            a.setResourceId(resourceId);
            a.addPermission(permission);
            authorizations.saveAuthorization(a);
        }
    }
}
