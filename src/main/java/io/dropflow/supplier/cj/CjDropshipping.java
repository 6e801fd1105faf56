package io.dropflow.supplier.cj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.supplier.SupplierGateway;
import io.dropflow.supplier.SupplierRefusedException;
import io.dropflow.supplier.SupplierUnavailableException;
import io.dropflow.supplier.http.PartnerHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * CJ Dropshipping's API 2.0 for one or more accounts: every call carries {@code CJ-Access-Token}
 * and answers in CJ's envelope {@code {code, result, message, data, requestId}} (code 200 is
 * success). Timeouts, 429 and 5xx become {@link SupplierUnavailableException} (the engine retries);
 * other HTTP 4xx fail with a message naming the configuration (after the retries, an incident).
 *
 * <p>CJ takes no idempotency key, so placing an order looks it up by our number first: a retry
 * after a lost answer finds the order the first call created instead of creating a second.
 */
@Component
class CjDropshipping {

    /** getOrderDetail's code for an order CJ does not know. */
    static final int ORDER_NOT_FOUND = 1600300;

    private static final Logger log = LoggerFactory.getLogger(CjDropshipping.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CjSettings settings;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    CjDropshipping(CjSettings settings) {
        this.settings = settings;
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
        body.put("fromCountryCode", account.fromCountryCode());
        body.put("payType", account.payType());
        body.put("products", po.lines().stream().map(l -> Map.of("vid", l.supplierSku(), "quantity", l.quantity())).toList());
        JsonNode answer = call(po.supplierCode(), HttpMethod.POST, "/shopping/order/createOrderV2", body);
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
     * @return empty when CJ does not know the order
     */
    Optional<CjOrder> order(String supplierCode, String orderId) {
        JsonNode answer = call(supplierCode, HttpMethod.GET, "/shopping/order/getOrderDetail?orderId={id}", null, orderId);
        if (answer.path("code").asInt() == ORDER_NOT_FOUND) {
            return Optional.empty();
        }
        if (!succeeded(answer)) {
            throw new IllegalStateException("CJ could not look up order " + orderId + " for supplier " + supplierCode
                    + ": " + answer.path("code").asText() + " " + answer.path("message").asText());
        }
        JsonNode d = answer.path("data");
        return Optional.of(new CjOrder(d.path("orderId").asText(orderId), d.path("orderNum").asText(null),
                CjOrderStatus.of(d.path("orderStatus").asText(null)), text(d, "logisticName"), text(d, "trackNumber")));
    }

    /** Deletes an order CJ has not been paid for. @return whether CJ deleted it */
    boolean deleteOrder(String supplierCode, String orderId) {
        JsonNode answer = call(supplierCode, HttpMethod.DELETE, "/shopping/order/deleteOrder?orderId={id}", null, orderId);
        if (!succeeded(answer)) {
            log.info("CJ did not delete order {}: {} {}", orderId, answer.path("code").asText(), answer.path("message").asText());
        }
        return succeeded(answer);
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

    private JsonNode call(String supplierCode, HttpMethod method, String path, Object body, Object... uriVariables) {
        CjSettings.Account account = account(supplierCode);
        RestClient client = clients.computeIfAbsent(supplierCode,
                code -> PartnerHttp.restClient(account.baseUrl(), account.connectTimeout(), account.readTimeout()));
        String what = method + " " + path.replaceAll("\\?.*", "");
        try {
            RestClient.RequestBodySpec request = client.method(method).uri(path, uriVariables)
                    .header("CJ-Access-Token", account.accessToken())
                    .accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.exchange((req, response) -> {
                HttpStatusCode status = response.getStatusCode();
                String text = new String(response.getBody().readNBytes(200_000), StandardCharsets.UTF_8);
                if (status.is2xxSuccessful()) {
                    return parse(text, supplierCode, what);
                }
                String detail = text.length() > 500 ? text.substring(0, 500) : text;
                if (status.value() == 429 || status.is5xxServerError()) {
                    throw new SupplierUnavailableException("CJ answered " + status.value() + " to " + what
                            + " for supplier " + supplierCode + " (will be retried): " + detail);
                }
                throw new IllegalStateException("CJ answered " + status.value() + " to " + what + " for supplier "
                        + supplierCode + ", which retrying cannot fix (check dropflow.suppliers.cj." + supplierCode
                        + " and its access token): " + detail);
            });
        } catch (ResourceAccessException timeout) {
            log.warn("CJ did not answer {} for supplier {} in time: {}", what, supplierCode, timeout.getMessage());
            throw new SupplierUnavailableException("CJ did not answer " + what + " for supplier " + supplierCode
                    + " in time (will be retried): " + timeout.getMessage());
        }
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
                + " with something that is not its JSON envelope (will be retried)");
    }
}
