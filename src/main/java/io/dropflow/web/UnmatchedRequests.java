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
     * Spring said "Content-Type 'null' is not supported"; null if a Content-Type was sent or nothing is known.
     */
    static String noContentType(HttpMediaTypeNotSupportedException e) {
        if (e.getContentType() != null || e.getSupportedMediaTypes().isEmpty()) {
            return null;
        }
        return "the request has no Content-Type; this endpoint takes "
                + org.springframework.util.MimeTypeUtils.toString(e.getSupportedMediaTypes());
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
