package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A server error that reaches Spring Boot's error page from outside Spring MVC (here: the webapps' Admin
 * API servlet failing to initialise, as it did when Camunda's webapp registrations were gone) is logged
 * with the request, the servlet and the exception; the error page's answer stays Boot's own.
 */
class ServerErrorLogTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ServerErrorLog.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aServletsExceptionIsLoggedWithItsRequestAndCause() {
        var cause = new NullPointerException("Admin.getRuntimeDelegate() is null");
        var request = errorDispatch(500, "Admin Api", "/camunda/api/admin/auth/user/default/login/tasklist");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                new ServletException("Servlet.init() for servlet [Admin Api] threw exception", cause));

        var answer = new ServerErrorLog().getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());

        assertThat(answer).containsEntry("status", 500).doesNotContainKey("exception").doesNotContainKey("trace");
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage())
                    .contains("POST /camunda/api/admin/auth/user/default/login/tasklist answered 500 (servlet Admin Api)");
            assertThat(event.getThrowableProxy().getCause().getMessage()).isEqualTo(cause.getMessage());
        });
    }

    /**
     * The reference it is logged under goes into the attributes the error page answers from (a 500 raised while a
     * login was checked had none, exploratory test s14 production, 8), the same for every call of one request.
     */
    @Test
    void theReferenceLoggedIsTheOneTheAnswerGets() {
        var request = errorDispatch(500, "dispatcherServlet", "/api/orders/2");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("database down"));
        ServerErrorLog errors = new ServerErrorLog();

        var answer = errors.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
        var again = errors.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());

        assertThat(answer.get("reference")).asString().matches("[0-9a-f-]{36}");
        assertThat(again).containsEntry("reference", answer.get("reference"));
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .isEqualTo("POST /api/orders/2 answered 500 (servlet dispatcherServlet), reference " + answer.get("reference"));
    }

    @Test
    void aServerErrorSentWithoutAnExceptionIsLoggedToo() {
        new ServerErrorLog().getErrorAttributes(
                new ServletWebRequest(errorDispatch(503, "Engine Api", "/camunda/api/engine/engine/default/task")),
                ErrorAttributeOptions.defaults());

        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("answered 503 (servlet Engine Api) without an exception");
    }

    @Test
    void aClientErrorIsNotLogged() {
        new ServerErrorLog().getErrorAttributes(
                new ServletWebRequest(errorDispatch(401, "Admin Api", "/camunda/api/admin/auth/user/default/login/tasklist")),
                ErrorAttributeOptions.defaults());

        assertThat(logged.list).isEmpty();
    }

    private static MockHttpServletRequest errorDispatch(int status, String servlet, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_SERVLET_NAME, servlet);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        return request;
    }
}
