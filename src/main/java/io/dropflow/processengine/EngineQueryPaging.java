package io.dropflow.processengine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query's paging on the engine REST API and the webapps' engine API ({@code firstResult}, {@code maxResults}) is
 * a whole number from 0 to 2 147 483 647, or the answer is a 400 naming the parameter, the limit and what was sent.
 * Camunda reads both as Java {@code Integer} query parameters: text or a number beyond an int was a 404 "HTTP 404 Not
 * Found" (JAX-RS's answer to a query parameter it cannot convert, {@code QueryParamException}), as if the path did
 * not exist, and a negative one an empty list, which reads as "nothing there" (an exploratory test). The same for the
 * webapps' other APIs under {@code /camunda/api} (Cockpit's plugins page their lists the same way). Camunda's own
 * query parameters (a filter's value) are read by Camunda, which answers its own 400.
 */
final class EngineQueryPaging extends OncePerRequestFilter {

    /** The paging parameters of every list of the engine's APIs (and of their POST queries, as query parameters). */
    static final List<String> PAGING = List.of("firstResult", "maxResults");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || PAGING.stream().noneMatch(query::contains);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = refusal(request.getQueryString());
        if (refused != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            ObjectNode body = JSON.createObjectNode().put("type", "InvalidRequestException").put("message", refused);
            body.putNull("code");
            JSON.writeValue(response.getWriter(), body); // any character of what was sent, escaped as JSON wants
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with the query's paging, in the caller's terms; null when nothing is. */
    static String refusal(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!PAGING.contains(name)) {
                continue;
            }
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!fits(value)) {
                String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
                return name + " must be a whole number from 0 to " + Integer.MAX_VALUE + ", was \"" + shown + "\"";
            }
        }
        return null;
    }

    private static boolean fits(String value) {
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Long.parseLong(value) <= Integer.MAX_VALUE;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
