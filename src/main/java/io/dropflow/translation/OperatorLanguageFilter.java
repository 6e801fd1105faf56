package io.dropflow.translation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Translates the webapps' engine API answers into the operator's language, taken from the
 * request's Accept-Language (the same browser setting the webapps' own texts follow). English is
 * the models' own text and passes untouched; so does every answer that is not JSON or not
 * successful.
 */
class OperatorLanguageFilter extends OncePerRequestFilter {

    private final EngineApiResponses responses;

    OperatorLanguageFilter() {
        // Its own mapper: answers go back as the engine wrote them, whatever the application's JSON settings
        this.responses = new EngineApiResponses(new ObjectMapper());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !EngineApiResponses.translates(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        String language = OperatorTexts.languageOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        if ("en".equals(language)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        // Not by content type: the engine serves a deployed form with the type its file name suggests.
        // An answer that is no JSON (a diagram, an HTML form) is left as it is.
        if (answer.getStatus() == HttpServletResponse.SC_OK) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            responses.translate(path, answer.getContentAsByteArray(), OperatorTexts.of(language)).ifPresent(body -> {
                answer.resetBuffer();
                answer.setContentLength(body.length);
                try {
                    answer.getOutputStream().write(body);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        answer.copyBodyToResponse();
    }
}
