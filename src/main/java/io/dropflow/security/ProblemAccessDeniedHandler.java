package io.dropflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as problem details, the same document ApiProblems answers when a feature refuses a caller. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        io.dropflow.web.ProblemTypes.write(response, io.dropflow.web.ProblemTypes.problem(
                org.springframework.http.HttpStatus.FORBIDDEN, io.dropflow.web.ProblemTypes.FORBIDDEN, "Forbidden",
                "your groups may not do this (nor may an API key without the scope); ask a supervisor"));
    }
}
