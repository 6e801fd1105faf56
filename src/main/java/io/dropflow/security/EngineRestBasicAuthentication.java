package io.dropflow.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic on the engine's REST API ({@code /engine-rest}) as Camunda's own provider does it, but a login refused
 * for a user name says how the engine throttles logins (after a mistyped password it refuses every password for a
 * while), in the engine API's error format, with {@code Retry-After}, as Dropflow's own API does ({@link LoginRefused}).
 * Before, the right password just after a typo was a bare 401 without a word. The answer is the same whether the user
 * exists or not, throttled or not: one that depended on the user's lock told anyone which user ids exist (review s14
 * F7). Camunda's filter makes it by its class name.
 */
public class EngineRestBasicAuthentication extends HttpBasicAuthenticationProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether this thread's request was refused for a user name, between the filter's two calls. */
    private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        if (result.isAuthenticated() || result.getAuthenticatedUser() == null) {
            REFUSED.remove();
        } else {
            REFUSED.set(Boolean.TRUE);
        }
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        super.augmentResponseByAuthenticationChallenge(response, engine);
        boolean refused = Boolean.TRUE.equals(REFUSED.get());
        REFUSED.remove();
        if (!refused) {
            return;
        }
        LoginRefused refusal = new LoginRefused(engine.getProcessEngineConfiguration());
        response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "AuthenticationException");
        error.put("message", refusal.detail());
        error.put("code", null);
        try {
            response.getWriter().write(JSON.writeValueAsString(error));
        } catch (JsonProcessingException cannotBe) {
            throw new IllegalStateException(cannotBe);
        } catch (IOException gone) {
            // the client left: nothing to tell
        }
    }
}
