package io.dropflow.supplier.cj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.PartnerCall;
import io.dropflow.partners.PartnerCalls;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.partners.PartnerThrottled;
import io.dropflow.partners.PartnerTokens;
import io.dropflow.supplier.SupplierGateway;
import io.dropflow.supplier.SupplierRefusedException;
import io.dropflow.supplier.SupplierUnavailableException;
import io.dropflow.supplier.http.PartnerHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * CJ Dropshipping's API 2.0 for one or more accounts, as CJ documents it
 * (https://developers.cjdropshipping.com/en/api/api2/api/auth.html, .../standard/ps-code.html,
 * .../standard/limit.html, .../api/shopping.html, .../api/dispute.html).
 *
 * <ul>
 * <li>Tokens: the account's API key logs in ({@code getAccessToken}, once per five minutes at most);
 *     the 15-day access token is renewed a day before it expires with the 180-day refresh token, once
 *     for the whole cluster ({@link PartnerTokens}). A token CJ refuses is renewed and the call made once more.
 * <li>Pace: every call waits for the account's turn, 1 request/s by default for the whole cluster
 *     ({@link PartnerCalls}), and for CJ's 10 requests/s per IP address shared by all accounts ({@link #PER_IP});
 *     CJ's "call exceeded limit" and HTTP 429 slow the account down.
 * <li>Errors: CJ answers them inside HTTP 200; {@link CjCodes} says which are retried, which need a new
 *     token, which an operator, which are our configuration and which a real refusal.
 * <li>Placing an order is idempotent: CJ takes no key, so the order is looked up by our number first
 *     ({@code getOrderDetail}); "order not found" is CJ's code 1603100.
 * </ul>
 */
@Component
class CjDropshipping {

    static final String PARTNER = "cj";
    /**
     * CJ's Access Frequency Restrictions (https://developers.cjdropshipping.cn/en/api/api2/standard/limit.html):
     * "No more than 10 requests/second per IP address", whichever account calls, besides each account's 1-6
     * per second. Held for every CJ account together across the cluster (its nodes may share one address).
     */
    static final PartnerCall.Limit PER_IP = new PartnerCall.Limit(10, true);

    private static final Logger log = LoggerFactory.getLogger(CjDropshipping.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CjSettings settings;
    private final PartnerCalls calls;
    private final PartnerTokens tokens;
    private final ObjectProvider<PartnerDeliveries> operators;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();
    private final PartnerCall.Pacer perIp;

    CjDropshipping(CjSettings settings, PartnerCalls calls, PartnerTokens tokens, ObjectProvider<PartnerDeliveries> operators) {
        this.settings = settings;
        this.calls = calls;
        this.perIp = calls.sharedPace(PARTNER, "per-ip", PER_IP);
        this.tokens = tokens;
        this.operators = operators;
    }

    /** An order as CJ reports it. */
    record CjOrder(String orderId, String orderNumber, CjOrderStatus status, String logisticName, String trackNumber) {
    }

    /** @return CJ's order id */
    String createOrder(SupplierGateway.PlacePurchaseOrder po) {
        Optional<CjOrder> earlier = order(po.supplierCode(), po.purchaseOrderNumber());
        if (earlier.isPresent()) {
            log.info("CJ already has {} as order {}: not placed again", po.purchaseOrderNumber(), earlier.get().orderId());
            return earlier.get().orderId();
        }
        CjSettings.Account account = account(po.supplierCode());
        SupplierGateway.Address to = po.shipTo();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderNumber", po.purchaseOrderNumber());
        body.put("shippingCountryCode", to.country());
        body.put("shippingCountry", new Locale("", to.country()).getDisplayCountry(Locale.ENGLISH));
        // CJ requires a province; many addresses outside federal states have none: the city stands in.
        body.put("shippingProvince", to.region() == null || to.region().isBlank() ? to.city() : to.region());
        body.put("shippingCity", to.city());
        body.put("shippingAddress", to.line1());
        body.put("shippingAddress2", to.line2() == null ? "" : to.line2());
        body.put("shippingZip", to.postalCode());
        body.put("shippingPhone", to.phone() == null ? "" : to.phone());
        body.put("shippingCustomerName", to.name());
        // Blind shipping: CJ ships in neutral packaging; the remark asks for no supplier marks.
        body.put("remark", "Dropship order " + po.purchaseOrderNumber() + " for " + po.sender().name()
                + ": no supplier invoice or marketing in the parcel");
        body.put("logisticName", account.logisticName());
        // CJ ships with its own logistics: CJ's "Orders Synchronization Processing" page asks for
        // shopLogisticsType 2 with logisticName, and no storageId (which is for platform waybill orders)
        // (https://developers.cjdropshipping.com/en/api/start/Orders-Synchronization-Processing.html).
        body.put("shopLogisticsType", 2);
        body.put("fromCountryCode", account.fromCountryCode());
        body.put("payType", account.payType());
        body.put("products", po.lines().stream().map(l -> Map.of("vid", l.supplierSku(), "quantity", l.quantity())).toList());
        JsonNode answer = call(po.supplierCode(), "createOrderV2", HttpMethod.POST, "/shopping/order/createOrderV2", body,
                po.purchaseOrderNumber());
        if (!succeeded(answer)) {
            throw new SupplierRefusedException("CJ_" + answer.path("code").asText("REFUSED"), "CJ refused order "
                    + po.purchaseOrderNumber() + ": " + answer.path("message").asText("(no message)"));
        }
        JsonNode data = answer.path("data");
        String orderId = data.isTextual() ? data.asText() : data.path("orderId").asText("");
        if (orderId.isBlank()) {
            throw new IllegalStateException("CJ accepted order " + po.purchaseOrderNumber() + " but named no orderId");
        }
        return orderId;
    }

    /**
     * @param orderId CJ's order id or our order number (CJ looks up both)
     * @return empty when CJ does not know the order (code 1603100)
     */
    Optional<CjOrder> order(String supplierCode, String orderId) {
        JsonNode answer = call(supplierCode, "getOrderDetail", HttpMethod.GET, "/shopping/order/getOrderDetail?orderId={id}",
                null, orderId, orderId);
        if (CjCodes.of(answer.path("code").asInt()) == CjCodes.NOT_FOUND) {
            return Optional.empty();
        }
        if (!succeeded(answer)) {
            throw new IllegalStateException("CJ could not look up order " + orderId + " for supplier " + supplierCode
                    + ": " + answer.path("code").asText() + " " + answer.path("message").asText());
        }
        JsonNode d = answer.path("data");
        return Optional.of(new CjOrder(d.path("orderId").asText(orderId), d.path("orderNum").asText(null),
                CjOrderStatus.of(d.path("orderStatus").asText(null)), text(d, "logisticName"),
                // a number that is no carrier's is none: the order counts as not shipped yet (as CJ's pushes are read)
                Optional.ofNullable(text(d, "trackNumber")).filter(io.dropflow.carrier.PushedText::isTrackingNumber)
                        .orElse(null)));
    }

    /** Deletes an order CJ has not been paid for. @return whether CJ deleted it */
    boolean deleteOrder(String supplierCode, String orderId) {
        JsonNode answer = call(supplierCode, "deleteOrder", HttpMethod.DELETE, "/shopping/order/deleteOrder?orderId={id}",
                null, orderId, orderId);
        if (!succeeded(answer)) {
            log.info("CJ did not delete order {}: {} {}", orderId, answer.path("code").asText(), answer.path("message").asText());
        }
        return succeeded(answer);
    }

    /** One dispute to open: what for, which of our lines (CJ variant ids), and what we expect. */
    record Dispute(String key, String cjOrderId, String purchaseOrderNumber, Map<String, Integer> quantitiesByVid,
            String reasonHint, boolean reissue, String message, List<String> imageUrls) {
    }

    /**
     * Opens a dispute at CJ in its documented three steps: the order's products that can be disputed
     * ({@code disputeProducts}), the reasons and amounts CJ allows for them ({@code disputeConfirmInfo}),
     * then {@code create} with our key as {@code businessDisputeId}. CJ marks a product that already has
     * an open dispute as not choosable: a retried round finds none and does not open a second one.
     *
     * @return CJ's dispute id, or empty when the products already have an open dispute
     */
    Optional<String> openDispute(String supplierCode, Dispute dispute) {
        JsonNode products = call(supplierCode, "disputeProducts", HttpMethod.GET, "/disputes/disputeProducts?orderId={id}",
                null, dispute.purchaseOrderNumber(), dispute.cjOrderId());
        requireSuccess(products, "list the products of order " + dispute.cjOrderId() + " that can be disputed");
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (JsonNode p : products.path("data").path("productInfoList")) {
            Integer quantity = dispute.quantitiesByVid().get(p.path("cjVariantId").asText());
            if (p.path("canChoose").asBoolean(false) && (quantity != null || dispute.quantitiesByVid().isEmpty())) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("lineItemId", p.path("lineItemId").asText());
                line.put("quantity", Math.min(quantity == null ? p.path("quantity").asInt(1) : quantity, p.path("quantity").asInt(1)));
                line.put("price", p.path("price").decimalValue());
                chosen.add(line);
            }
        }
        if (chosen.isEmpty()) {
            log.info("CJ order {} has no product that can be disputed now (a dispute is open already): {} not opened again",
                    dispute.cjOrderId(), dispute.key());
            return Optional.empty();
        }
        JsonNode confirm = call(supplierCode, "disputeConfirmInfo", HttpMethod.POST, "/disputes/disputeConfirmInfo",
                Map.of("orderId", dispute.cjOrderId(), "productInfoList", chosen.stream().map(l -> Map.of(
                        "lineItemId", l.get("lineItemId"), "quantity", l.get("quantity"))).toList()),
                dispute.purchaseOrderNumber());
        requireSuccess(confirm, "confirm the dispute of order " + dispute.cjOrderId());
        JsonNode reasons = confirm.path("data").path("disputeReasonList");
        JsonNode reason = null;
        for (JsonNode r : reasons) {
            if (reason == null || r.path("reasonName").asText("").toLowerCase(Locale.ROOT)
                    .contains(dispute.reasonHint().toLowerCase(Locale.ROOT))) {
                reason = reason == null || !reason.path("reasonName").asText("").toLowerCase(Locale.ROOT)
                        .contains(dispute.reasonHint().toLowerCase(Locale.ROOT)) ? r : reason;
            }
        }
        if (reason == null) {
            throw new IllegalStateException("CJ offers no dispute reason for order " + dispute.cjOrderId());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", dispute.cjOrderId());
        body.put("businessDisputeId", dispute.key());
        body.put("disputeReasonId", reason.path("disputeReasonId").asInt());
        body.put("expectType", dispute.reissue() ? 2 : 1);
        body.put("refundType", 1);
        body.put("messageText", dispute.message().length() > 500 ? dispute.message().substring(0, 500) : dispute.message());
        body.put("imageUrl", dispute.imageUrls());
        body.put("productInfoList", chosen);
        JsonNode created = call(supplierCode, "createDispute", HttpMethod.POST, "/disputes/create", body,
                dispute.purchaseOrderNumber());
        requireSuccess(created, "open dispute " + dispute.key());
        JsonNode data = created.path("data");
        return Optional.of(data.isValueNode() ? data.asText() : data.path("id").asText(dispute.key()));
    }

    private void requireSuccess(JsonNode answer, String what) {
        if (!succeeded(answer)) {
            throw new SupplierRefusedException("CJ_" + answer.path("code").asText(), "CJ would not " + what + ": "
                    + answer.path("message").asText());
        }
    }

    private static boolean succeeded(JsonNode answer) {
        return answer.path("code").asInt() == 200 && !answer.path("result").asText("true").equals("false");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private CjSettings.Account account(String supplierCode) {
        return settings.account(supplierCode)
                .orElseThrow(() -> new IllegalStateException("no CJ account configured for " + supplierCode));
    }

    /**
     * One call in CJ's envelope, with the account's token and pace. A code that asks for a new token
     * renews it and calls once more; codes that are retried, throttled, need an operator or name our
     * configuration end here; REFUSED and NOT_FOUND answers go back to the operation.
     *
     * @param subject what the call is about (our purchase order number), for an operator's task
     */
    private JsonNode call(String supplierCode, String operation, HttpMethod method, String path, Object body,
            String subject, Object... uriVariables) {
        CjSettings.Account account = account(supplierCode);
        for (int attempt = 1; ; attempt++) {
            String token = token(supplierCode, account);
            JsonNode answer = exchange(supplierCode, account, operation, method, path, body, token, uriVariables);
            int code = answer.path("code").asInt();
            CjCodes kind = CjCodes.of(code);
            String said = code + " " + answer.path("message").asText("");
            switch (kind) {
                case REAUTHENTICATE -> {
                    if (attempt == 1 && !io.dropflow.partners.PartnerBinding.unset(account.apiKey())) {
                        log.info("CJ refused the access token of {} ({}): renewing it", supplierCode, said);
                        tokens.expire(PARTNER, supplierCode, token);
                        continue;
                    }
                    throw new IllegalStateException("CJ refused the access token of supplier " + supplierCode + " ("
                            + said + "): check dropflow.suppliers.cj." + supplierCode + ".api-key");
                }
                case RETRY -> {
                    if (code == CjBusy.CODE) {
                        throw new CjBusy("CJ answered " + said + " to " + operation + " for supplier " + supplierCode
                                + " (retried at most " + CjBusy.RETRIES + " times, as CJ asks; then an incident)");
                    }
                    throw new SupplierUnavailableException("CJ answered " + said + " to " + operation
                            + " for supplier " + supplierCode + " (retried while the step has tries left)");
                }
                case CONFIGURATION -> throw new IllegalStateException("CJ answered " + said + " to " + operation
                        + " for supplier " + supplierCode + ", which retrying cannot fix (check dropflow.suppliers.cj."
                        + supplierCode + ")");
                case OPERATOR -> {
                    String key = (subject == null ? operation : subject) + "-" + code;
                    operators.getObject().raise(PARTNER, supplierCode, "attention/" + code, key, answer.toString(),
                            "CJ answered " + said + " to " + operation + (subject == null ? "" : " for " + subject)
                                    + ": act at CJ (e.g. top up the CJ balance); Dropflow keeps retrying the call");
                    throw new SupplierUnavailableException("CJ answered " + said + " to " + operation + " for supplier "
                            + supplierCode + ": an operator was asked to act at CJ; the call is retried while the step has tries left");
                }
                default -> {
                    return answer;
                }
            }
        }
    }

    private String token(String supplierCode, CjSettings.Account account) {
        if (io.dropflow.partners.PartnerBinding.unset(account.apiKey())) {
            return account.accessToken();
        }
        return tokens.accessToken(PARTNER, supplierCode, account.tokenRenewBefore(), new CjLogin(supplierCode, account));
    }

    /** CJ's getAccessToken (with the API key) and refreshAccessToken (with the refresh token). */
    private final class CjLogin implements PartnerTokens.Source {

        private final String supplierCode;
        private final CjSettings.Account account;

        CjLogin(String supplierCode, CjSettings.Account account) {
            this.supplierCode = supplierCode;
            this.account = account;
        }

        @Override
        public PartnerTokens.Token refresh(String refreshToken) {
            return tokenFrom(exchange(supplierCode, account, "refreshAccessToken", HttpMethod.POST,
                    "/authentication/refreshAccessToken", Map.of("refreshToken", refreshToken), null));
        }

        @Override
        public PartnerTokens.Token login() {
            return tokenFrom(exchange(supplierCode, account, "getAccessToken", HttpMethod.POST,
                    "/authentication/getAccessToken", Map.of("apiKey", account.apiKey()), null));
        }

        @Override
        public Duration minimumLoginInterval() {
            return Duration.ofMinutes(5); // "Can only be called once every 5 minutes"
        }

        @Override
        public RuntimeException loginTooSoon(Instant allowedAt) {
            return new SupplierUnavailableException("CJ allows one login every five minutes: supplier " + supplierCode
                    + " logs in again at " + allowedAt + " (retried while the step has tries left)");
        }

        private PartnerTokens.Token tokenFrom(JsonNode answer) {
            if (!succeeded(answer)) {
                throw new IllegalStateException("CJ gave supplier " + supplierCode + " no access token ("
                        + answer.path("code").asText() + " " + answer.path("message").asText()
                        + "): check dropflow.suppliers.cj." + supplierCode + ".api-key");
            }
            JsonNode d = answer.path("data");
            return new PartnerTokens.Token(d.path("accessToken").asText(), time(d, "accessTokenExpiryDate"),
                    text(d, "refreshToken"), time(d, "refreshTokenExpiryDate"));
        }

        private Instant time(JsonNode d, String field) {
            String value = text(d, field);
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        }
    }

    private JsonNode exchange(String supplierCode, CjSettings.Account account, String operation, HttpMethod method,
            String path, Object body, String token, Object... uriVariables) {
        RestClient client = clients.computeIfAbsent(supplierCode,
                code -> PartnerHttp.restClient(account.baseUrl(), account.connectTimeout(), account.readTimeout()));
        PartnerCall what = new PartnerCall(PARTNER, supplierCode, operation,
                new PartnerCall.Limit(account.requestsPerSecond(), true), SupplierUnavailableException::new)
                .pacedBy(perIp);
        return calls.call(what, outcome -> {
            try {
                RestClient.RequestBodySpec request = client.method(method).uri(path, uriVariables)
                        .accept(MediaType.APPLICATION_JSON);
                if (token != null) {
                    request.header("CJ-Access-Token", token);
                }
                if (body != null) {
                    request.contentType(MediaType.APPLICATION_JSON).body(body);
                }
                return request.exchange((req, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    String text = new String(response.getBody().readNBytes(200_000), StandardCharsets.UTF_8);
                    if (status.is2xxSuccessful()) {
                        JsonNode answer = parse(text, supplierCode, operation);
                        outcome.code(answer.path("code").asText());
                        if (CjCodes.of(answer.path("code").asInt()) == CjCodes.THROTTLED) {
                            throw new PartnerThrottled("CJ " + answer.path("code").asText() + " "
                                    + answer.path("message").asText(), Duration.ofSeconds(1));
                        }
                        return answer;
                    }
                    outcome.code("http-" + status.value());
                    String detail = text.length() > 500 ? text.substring(0, 500) : text;
                    if (status.value() == 429) {
                        throw new PartnerThrottled("CJ answered 429 to " + operation, PartnerThrottled.parseRetryAfter(
                                response.getHeaders().getFirst("Retry-After"), Duration.ofSeconds(1)));
                    }
                    if (status.is5xxServerError()) {
                        throw new SupplierUnavailableException("CJ answered " + status.value() + " to " + operation
                                + " for supplier " + supplierCode + " (retried while the step has tries left): " + detail);
                    }
                    throw new IllegalStateException("CJ answered " + status.value() + " to " + operation + " for supplier "
                            + supplierCode + ", which retrying cannot fix (check dropflow.suppliers.cj." + supplierCode
                            + " and its API key): " + detail);
                });
            } catch (ResourceAccessException unreachable) {
                outcome.code(io.dropflow.partners.CallFailure.code(unreachable));
                String why = io.dropflow.partners.CallFailure.why(unreachable, java.net.URI.create(account.baseUrl()));
                log.warn("CJ did not answer {} for supplier {}: {}", operation, supplierCode, why);
                throw new SupplierUnavailableException("CJ did not answer " + operation + " for supplier " + supplierCode
                        + ": " + why + " (retried while the step has tries left)", unreachable);
            }
        });
    }

    private static JsonNode parse(String text, String supplierCode, String what) {
        try {
            JsonNode answer = JSON.readTree(text);
            if (answer != null && answer.has("code")) {
                return answer;
            }
        } catch (IOException notJson) {
            // falls through: an answer we cannot read is retried like an outage
        }
        throw new SupplierUnavailableException("CJ answered " + what + " for supplier " + supplierCode
                + " with something that is not its JSON envelope (retried while the step has tries left)");
    }
}
