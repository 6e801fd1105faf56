package io.dropflow.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> unmatched(Exception e) {
        org.springframework.web.ErrorResponse refused = (org.springframework.web.ErrorResponse) e;
        ProblemDetail problem = refused.getBody();
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            problem.setDetail("no endpoint here; the API is described at /swagger-ui.html");
        }
        return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders()).body(problem);
    }
}
