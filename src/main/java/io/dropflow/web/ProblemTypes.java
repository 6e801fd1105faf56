package io.dropflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem types of the answers that are not a feature's own {@link ApiProblem}: refused logins and webhook calls,
 * requests no endpoint takes, Spring's own refusals, our bugs. Every problem detail Dropflow answers has a type under
 * {@code https://dropflow.io/problems/} and a title, never {@code about:blank} or none; docs/api.md lists them
 * ("Problem types", kept true by ProblemTypesDocumentedTest).
 */
public final class ProblemTypes {

    /** Nobody logged in, a wrong password, an unknown or revoked API key. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** A partner's webhook call whose token or signature is missing or wrong. */
    public static final String WEBHOOK_UNAUTHORIZED = "webhook-unauthorized";
    /** Logged in, but not allowed. */
    public static final String FORBIDDEN = "forbidden";
    /** Something looked up (an order, a partner's account) is not there. */
    public static final String NOT_FOUND = "not-found";
    /** No endpoint at this path. */
    public static final String NO_ENDPOINT = "no-endpoint";
    /** Two writers changed the same data at once; the caller may retry. */
    public static final String CONCURRENT_CHANGE = "concurrent-change";
    /** Our bug, with a reference to the log. */
    public static final String INTERNAL_ERROR = "internal-error";

    /** The type and title of a refusal by its status, where nothing more specific says what it is. */
    private static final Map<Integer, String[]> BY_STATUS = Map.ofEntries(
            Map.entry(400, new String[] {"invalid-request", "Invalid request"}),
            Map.entry(401, new String[] {UNAUTHORIZED, "Unauthorized"}),
            Map.entry(403, new String[] {FORBIDDEN, "Forbidden"}),
            Map.entry(404, new String[] {NOT_FOUND, "Not found"}),
            Map.entry(405, new String[] {"method-not-allowed", "Method not allowed"}),
            Map.entry(406, new String[] {"not-acceptable", "Not acceptable"}),
            Map.entry(409, new String[] {"conflict", "Conflict"}),
            Map.entry(413, new String[] {"request-too-large", "Request too large"}),
            Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type"}),
            Map.entry(500, new String[] {INTERNAL_ERROR, "Internal error"}),
            Map.entry(503, new String[] {"unavailable", "Service unavailable"}));

    private static final URI BLANK = URI.create("about:blank");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemTypes() {
    }

    /** The names of the types of this class: its own and those it gives by status. */
    static java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.TreeSet<>(java.util.List.of(UNAUTHORIZED, WEBHOOK_UNAUTHORIZED,
                FORBIDDEN, NOT_FOUND, NO_ENDPOINT, CONCURRENT_CHANGE, INTERNAL_ERROR));
        BY_STATUS.values().forEach(typeAndTitle -> names.add(typeAndTitle[0]));
        return names;
    }

    /** A problem of one of our types. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ApiProblem.type(type));
        problem.setTitle(title);
        return problem;
    }

    /** A problem of the type and title of its status (e.g. 400: {@code invalid-request}, "Invalid request"). */
    public static ProblemDetail ofStatus(int status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(detail);
        String[] byStatus = BY_STATUS.get(status);
        if (byStatus != null) {
            problem.setType(ApiProblem.type(byStatus[0]));
            problem.setTitle(byStatus[1]);
        }
        return complete(problem);
    }

    /**
     * Gives a problem without a type ({@code about:blank}, Spring's default) the type of its status, and one without
     * a title its status's title. A problem with a type of its own keeps it.
     */
    public static ProblemDetail complete(ProblemDetail problem) {
        String[] byStatus = BY_STATUS.get(problem.getStatus());
        if (problem.getType() == null || BLANK.equals(problem.getType())) {
            problem.setType(ApiProblem.type(byStatus != null ? byStatus[0] : "http-" + problem.getStatus()));
        }
        if (problem.getTitle() == null || problem.getTitle().isBlank()) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(byStatus != null ? byStatus[1] : status != null ? status.getReasonPhrase() : "Error");
        }
        return problem;
    }

    /**
     * Answers the problem, for the filters and handlers that write their answer themselves: its status,
     * {@code application/problem+json} in UTF-8, and {@link #json}. Headers are the caller's, set before.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem)
            throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
        response.getWriter().write(json(problem));
    }

    /** The problem as JSON, for the filters that write their answer themselves (RFC 7807's members only). */
    public static String json(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        try {
            return JSON.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
