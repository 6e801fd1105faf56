package io.dropflow.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Work groups and users created at start-up ({@code dropflow.identity}).
 *
 * @param groups group id to its name and role; a group's authorizations follow from its role
 * @param users users to create (the demo profile's); production users are managed in Camunda Admin
 */
@ConfigurationProperties("dropflow.identity")
public record IdentitySettings(Map<String, GroupSettings> groups, List<UserSettings> users) {

    public IdentitySettings {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record GroupSettings(String name, Role role) {
    }

    /**
     * @param password null for an existing user (e.g. the administrator) that only joins groups
     */
    public record UserSettings(String id, String password, String firstName, String lastName, List<String> groups) {
        public UserSettings {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /** What a group's members may do in the webapps and the engine API. */
    public enum Role {
        /** Works the group's tasks in Tasklist: sees task forms and process diagrams, nothing in Cockpit or Admin. */
        TASK_WORKER,
        /** A task worker who also watches running orders in Cockpit (read only) and takes escalated tasks. */
        SUPERVISOR,
        /** Owns the models: reads everything in Cockpit and deploys new model versions. */
        MODEL_OWNER
    }
}
