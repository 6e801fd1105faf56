package io.dropflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The error pages of what no controller answers, as problem details like every other refusal, where Spring or
 * Tomcat answered in their own formats before:
 * <ul>
 * <li>a URL Spring Security's firewall refuses ({@code %2e%2e}, {@code ;jsessionid=}, {@code //}, {@code %25}):
 * a 400 {@code invalid-request} ({@link RequestRejectedHandler}); a method it does not let through ({@code TRACE},
 * {@code PROPFIND}) a 405 {@code method-not-allowed};</li>
 * <li>whatever reaches the error page ({@code /error}: a filter's exception, a servlet's {@code sendError}):
 * the problem of its status, where Spring Boot answered {@code {"timestamp": …, "error": …}};</li>
 * <li>what Tomcat refuses before any filter (an encoded {@code /} or NUL, bytes that are not UTF-8 in the path):
 * the problem of its status from the host's error report ({@link TomcatProblemReport}), not Tomcat's HTML page.</li>
 * </ul>
 */
@Configuration
class ErrorPages {

    /** Spring Security's firewall refused the URL. */
    static final String UNREADABLE_URL = "the URL is not taken: it holds an encoded '%', '.' or '..' segments, a ';'"
            + " parameter or a '//'; Dropflow's paths never need them";

    /** Tomcat refused the request before it reached Dropflow: its URL, its size or its form. */
    static final String UNREADABLE_REQUEST = "the request cannot be read: its URL holds a space, an encoded '/' or NUL"
            + " or bytes that are not UTF-8 (Dropflow's paths never need them), its request line or headers are larger"
            + " than 8 KB, or it is not well-formed HTTP/1.1 (a header line without ':', no Host header)";

    /** The methods Spring Security's firewall lets through (StrictHttpFirewall's default): any other is refused. */
    static final java.util.List<String> FIREWALL_METHODS = java.util.List.of("GET", "HEAD", "POST", "PUT", "PATCH",
            "DELETE", "OPTIONS");

    /**
     * A URL the firewall refuses is a 400 saying what in a URL is not taken; a method it refuses (TRACE, PROPFIND, any
     * of a client's own) a 405 {@code method-not-allowed} with {@code Allow}, as a method a path does not take is,
     * where it was the same 400 blaming the URL.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> {
            if (!FIREWALL_METHODS.contains(request.getMethod())) {
                response.setHeader(org.springframework.http.HttpHeaders.ALLOW, String.join(", ", FIREWALL_METHODS));
                ProblemDetail problem = ProblemTypes.ofStatus(HttpStatus.METHOD_NOT_ALLOWED.value(), "the method "
                        + printable(request.getMethod()) + " is not one Dropflow takes; each path takes some of "
                        + String.join(", ", FIREWALL_METHODS) + " (its Allow header says which)");
                try {
                    problem.setInstance(URI.create(request.getRequestURI()));
                } catch (IllegalArgumentException notAUri) {
                    // no instance then: the path is not one a URI can hold
                }
                ProblemTypes.write(response, problem);
                return;
            }
            write(response, HttpStatus.BAD_REQUEST, UNREADABLE_URL);
        };
    }

    /** A method as the client sent it, cut short and without control characters: it is echoed back. */
    private static String printable(String method) {
        String shown = method.replaceAll("[^\\x21-\\x7e]", "?");
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatReportsProblems() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(TomcatProblemReport.class.getName());
            }
        });
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemTypes.write(response, ProblemTypes.ofStatus(status.value(), detail));
    }

    /** What a status says when nothing more is known: its detail of the error page. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is not what this path takes";
            case 404 -> "no endpoint here; the API is described at /swagger-ui.html";
            case 500 -> "unexpected error; nothing was lost, the request can be retried";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known != null ? known.getReasonPhrase() : "error " + status;
            }
        };
    }

    /** Whether the caller is a browser asking for a page ({@code Accept} names {@code text/html}). */
    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader(org.springframework.http.HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /**
     * Spring Boot's error page ({@code server.error.path}, {@code /error}), as a problem of the status it was sent
     * with. {@link ServerErrorLog} logs a server error reaching it.
     */
    @RestController
    static class ProblemErrorPage implements ErrorController {

        private final ErrorAttributes errors;
        private final java.util.List<BrowserErrorPage> pages;

        ProblemErrorPage(ErrorAttributes errors, java.util.List<BrowserErrorPage> pages) {
            this.errors = errors;
            this.pages = pages;
        }

        @RequestMapping("${server.error.path:${error.path:/error}}")
        ResponseEntity<?> error(HttpServletRequest request) {
            Map<String, Object> attributes = errors.getErrorAttributes(new ServletWebRequest(request),
                    ErrorAttributeOptions.defaults());
            // Not sent here by an error (a client asking for /error itself): there is no endpoint there
            int status = attributes.get("status") instanceof Integer sent && HttpStatus.resolve(sent) != null ? sent
                    : 404;
            String refused = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path ? path
                    : null;
            if (refused != null && wantsHtml(request)) {
                for (BrowserErrorPage page : pages) {
                    java.util.Optional<String> html = page.html(request, status, refused);
                    if (html.isPresent()) {
                        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML,
                                java.nio.charset.StandardCharsets.UTF_8)).body(html.get());
                    }
                }
            }
            ProblemDetail problem = ProblemTypes.ofStatus(status, detail(status));
            if (attributes.get(ServerErrorLog.REFERENCE) instanceof String reference) {
                // the reference the error is logged under (ServerErrorLog), as ApiProblems gives a controller's 500
                problem.setDetail(detail(status) + (status == 500 ? ". Reference " : "; reference ") + reference);
                problem.setProperty("reference", reference);
            }
            if (status == 404) {
                problem.setType(ApiProblem.type(ProblemTypes.NO_ENDPOINT));
                problem.setTitle("No endpoint");
            }
            if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
                problem.setInstance(URI.create(path.replace(" ", "%20")));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
