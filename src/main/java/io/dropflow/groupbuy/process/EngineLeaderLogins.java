package io.dropflow.groupbuy.process;

import io.dropflow.groupbuy.internal.LeaderLogins;
import io.dropflow.security.Groups;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** A leader's login is one of the engine's users, in the leaders group (Tasklist and the leader API need both). */
@Component
class EngineLeaderLogins implements LeaderLogins {

    private final IdentityService identity;

    EngineLeaderLogins(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Optional<String> problemWith(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            return Optional.of("there is no user " + userId + ": add the leader's login in Camunda Admin first");
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.LEADERS).count() == 0) {
            return Optional.of("user " + userId + " is not in group " + Groups.LEADERS
                    + ": add it in Camunda Admin, so the leader may use Tasklist and the leader API");
        }
        return Optional.empty();
    }
}
