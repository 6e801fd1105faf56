package io.dropflow.web;

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
        ProblemDetail problem = ProblemTypes.complete(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the request is larger than a request may be; send fewer or smaller files"));
        problem.setTitle("Request too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> unmatched(Exception e) {
        org.springframework.web.ErrorResponse refused = (org.springframework.web.ErrorResponse) e;
        ProblemDetail problem = refused.getBody();
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            problem.setDetail("no endpoint here; the API is described at /swagger-ui.html");
            problem.setType(ApiProblem.type(ProblemTypes.NO_ENDPOINT));
            problem.setTitle("No endpoint");
        }
        ProblemTypes.complete(problem);
        return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders()).body(problem);
    }
}
