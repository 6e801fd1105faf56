package io.dropflow.processengine;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's login throttling, read where Dropflow checks passwords itself (its API's HTTP Basic):
 * after failed logins the engine refuses every password of a user for a delay that grows with each
 * failure, and an administrator unlocks a user that failed too often. The engine's public API does not
 * say until when; its user entity does, so that one internal read stays here, with the engine.
 */
@Component
public class LoginThrottling {

    private final IdentityService identity;
    private final Clock clock;

    LoginThrottling(IdentityService identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /** @return until when the engine refuses this user's passwords; empty when it does not now */
    public Optional<Instant> lockedUntil(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        User found = identity.createUserQuery().userId(userId).singleResult();
        Date until = found instanceof UserEntity entity ? entity.getLockExpirationTime() : null;
        return until == null || !until.toInstant().isAfter(clock.instant()) ? Optional.empty()
                : Optional.of(until.toInstant());
    }
}
