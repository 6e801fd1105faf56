package io.dropflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
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
    private final ProcessEngine engine;

    EngineUserAuthentication(IdentityService identity, ProcessEngine engine) {
        this.identity = identity;
        this.engine = engine;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (user == null || user.isBlank() || !identity.checkPassword(user, password)) {
            // the same for an unknown user as for a known one, throttled or not: nothing tells which user ids exist
            throw new LoginRefused(engine.getProcessEngineConfiguration());
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

    /** Whether the engine still knows this user (a user deleted after logging in to a webapp is not). */
    boolean exists(String user) {
        return identity.createUserQuery().userId(user).count() == 1;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
