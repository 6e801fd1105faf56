package io.dropflow.security;

import io.dropflow.web.PartnerTimestamp;
import io.dropflow.web.ProblemTypes;
import io.dropflow.web.RequestWithBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates partner webhook calls. A supplier on Dropflow's supplier API signs each call:
 * {@code X-Dropflow-Timestamp} (Unix seconds) and {@code X-Dropflow-Signature: v1=<hex>}, the
 * HMAC-SHA256 of {@code timestamp + "." + raw body} with its own webhook secret; a call older than
 * the tolerance is a replay. Every other partner presents the shared token in
 * {@code X-Dropflow-Webhook-Token}, but for a supplier no adapter serves (production: not bound under
 * {@code dropflow.suppliers.http} nor {@code dropflow.suppliers.cj}), whose calls are refused whatever they
 * present: Dropflow sent it nothing, so an "accepted" or "shipped" from it cannot be true. A call that fails
 * gets 401 and changes nothing; the log names the partner and the reason, never a secret.
 */
class WebhookTokenFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Dropflow-Webhook-Token";
    static final String TIMESTAMP = PartnerTimestamp.HEADER;
    static final String SIGNATURE = "X-Dropflow-Signature";

    private static final Logger log = LoggerFactory.getLogger(WebhookTokenFilter.class);
    private static final Pattern SUPPLIER_PATH = Pattern.compile("/api/webhooks/suppliers/([^/]+)/.*");
    private static final int MAX_BODY = 1_000_000;

    private final byte[] token;
    private final WebhookSigningKeys signingKeys;
    private final java.util.function.Supplier<SupplierWebhookSenders> senders;
    private final Clock clock;

    /** @param senders looked up at the first call: the supplier feature's beans come after the filter chain's */
    WebhookTokenFilter(String token, WebhookSigningKeys signingKeys,
            java.util.function.Supplier<SupplierWebhookSenders> senders, Clock clock) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("dropflow.webhooks.token (DROPFLOW_WEBHOOK_TOKEN) must be set");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.signingKeys = signingKeys;
        this.senders = senders;
        this.clock = clock;
    }

    /** Kuaidi100 signs its pushes its own way (MD5 of param and salt), verified where they are read. */
    static final String KUAIDI100_PATH = "/api/webhooks/kuaidi100";
    /** 17TRACK signs its pushes with SHA-256 of body and key (header sign), verified where they are read. */
    static final String TRACK17_PATH = "/api/webhooks/17track";
    /** Shopify signs its webhooks with the app's secret (X-Shopify-Hmac-Sha256), verified where they are read. */
    static final String SHOPIFY_PATHS = "/api/webhooks/shopify/";
    /** CJ Dropshipping signs its messages with the account's openId (header sign), verified where they are read. */
    static final String CJ_PATHS = "/api/webhooks/cj/";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/webhooks/") || path.equals(KUAIDI100_PATH) || path.equals(TRACK17_PATH)
                || path.startsWith(SHOPIFY_PATHS) || path.startsWith(CJ_PATHS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher supplier = SUPPLIER_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Optional<WebhookSigningKeys.SigningKey> key = supplier.matches() ? signingKeys.of(supplier.group(1))
                : Optional.empty();
        if (key.isPresent()) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                // too large to check its signature: a 413, not a 401 the supplier would read as a wrong key
                log.warn("Webhook call for supplier {} refused: body larger than {} bytes", supplier.group(1), MAX_BODY);
                ProblemTypes.write(response, ProblemTypes.problem(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                        "Request too large", "a signed push is at most " + MAX_BODY + " bytes; send fewer offers or"
                                + " events in one"));
                return;
            }
            String problem = signatureProblem(request, body, key.get(), supplier.group(1));
            if (problem != null) {
                log.warn("Webhook call for supplier {} refused: {}", supplier.group(1), problem);
                refuse(response, problem);
                return;
            }
            chain.doFilter(new RequestWithBody(request, body), response);
            return;
        }
        String presented = request.getHeader(HEADER);
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            refuse(response, "missing or wrong " + HEADER + " header");
            return;
        }
        Optional<String> unserved = supplier.matches() ? senders.get().refusedBecause(supplier.group(1))
                : Optional.empty();
        if (unserved.isPresent()) {
            // Not taken while no adapter serves the supplier (nothing was sent to it through Dropflow since), but not
            // a 401 either: a binding lost in a release would make the supplier give up on its SHIPPED events for
            // purchase orders placed before; a 503 with Retry-After has it send them again once it is bound (review s14 F2)
            log.warn("Webhook call for supplier {} held back: {}", supplier.group(1), unserved.get());
            response.setHeader("Retry-After", "300");
            ProblemTypes.write(response, ProblemTypes.ofStatus(503, unserved.get()
                    + "; send it again later: it is taken once the supplier is bound"));
            return;
        }
        chain.doFilter(request, response);
    }

    private String signatureProblem(HttpServletRequest request, byte[] body, WebhookSigningKeys.SigningKey key,
            String supplierCode) {
        String timestamp = request.getHeader(TIMESTAMP);
        String signature = request.getHeader(SIGNATURE);
        if (timestamp == null || signature == null) {
            return "missing " + TIMESTAMP + " or " + SIGNATURE + " header (supplier " + supplierCode + " signs its calls)";
        }
        Optional<PartnerTimestamp> signedAt = PartnerTimestamp.parse(timestamp);
        if (signedAt.isEmpty()) {
            return TIMESTAMP + " is not Unix seconds";
        }
        java.time.Instant now = clock.instant();
        long tolerance = key.tolerance().toSeconds();
        if (signedAt.get().olderThan(key.tolerance(), now)) {
            return "signed more than " + tolerance + " s ago, beyond the tolerance (replay?)";
        }
        if (signedAt.get().aheadBy(key.tolerance(), now)) {
            return "signed more than " + tolerance + " s in the future, beyond the tolerance (is the supplier's clock right?)";
        }
        String expected = "v1=" + sign(key.secret(), timestamp.trim(), body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.trim().getBytes(StandardCharsets.UTF_8))) {
            return "signature does not match the body";
        }
        return null;
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body}: what a supplier puts after "v1=". */
    static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(Hmac.sha256(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        ProblemTypes.write(response, ProblemTypes.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.WEBHOOK_UNAUTHORIZED,
                "Unauthorized", detail));
    }
}
