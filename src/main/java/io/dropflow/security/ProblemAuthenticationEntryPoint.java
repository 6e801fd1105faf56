package io.dropflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as problem details, with the Basic challenge so clients know how to log in (or that a key was refused). */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Dropflow\"");
        String detail = "log in with HTTP Basic as a Camunda user, or send an integration API key (X-Api-Key)";
        if (e instanceof ApiKeyRefused) {
            detail = ApiKeyRefused.DETAIL;
        }
        if (e instanceof LoginRefused refused) {
            // the same answer whether the user exists or not, throttled or not (review s14 F7)
            response.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
            detail = refused.detail();
        }
        io.dropflow.web.ProblemTypes.write(response, io.dropflow.web.ProblemTypes.problem(
                org.springframework.http.HttpStatus.UNAUTHORIZED, io.dropflow.web.ProblemTypes.UNAUTHORIZED, "Unauthorized",
                detail));
    }
}
