package io.dropflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Partners authenticate webhook calls with a shared token in {@code X-Dropflow-Webhook-Token}.
 * (Per-partner signatures replace this when the real partner adapters arrive.)
 */
class WebhookTokenFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Dropflow-Webhook-Token";

    private final byte[] token;

    WebhookTokenFilter(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("dropflow.webhooks.token (DROPFLOW_WEBHOOK_TOKEN) must be set");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"missing or wrong " + HEADER + " header\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
