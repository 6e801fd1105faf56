package io.dropflow.processengine;

import io.dropflow.web.RequestWithBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body that is {@code null} on the engine REST API and the webapps' engine API is a 400, as on Dropflow's
 * own API: Camunda's resources read it as no request object and answered 500 with a NullPointerException (a task's
 * complete, submit-form, claim, identity links, a message's correlation: an exploratory test). Nothing was changed
 * by those requests; now they say what is wrong. Other bodies reach the engine API as sent.
 */
final class NullBodyRefused extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // POSTs and a task's PUT; a variable's PUT with null is answered by the write's own check (a 403 for a person)
        String type = request.getContentType();
        String path = request.getRequestURI();
        return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()) && !path.contains("ariables/"))
                || type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if ("null".equals(new String(body, StandardCharsets.UTF_8).strip())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"The request's body is"
                    + " null: send a JSON object, {} for one without fields\"}");
            return;
        }
        chain.doFilter(new RequestWithBody(request, body), response);
    }
}
