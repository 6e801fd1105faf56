package io.dropflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * Who is logged in to Camunda's webapps (Tasklist, Cockpit, Admin) in this request's HTTP session:
 * the webapps keep their logins there, one per engine ({@link Authentications}, written by their
 * login and removed by their logout). The only class of Dropflow that reads the webapps' internals,
 * so that a move to a Camunda fork changes this class alone. It answers the user's id and nothing
 * else: the groups the webapp cached at login are not used, they are read again from the engine.
 */
@Component
class CamundaWebappLogin {

    private final String engineName;

    CamundaWebappLogin(ProcessEngine engine) {
        this.engineName = engine.getName();
    }

    /**
     * The user logged in to the webapps on our engine, if the request belongs to such a session. Never
     * creates a session; a session without the webapps' logins gets their empty list, as the webapps
     * give it at their own first request.
     */
    Optional<String> userOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentication login = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        if (!(login instanceof UserAuthentication user) || user.getIdentityId() == null) {
            return Optional.empty();
        }
        return Optional.of(user.getIdentityId());
    }

    /**
     * The webapps the user logged in to this request's session may open ({@code tasklist}, {@code cockpit},
     * {@code admin}, {@code welcome}), as the webapps decided at login and check on each page; empty if nobody is.
     */
    java.util.Set<String> appsOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return java.util.Set.of();
        }
        Authentication login = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        return login instanceof UserAuthentication user && user.getAuthorizedApps() != null
                ? java.util.Set.copyOf(user.getAuthorizedApps()) : java.util.Set.of();
    }
}
