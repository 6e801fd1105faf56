package io.dropflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * A page for a person in a browser, answered by the error page instead of a problem, where a refusal is met in a
 * webapp rather than by an API client: a browser that asks for HTML ({@code Accept: text/html}) gets it; any other
 * caller keeps the problem. A feature that knows why such a refusal happens (the webapps' login) supplies one.
 */
public interface BrowserErrorPage {

    /**
     * The HTML page (a whole document) for this refused request, or empty if this one has nothing to say of it.
     *
     * @param status the status the request was refused with
     * @param path the path refused (without the query)
     */
    Optional<String> html(HttpServletRequest request, int status, String path);
}
