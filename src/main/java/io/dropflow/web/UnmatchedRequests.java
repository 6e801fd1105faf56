package io.dropflow.web;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests no endpoint takes (an unknown path, a method or content type the path does not accept)
 * as problem details too. Spring refuses them before choosing a controller, so {@link ApiProblems},
 * which advises our controllers only, never sees them, and Spring Boot's error page would answer.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedRequests {

    /**
     * Files larger than a request may carry (spring.servlet.multipart.max-request-size): Spring refuses
     * them while reading the request, before any controller.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        String partHeaderLimit = partHeaderLimit(e);
        if (partHeaderLimit != null) {
            return invalid("a part's headers (its name, file name and type) are longer than the " + partHeaderLimit
                    + " bytes a part's headers may be: send the file under a shorter name");
        }
        ProblemDetail problem = ProblemTypes.complete(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the request is larger than a request may be; send fewer or smaller files"));
        problem.setTitle("Request too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    /**
     * A multipart body Tomcat cannot read (no boundary, a part cut off, a file name with a NUL character): the
     * caller's fault, refused while Spring reads the request, before any controller. Larger than allowed is
     * {@link #tooLarge}.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFileNameException invalidName) {
                return invalid("the file name \"" + UploadedFile.kept(invalidName.getName()).replace("\0", "\\0")
                        + "\" of a part contains a NUL character (\\0): send the file under a name without it");
            }
        }
        return invalid("the multipart body cannot be read (no boundary, a part cut off, or not the multipart/form-data"
                + " it is declared as): send the whole request again");
    }

    /** Tomcat's limit of a part's headers, read from its refusal ("Header section has more than 8192 bytes"). */
    private static String partHeaderLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher tomcat = PART_HEADERS_TOO_LONG.matcher(String.valueOf(t.getMessage()));
            if (tomcat.find()) {
                return tomcat.group(1);
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern PART_HEADERS_TOO_LONG =
            java.util.regex.Pattern.compile("Header section has more than (\\d+) bytes");

    private static ResponseEntity<ProblemDetail> invalid(String detail) {
        return ResponseEntity.badRequest().body(ProblemTypes.ofStatus(HttpStatus.BAD_REQUEST.value(), detail));
    }

    /**
     * The detail of a request without any Content-Type to an endpoint that needs one, naming what it takes, where
     * Spring said "Content-Type 'null' is not supported"; or with one Spring could not parse (an unknown charset),
     * saying what is wrong with it; null if a Content-Type was read or nothing is known.
     */
    static String noContentType(HttpMediaTypeNotSupportedException e) {
        if (e.getContentType() != null || e.getSupportedMediaTypes().isEmpty()) {
            return null;
        }
        String takes = "this endpoint takes " + org.springframework.util.MimeTypeUtils.toString(e.getSupportedMediaTypes());
        String unreadable = unreadableContentType(e);
        return unreadable != null ? unreadable + "; " + takes : "the request has no Content-Type; " + takes;
    }

    /**
     * Spring's words for a Content-Type it could not parse ({@code InvalidMediaTypeException}), which it refuses as if
     * there were none: {@code Invalid mime type "text/csv; charset=FOO-BAR": unsupported charset 'FOO-BAR'}.
     */
    private static final java.util.regex.Pattern UNPARSABLE = java.util.regex.Pattern.compile(
            "^Invalid mime type \"(.*)\": (.*)$", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern UNKNOWN_CHARSET = java.util.regex.Pattern.compile(
            "^unsupported charset '(.*)'$", java.util.regex.Pattern.DOTALL);
    /** A charset that is no charset's name ({@code charset="}): Spring's words are the name alone. */
    private static final java.util.regex.Pattern CHARSET = java.util.regex.Pattern.compile(
            "(?i);\\s*charset=([^;]*)");

    /**
     * What is wrong with a Content-Type that was sent but cannot be read (exploratory test s15 D6: {@code
     * application/json; charset=FOO-BAR} was answered "the request has no Content-Type"); null when none was sent.
     */
    private static String unreadableContentType(HttpMediaTypeNotSupportedException e) {
        java.util.regex.Matcher unparsable = UNPARSABLE.matcher(String.valueOf(e.getMessage()));
        if (!unparsable.find()) {
            return null;
        }
        java.util.regex.Matcher unknown = UNKNOWN_CHARSET.matcher(unparsable.group(2));
        java.util.regex.Matcher named = CHARSET.matcher(unparsable.group(1));
        if (unknown.find() || named.find()) {
            return "the Content-Type's charset " + (unknown.matches() ? unknown.group(1) : named.group(1).strip())
                    + " is not one Dropflow can read (e.g. UTF-8, ISO-8859-1)";
        }
        return "the Content-Type \"" + unparsable.group(1) + "\" cannot be read (" + unparsable.group(2) + ")";
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> unmatched(Exception e) {
        return problemOf(e);
    }

    /** The problem of a request refused before any controller (also that of a 415 a controller's advice meets). */
    static ResponseEntity<ProblemDetail> problemOf(Exception e) {
        org.springframework.web.ErrorResponse refused = (org.springframework.web.ErrorResponse) e;
        ProblemDetail problem = refused.getBody();
        if (e instanceof HttpMediaTypeNotSupportedException unsupported && noContentType(unsupported) != null) {
            problem.setDetail(noContentType(unsupported));
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            problem.setDetail("no endpoint here; the API is described at /swagger-ui.html");
            problem.setType(ApiProblem.type(ProblemTypes.NO_ENDPOINT));
            problem.setTitle("No endpoint");
        }
        ProblemTypes.complete(problem);
        return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders()).body(problem);
    }
}
