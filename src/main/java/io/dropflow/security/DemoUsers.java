package io.dropflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: {@code demo}/{@code demo} (administrator, created by the starter's admin-user
 * setting, here also operator and supervisor) and {@code mary}/{@code mary} (operator).
 */
@Component
@ConditionalOnProperty(name = "dropflow.demo.enabled", havingValue = "true")
class DemoUsers {

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    public void createDemoUsers() {
        user("mary", "Mary", "Operator", Groups.OPERATORS);
        membership("demo", Groups.OPERATORS);
        membership("demo", Groups.SUPERVISORS);
    }

    private void user(String id, String first, String last, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setPassword(id);
            user.setEmail(id + "@dropflow.example");
            identity.saveUser(user);
        }
        membership(id, group);
    }

    private void membership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).count() > 0
                && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }
}
