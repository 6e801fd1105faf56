package io.dropflow.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates our API's HTTP Basic callers against the process engine's users, so there is one user
 * store; {@link TasklistSessionFilter} takes the groups of a user logged in to the webapps from here too.
 */
@Component
class EngineUserAuthentication implements AuthenticationProvider {

    private final IdentityService identity;
    private final Clock clock;

    EngineUserAuthentication(IdentityService identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (user == null || user.isBlank() || !identity.checkPassword(user, password)) {
            Instant now = clock.instant();
            lockedUntil(user, now).ifPresent(until -> {
                throw new LoginThrottled(until, now);
            });
            throw new BadCredentialsException("unknown user or wrong password");
        }
        return new UsernamePasswordAuthenticationToken(user, null, groupsOf(user));
    }

    /**
     * The user's groups as authorities {@code GROUP_<id>}, read from the engine at each request:
     * whoever authenticated a user (password or Tasklist login), the same groups decide what it may do.
     */
    List<SimpleGrantedAuthority> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(id -> new SimpleGrantedAuthority(Groups.GROUP + id))
                .toList();
    }

    /**
     * Until when the engine refuses every password of this user after failed logins (its login
     * throttling: a delay that grows with each failure; an administrator unlocks a user that failed too often).
     * The engine's public API does not tell (7.24: {@code User} has no lock time, {@code UserQuery} no filter on
     * it, and {@code checkPassword} only answers false), so this reads the engine's own user entity; where a
     * user is not one (another identity provider), no time is known and the caller gets the plain refusal.
     */
    private java.util.Optional<Instant> lockedUntil(String user, Instant now) {
        if (user == null || user.isBlank()) {
            return java.util.Optional.empty();
        }
        User found = identity.createUserQuery().userId(user).singleResult();
        Date until = found instanceof UserEntity entity ? entity.getLockExpirationTime() : null;
        return until == null || !until.toInstant().isAfter(now)
                ? java.util.Optional.empty() : java.util.Optional.of(until.toInstant());
    }

    /** Whether the engine still knows this user (a user deleted after logging in to a webapp is not). */
    boolean exists(String user) {
        return identity.createUserQuery().userId(user).count() == 1;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
