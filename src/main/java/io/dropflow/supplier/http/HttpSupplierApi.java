package io.dropflow.supplier.http;

import io.dropflow.partners.PartnerBinding;
import io.dropflow.supplier.SupplierAdapter;
import io.dropflow.supplier.SupplierGateway;
import io.dropflow.supplier.SupplierRefusedException;
import io.dropflow.supplier.SupplierUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Speaks Dropflow's supplier API (docs/partners/supplier-api.md) to one supplier: every call is a POST with
 * the bearer token and an {@code Idempotency-Key}, so a retried call is the same call. Timeouts,
 * 429 and 5xx become {@link SupplierUnavailableException} (the engine's retry cycle retries); 422
 * with an error code is a refusal that will never change ({@link SupplierRefusedException}); any
 * other 4xx is our mistake or the configuration's and fails with a clear message (after the retries,
 * an incident).
 */
@Component
public class HttpSupplierApi implements SupplierAdapter, PartnerBinding {

    private static final Logger log = LoggerFactory.getLogger(HttpSupplierApi.class);

    private final HttpSupplierSettings settings;
    private final io.dropflow.partners.PartnerCalls calls;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    /** Calls go through {@link io.dropflow.partners.PartnerCalls}: the supplier's rate limit, Retry-After, metrics. */
    @org.springframework.beans.factory.annotation.Autowired
    HttpSupplierApi(HttpSupplierSettings settings, io.dropflow.partners.PartnerCalls calls) {
        this.settings = settings;
        this.calls = calls;
    }

    /** Without limits or metrics (adapter tests). */
    HttpSupplierApi(HttpSupplierSettings settings) {
        this(settings, new io.dropflow.partners.PartnerCalls() {
            @Override
            public <T> T call(io.dropflow.partners.PartnerCall call, java.util.function.Function<Outcome, T> body) {
                try {
                    return body.apply(code -> { });
                } catch (io.dropflow.partners.PartnerThrottled throttled) {
                    throw call.unavailable().apply(throttled.getMessage() + " (retried while the step has tries left)");
                }
            }
        });
    }

    @Override
    public boolean serves(String supplierCode) {
        return settings.endpoint(supplierCode).isPresent();
    }

    /** A supplier listed under dropflow.suppliers.http without its URL, token or webhook secret. */
    @Override
    public List<Unbound> unbound() {
        return settings.unbound();
    }


    /** @return the supplier's reference for the purchase order */
    @Override
    public String placePurchaseOrder(SupplierGateway.PlacePurchaseOrder po) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purchaseOrderNumber", po.purchaseOrderNumber());
        body.put("lines", po.lines());
        body.put("shipTo", po.shipTo());
        body.put("sender", po.sender());
        Map<?, ?> answer = call(po.supplierCode(), "/purchase-orders", po.idempotencyKey(), body);
        Object reference = answer == null ? null : answer.get("supplierReference");
        return reference == null ? null : reference.toString();
    }

    @Override
    public void requestCancellation(SupplierGateway.RequestCancellation c) {
        call(c.supplierCode(), "/purchase-orders/" + c.purchaseOrderNumber() + "/cancellation", c.idempotencyKey(),
                Map.of("purchaseOrderNumber", c.purchaseOrderNumber()));
    }

    @Override
    public void remindOfShipBy(SupplierGateway.ShipByReminder r) {
        call(r.supplierCode(), "/purchase-orders/" + r.purchaseOrderNumber() + "/reminders", r.idempotencyKey(),
                Map.of("shipBy", r.shipBy().toString()));
    }

    @Override
    public void requestInvestigation(SupplierGateway.InvestigationRequest i) {
        call(i.supplierCode(), "/purchase-orders/" + i.purchaseOrderNumber() + "/investigations", i.idempotencyKey(),
                Map.of("carrierCode", i.carrierCode(), "trackingNumber", i.trackingNumber()));
    }

    /**
     * The body supplier-api.yaml documents for {@code ClaimRound}, no more: Dropflow's own name for the
     * supplier and the idempotency key (a header) are not the supplier's business. The amount goes with
     * its currency, in that currency's decimals (15.00 EUR, 1500 JPY).
     */
    @Override
    public void sendClaim(SupplierGateway.ClaimRound c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("claimNumber", c.claimNumber());
        body.put("round", c.round());
        body.put("purchaseOrderNumber", c.purchaseOrderNumber());
        body.put("supplierReference", c.supplierReference());
        body.put("claimType", c.claimType());
        body.put("lines", c.lines());
        body.put("description", c.description());
        body.put("evidenceUrls", c.evidenceUrls());
        body.put("requestedRemedy", c.requestedRemedy());
        if (c.requestedAmount() != null) {
            body.put("requestedAmount", inCurrencyDecimals(c.requestedAmount(), c.currency(), c.claimNumber()));
            body.put("currency", c.currency());
        }
        body.values().removeIf(java.util.Objects::isNull); // absent, not null: the schema's strings are not nullable
        call(c.supplierCode(), "/claims", c.idempotencyKey(), body);
    }

    /** The body supplier-api.yaml documents for {@code ReturnRound}. */
    @Override
    public void requestReturn(SupplierGateway.ReturnRound r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("returnNumber", r.returnNumber());
        body.put("round", r.round());
        body.put("purchaseOrderNumber", r.purchaseOrderNumber());
        body.put("supplierReference", r.supplierReference());
        body.put("reason", r.reason());
        body.put("wish", r.wish());
        body.put("lines", r.lines());
        body.put("note", r.note());
        body.values().removeIf(java.util.Objects::isNull);
        call(r.supplierCode(), "/returns", r.idempotencyKey(), body);
    }

    /** An amount in its currency's decimals; one with more decimals than its currency has is a mistake upstream. */
    static java.math.BigDecimal inCurrencyDecimals(java.math.BigDecimal amount, String currency, String what) {
        if (currency == null || currency.isBlank()) {
            throw new IllegalStateException(what + ": an amount of " + amount.toPlainString() + " without its currency");
        }
        int digits;
        try {
            digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(what + ": " + currency + " is not an ISO 4217 currency");
        }
        try {
            return amount.setScale(Math.max(digits, 0), java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException tooPrecise) {
            throw new IllegalStateException(what + ": " + amount.toPlainString() + " " + currency + " has more decimals than "
                    + currency + " has (" + digits + ")");
        }
    }

    private Map<?, ?> call(String supplierCode, String path, String idempotencyKey, Object body) {
        // the operation tag is the path's shape, never a purchase order number
        String operation = path.replaceAll("/purchase-orders/[^/]+/", "/purchase-orders/{number}/");
        return calls.call(new io.dropflow.partners.PartnerCall("supplier-api", supplierCode, operation,
                SupplierUnavailableException::new), outcome -> post(supplierCode, path, idempotencyKey, body, outcome));
    }

    private Map<?, ?> post(String supplierCode, String path, String idempotencyKey, Object body,
            io.dropflow.partners.PartnerCalls.Outcome outcome) {
        HttpSupplierSettings.Endpoint endpoint = settings.endpoint(supplierCode)
                .orElseThrow(() -> new IllegalStateException("no supplier API configured for " + supplierCode));
        RestClient client = clients.computeIfAbsent(supplierCode, code -> client(endpoint));
        try {
            return client.post().uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", idempotencyKey)
                    .headers(h -> {
                        if (endpoint.token() != null && !endpoint.token().isBlank()) {
                            h.setBearerAuth(endpoint.token());
                        }
                    })
                    .body(body)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        outcome.code(Integer.toString(status.value()));
                        if (status.value() == 429 && response.getHeaders().getFirst("Retry-After") != null) {
                            throw new io.dropflow.partners.PartnerThrottled("supplier " + supplierCode + " answered 429",
                                    io.dropflow.partners.PartnerThrottled.parseRetryAfter(
                                            response.getHeaders().getFirst("Retry-After"), java.time.Duration.ofSeconds(1)));
                        }
                        if (status.is2xxSuccessful()) {
                            byte[] answer = response.getBody().readAllBytes();
                            return answer.length == 0 ? Map.of() : parse(new String(answer, java.nio.charset.StandardCharsets.UTF_8));
                        }
                        String detail = new String(response.getBody().readNBytes(500), java.nio.charset.StandardCharsets.UTF_8);
                        if (status.value() == 429 || status.is5xxServerError()) {
                            throw new SupplierUnavailableException("supplier " + supplierCode + " answered " + status.value()
                                    + " to POST " + path + " (retried while the step has tries left): " + detail);
                        }
                        if (status.value() == 422) {
                            Map<?, ?> problem = parse(detail);
                            Object code = problem.get("code");
                            throw new SupplierRefusedException(code == null ? "REFUSED" : code.toString(),
                                    "supplier " + supplierCode + " refused POST " + path + ": "
                                            + (problem.get("detail") == null ? detail : problem.get("detail")));
                        }
                        throw new IllegalStateException("supplier " + supplierCode + " answered " + status.value() + " to POST "
                                + path + ", which retrying cannot fix (check dropflow.suppliers.http." + supplierCode
                                + " and its credentials): " + detail);
                    });
        } catch (ResourceAccessException unreachable) {
            outcome.code(io.dropflow.partners.CallFailure.code(unreachable));
            String why = io.dropflow.partners.CallFailure.why(unreachable, java.net.URI.create(endpoint.baseUrl()));
            log.warn("Supplier {} did not answer POST {}: {}", supplierCode, path, why);
            throw new SupplierUnavailableException("supplier " + supplierCode + " did not answer POST " + path + ": " + why
                    + " (retried while the step has tries left)", unreachable);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Map<?, ?> parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (java.io.IOException | RuntimeException notJson) {
            return Map.of();
        }
    }

    private static RestClient client(HttpSupplierSettings.Endpoint endpoint) {
        return PartnerHttp.restClient(endpoint.baseUrl(), endpoint.connectTimeout(), endpoint.readTimeout());
    }
}
