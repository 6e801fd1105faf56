package io.dropflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the links of Tasklist's forms open with the operator's Tasklist login: a GET of one of
 * {@link ApiRoles#TASKLIST_LINKS} that brings no credentials of its own (HTTP Basic and API keys
 * come first) is authenticated as the user logged in to Camunda's webapps in the same HTTP
 * session. The user's groups are read from the engine as for HTTP Basic, so {@link ApiRoles}
 * requires the same role of both. Only GETs of those paths: a request that changes something is
 * never authorized by the session cookie, so no page elsewhere can make an operator's browser do
 * it (and the cookie is SameSite=Lax, set by the webapps).
 */
class TasklistSessionFilter extends OncePerRequestFilter {

    private static final RequestMatcher LINKS = new OrRequestMatcher(Arrays.stream(ApiRoles.TASKLIST_LINKS)
            .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path))
            .toList());

    private final CamundaWebappLogin webapps;
    private final EngineUserAuthentication users;

    TasklistSessionFilter(CamundaWebappLogin webapps, EngineUserAuthentication users) {
        this.webapps = webapps;
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LINKS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            Optional<String> user = webapps.userOf(request).filter(users::exists);
            if (user.isPresent()) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user.get(), null, users.groupsOf(user.get())));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
