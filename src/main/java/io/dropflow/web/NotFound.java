package io.dropflow.web;

import org.springframework.http.HttpStatus;

/**
 * A lookup found nothing: a 404 that names what was looked for and by which key ("no order 42"),
 * never a bare "No value present". Lookups in every feature throw it, so a job that meets a missing
 * row fails with the same words an API caller reads.
 */
public class NotFound extends ApiProblem {

    private NotFound(String resource, Object key, String detail) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
        property("resource", resource);
        property("key", String.valueOf(key));
    }

    /** "no order 42". */
    public static NotFound of(String resource, Object key) {
        return new NotFound(resource, key, "no " + resource + " " + key);
    }

    /** With a detail of the caller's, e.g. "supplier ACME has no purchase order DF-1-PO1". */
    public static NotFound of(String resource, Object key, String detail) {
        return new NotFound(resource, key, detail);
    }
}
