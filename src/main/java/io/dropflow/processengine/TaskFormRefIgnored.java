package io.dropflow.processengine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropflow.web.RequestWithBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist sets a follow-up date by sending back the whole task as it read it ({@code PUT /task/{id}}),
 * form reference included; Camunda's engine API cannot read its own form reference back (its task's
 * field is an interface) and answers 400 for every task with a form, which all of Dropflow's have. A
 * PUT never changes a task's form (the model sets it), so the field is taken out of the body before the
 * engine API reads it; everything else reaches the engine, and its checks (PeoplesEngineCommands), as sent.
 */
final class TaskFormRefIgnored extends OncePerRequestFilter {

    /** A task itself on the engine REST API or the webapps' engine API, not one of its sub-resources. */
    private static final Pattern A_TASK = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/[^/]+/?$");
    private static final String FORM_REF = "camundaFormRef";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"PUT".equals(request.getMethod())
                || !A_TASK.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        try {
            JsonNode task = json.readTree(body);
            if (task instanceof ObjectNode fields && fields.remove(FORM_REF) != null) {
                body = json.writeValueAsBytes(fields);
            }
        } catch (JsonProcessingException notJson) {
            // the engine API answers a body it cannot read itself
        }
        chain.doFilter(new RequestWithBody(request, body), response);
    }
}
