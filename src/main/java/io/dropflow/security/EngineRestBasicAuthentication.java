package io.dropflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic on the engine's REST API ({@code /engine-rest}) as Camunda's own provider does it, but a login refused
 * while the engine throttles the user (after a mistyped password it refuses every password for a while) says so, in
 * the engine API's error format, with {@code Retry-After}, as Dropflow's own API does ({@link LoginThrottled}). Before,
 * the right password just after a typo was a bare 401 without a word. Camunda's filter makes it by its class name.
 */
public class EngineRestBasicAuthentication extends HttpBasicAuthenticationProvider {

    /** The user whose login this thread's request was refused for, between the filter's two calls. */
    private static final ThreadLocal<String> REFUSED = new ThreadLocal<>();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        if (result.isAuthenticated() || result.getAuthenticatedUser() == null) {
            REFUSED.remove();
        } else {
            REFUSED.set(result.getAuthenticatedUser());
        }
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        super.augmentResponseByAuthenticationChallenge(response, engine);
        String user = REFUSED.get();
        REFUSED.remove();
        User found = user == null ? null : engine.getIdentityService().createUserQuery().userId(user).singleResult();
        Date until = found instanceof UserEntity entity ? entity.getLockExpirationTime() : null;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (until == null || !until.toInstant().isAfter(now)) {
            return;
        }
        LoginThrottled throttled = new LoginThrottled(until.toInstant(), now);
        response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String message = "unknown user or wrong password; after a failed login the engine refuses every password of"
                + " this user until " + throttled.until() + " (login throttling: try again then; after many failures an"
                + " administrator unlocks the user in Camunda Admin)";
        try {
            response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"" + message
                    + "\",\"code\":null}");
        } catch (IOException gone) {
            // the client left: nothing to tell
        }
    }
}
