package io.dropflow.web;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error page as it is, except that a server error reaching it is logged. Our controllers'
 * exceptions never get there ({@link ApiProblems} answers and logs them); what does comes from outside
 * Spring MVC: a filter that throws, one of Camunda's webapp servlets (Tasklist's page, a Jersey servlet
 * of the webapps' API that fails to initialise), or a servlet's {@code sendError(500)}. Tomcat hands these
 * to the error page without a log line of its own, so the caller's 500 was all anybody saw.
 */
@Component
class ServerErrorLog extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorLog.class);

    /** The error attribute (and request attribute) naming the reference a server error is logged under. */
    static final String REFERENCE = "reference";
    private static final String LOGGED_UNDER = ServerErrorLog.class.getName() + ".reference";

    /**
     * Also puts the {@link #REFERENCE} the error is logged under into the attributes, for the answer to name (as
     * {@link ApiProblems} does for a controller's): a 500 raised while a login was checked (the database down)
     * answered without one (exploratory test s14 production, 8). Logged once per request.
     */
    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        if (attributes.get("status") instanceof Integer status && status >= 500) {
            if (request.getAttribute(LOGGED_UNDER, RequestAttributes.SCOPE_REQUEST) instanceof String logged) {
                attributes.put(REFERENCE, logged);
                return attributes;
            }
            String reference = java.util.UUID.randomUUID().toString();
            request.setAttribute(LOGGED_UNDER, reference, RequestAttributes.SCOPE_REQUEST);
            attributes.put(REFERENCE, reference);
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
            Object servlet = request.getAttribute(RequestDispatcher.ERROR_SERVLET_NAME, RequestAttributes.SCOPE_REQUEST);
            Throwable error = getError(request);
            if (error != null) {
                log.error("{} {} answered {} (servlet {}), reference {}", method(request), path, status, servlet,
                        reference, error);
            } else {
                log.error("{} {} answered {} (servlet {}) without an exception: the servlet sent the error itself,"
                        + " reference {}", method(request), path, status, servlet, reference);
            }
        }
        return attributes;
    }

    private static String method(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getMethod() : "";
    }
}
