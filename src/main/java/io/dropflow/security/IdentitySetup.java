package io.dropflow.security;

import io.dropflow.security.IdentitySettings.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the configured work groups, their authorizations and the configured users at start-up.
 * Idempotent: what exists is left alone, what is missing is added, so an administrator's later
 * changes in Camunda Admin survive restarts. One permission is revoked: a model owner's DELETE on
 * deployments, which releases before December 2026 granted (a cascading delete ended every running
 * instance of the deployment, ADR 0024); deleting deployments is administrators' work.
 *
 * <p>Tasks themselves need no grant: the engine authorizes a task for the members of its
 * candidate group. A group that works in Tasklist may read the configured work groups, each by its id: their
 * id, name and type, not every group, and not the users (listing a group's members needs READ on users, which
 * these groups do not get). Tasklist names a task's candidate groups by what the viewer may read, and
 * showed a group leader the raw id "operators" on the receipt task assigned to him, an operator "supervisors" on
 * an escalated task (the engine lets a group's members read only their own group).
 */
@Component
class IdentitySetup {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final IdentitySettings settings;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, IdentitySettings settings) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void createGroupsAndUsers() {
        settings.groups().forEach((id, group) -> {
            group(id, group.name());
            grantRole(id, group.role());
        });
        settings.groups().forEach((id, group) -> {
            if (group.role() != Role.MODEL_OWNER) {
                settings.groups().keySet().forEach(other -> grant(id, Resources.GROUP, other, Permissions.READ));
            }
        });
        for (IdentitySettings.UserSettings user : settings.users()) {
            user(user);
        }
    }

    private void grantRole(String group, Role role) {
        grant(group, Resources.PROCESS_DEFINITION, Permissions.READ);
        grant(group, Resources.DEPLOYMENT, Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, Permissions.READ);
        switch (role) {
            case TASK_WORKER -> grantApplication(group, "tasklist");
            case SUPERVISOR -> {
                grantApplication(group, "tasklist");
                grantApplication(group, "cockpit");
                grant(group, Resources.PROCESS_DEFINITION, Permissions.READ_INSTANCE);
                grant(group, Resources.PROCESS_DEFINITION, Permissions.READ_HISTORY);
                grant(group, Resources.PROCESS_INSTANCE, Permissions.READ);
                grant(group, Resources.TASK, Permissions.READ);
            }
            case MODEL_OWNER -> {
                grantApplication(group, "cockpit");
                grant(group, Resources.DEPLOYMENT, Permissions.CREATE);
                revoke(group, Resources.DEPLOYMENT, Permissions.DELETE);
                grant(group, Resources.PROCESS_DEFINITION, Permissions.READ_INSTANCE);
                grant(group, Resources.PROCESS_DEFINITION, Permissions.READ_HISTORY);
                grant(group, Resources.PROCESS_INSTANCE, Permissions.READ);
                grant(group, Resources.DECISION_DEFINITION, Permissions.READ_HISTORY);
                grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);
            }
        }
    }

    /** Takes the permission off the group's grant on every resource of the type, when it holds it. */
    private void revoke(String groupId, Resource resource, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(Authorization.ANY).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            existing.removePermission(permission);
            authorizations.saveAuthorization(existing);
            log.info("Group {}: {} on every {} revoked (administrators' only since December 2026)", groupId,
                    permission.getName(), resource.resourceName());
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

    private void user(IdentitySettings.UserSettings settings) {
        boolean exists = identity.createUserQuery().userId(settings.id()).count() > 0;
        if (!exists && settings.password() != null) {
            User user = identity.newUser(settings.id());
            user.setFirstName(settings.firstName());
            user.setLastName(settings.lastName());
            user.setPassword(settings.password());
            user.setEmail(settings.id() + "@dropflow.example");
            identity.saveUser(user);
        } else if (!exists) {
            return; // only memberships were configured, for a user that is not there
        }
        for (String group : settings.groups()) {
            if (identity.createUserQuery().userId(settings.id()).memberOfGroup(group).count() == 0) {
                identity.createMembership(settings.id(), group);
            }
        }
    }

    private void grantApplication(String group, String application) {
        grant(group, Resources.APPLICATION, application, Permissions.ACCESS);
    }

    private void grant(String group, Resource resource, Permission permission) {
        grant(group, resource, Authorization.ANY, permission);
    }

    /** One authorization row per group, resource and id holds all its permissions: add to it. */
    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        if (existing == null) {
            Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(groupId);
            a.setResource(resource);
            a.setResourceId(resourceId);
            a.addPermission(permission);
            authorizations.saveAuthorization(a);
        } else if (!existing.isPermissionGranted(permission)) {
            existing.addPermission(permission);
            authorizations.saveAuthorization(existing);
        }
    }
}
