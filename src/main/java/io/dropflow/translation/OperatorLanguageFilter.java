package io.dropflow.translation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Translates the webapps' engine API answers into the operator's language, taken from the
 * request's Accept-Language (the same browser setting the webapps' own texts follow). English is
 * the models' own text and passes untouched; so does every answer that is not JSON. Of an
 * unsuccessful answer only its message is translated (what Tasklist shows when it refuses a form).
 */
class OperatorLanguageFilter extends OncePerRequestFilter {

    private final EngineApiResponses responses;

    private static final Logger log = LoggerFactory.getLogger(OperatorLanguageFilter.class);

    OperatorLanguageFilter() {
        // Its own mapper: answers go back as the engine wrote them, whatever the application's JSON settings
        this.responses = new EngineApiResponses(new ObjectMapper());
        // Read every bundle now: an analyst's broken or duplicate entry stops the start, not an operator's page.
        OperatorTexts.LANGUAGES.forEach(OperatorTexts::of);
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
        int status = answer.getStatus();
        if (status == HttpServletResponse.SC_OK || status >= HttpServletResponse.SC_BAD_REQUEST) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Optional<byte[]> translated;
            try {
                translated = status == HttpServletResponse.SC_OK
                        ? responses.translate(path, answer.getContentAsByteArray(), OperatorTexts.of(language))
                        : responses.translateError(answer.getContentAsByteArray(), OperatorTexts.of(language));
            } catch (RuntimeException e) {
                // An operator gets the English answer rather than none
                log.warn("could not translate the answer to {} into {}", path, language, e);
                translated = Optional.empty();
            }
            if (translated.isPresent()) {
                answer.resetBuffer();
                answer.setContentLength(translated.get().length);
                answer.getOutputStream().write(translated.get());
            }
        }
        answer.copyBodyToResponse();
    }
}
