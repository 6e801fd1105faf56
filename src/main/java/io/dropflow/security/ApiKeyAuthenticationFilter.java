package io.dropflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an integration by its API key ({@code X-Api-Key: <key>} or
 * {@code Authorization: Bearer <key>}), with its scopes as authorities. A key never goes near the
 * engine's users, so the engine's login throttling after a person's wrong passwords cannot lock it.
 * A request without a key goes on to HTTP Basic; a wrong or revoked key is a 401.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeyRegistry registry;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeyRegistry registry, AuthenticationEntryPoint entryPoint) {
        this.registry = registry;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presented(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = registry.active(presented);
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new ApiKeyRefused());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new KeyAuthentication(key.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static String presented(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return null;
    }

    /** An integration, named {@code api-key:<name>} wherever a caller's name is recorded. */
    static final class KeyAuthentication extends AbstractAuthenticationToken {

        private final String name;

        KeyAuthentication(ApiKey key) {
            super(key.getScopes().stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList());
            this.name = "api-key:" + key.getName();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return name;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
