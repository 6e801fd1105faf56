package io.dropflow.processengine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropflow.web.RequestWithBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request to the engine API that the engine would refuse with an exception answered 500 and logged at ERROR
 * (ENGINE-16004), answered instead before the engine is called: a 400 in the engine REST API's own error shape
 * ({@code {"type": "InvalidRequestException", "message": …}}) saying why. A request it does not refuse goes on with
 * its body as sent.
 */
abstract class EngineRequestRefusal extends OncePerRequestFilter {

    /** Reads request bodies; also for the subclasses. */
    protected final ObjectMapper json = new ObjectMapper();

    /** Why the engine would refuse this request, in words; empty when it goes on to the engine. */
    protected abstract Optional<String> refusal(HttpServletRequest request, byte[] body);

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        Optional<String> refused = refusal(request, body);
        if (refused.isPresent()) {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("type", "InvalidRequestException");
            answer.put("message", refused.get());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(answer));
            return;
        }
        chain.doFilter(new RequestWithBody(request, body), response);
    }
}
