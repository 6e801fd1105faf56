package io.dropflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The most a request body of Dropflow's API and webhooks ({@code /api/**}), of the engine's REST API
 * ({@code /engine-rest/**}, which Modeler and scripts use) and of the webapps' APIs ({@code /camunda/api/**}, which
 * Tasklist and Cockpit use) may be, {@code dropflow.api.max-body-size}
 * (5 MB): a larger one is a 413 {@code request-too-large} before anything reads it. Before, nothing bounded a JSON
 * body: 78 MB of order lines ran the JVM out of memory (a 500 after 98 s), whoever held an API key or the webhook
 * token. A body that says its length is refused on it; one that does not (chunked) is refused when its reading
 * passes the limit, never read further. 5 MB is above what a partner sends in one webhook, by our estimate (no
 * partner documents a maximum): a Shopify order's line item is a few KB with its prices, taxes and discounts, so
 * an order of hundreds of lines fits; a 17TRACK push is one parcel's history; a supplier's offer push is at most
 * 1000 offers of some hundred bytes. Multipart uploads keep their own limits
 * ({@code spring.servlet.multipart.*}, and each feature's per file), and so does the offer import, which reads up to
 * 20 MB (50 000 rows) itself.
 */
@Configuration
class RequestBodyLimit {

    /** Reads its body itself, up to its own limit. */
    private static final Pattern OWN_LIMIT = Pattern.compile("/api/suppliers/[^/]+/offers/import");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter(
            @Value("${dropflow.api.max-body-size:5MB}") DataSize maxBodySize) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter(maxBodySize));
        // After authentication: a caller without a key or token is refused without its body being looked at.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        return registration;
    }

    static OncePerRequestFilter filter(DataSize maxBodySize) {
        long max = maxBodySize.toBytes();
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                String type = request.getContentType();
                return !path.startsWith("/api/") && !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/")
                        || OWN_LIMIT.matcher(path).matches()
                        || type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > max) {
                    ProblemTypes.write(response, TooLarge.problem(request.getContentLengthLong(), max));
                    return;
                }
                if (request.getContentLengthLong() >= 0) {
                    chain.doFilter(request, response);
                    return;
                }
                Bounded bounded = new Bounded(request, max);
                try {
                    chain.doFilter(bounded, response);
                } catch (IOException | ServletException | RuntimeException e) {
                    // A filter or servlet outside Dropflow's API (the engine REST API's NullBodyRefused, which reads
                    // the body whole) let the cut escape: the same 413 as on the API, not a 500 internal-error.
                    if (!bounded.cut || response.isCommitted()) {
                        throw e;
                    }
                    response.reset();
                    ProblemTypes.write(response, TooLarge.problem(-1, max));
                }
            }
        };
    }

    /** A body read past the limit: {@link ApiProblems} answers it as the 413. */
    static final class TooLarge extends IOException {

        private final long max;

        TooLarge(long max) {
            super("request body larger than " + max + " bytes");
            this.max = max;
        }

        org.springframework.http.ProblemDetail problem() {
            return problem(-1, max);
        }

        static org.springframework.http.ProblemDetail problem(long length, long max) {
            return ProblemTypes.problem(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "Request too large",
                    "the request body is " + (length < 0 ? "larger than " + size(max) : size(length))
                            + ", more than a request body may be (" + size(max) + "); send less in one request"
                            + " (a few orders or offers at a time)");
        }

        private static String size(long bytes) {
            return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                    : String.format(java.util.Locale.ROOT, "%,d bytes", bytes);
        }
    }

    /** A request without a length whose body stops with {@link TooLarge} once it passes the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;
        /** Whether the body was read past the limit. */
        private boolean cut;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > max) {
                            cut = true;
                            throw new TooLarge(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
