package io.dropflow.supplier.cj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.PushedText;
import io.dropflow.carrier.Tracking;
import io.dropflow.supplier.PurchaseOrderStatus;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.security.Hmac;
import io.dropflow.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * CJ Dropshipping's webhook, one URL per CJ account: {@code POST /api/webhooks/cj/{supplierCode}},
 * JSON {@code {messageId, type, messageType, params}}, header {@code sign} = Base64 HMAC-SHA256 of
 * the raw body keyed with the account's openId. A wrong sign is a 401 and a malformed body a 400,
 * both changing nothing; any other answer than 200 makes CJ deliver the message again (three times,
 * five minutes apart).
 *
 * <ul>
 * <li>{@code ORDER}: the order's status ({@code params.orderNumber} is our purchase order number)
 *     becomes a supplier event, see {@link CjSupplier#event}.
 * <li>{@code LOGISTIC}: the parcel of a CJ order ({@code params.orderId}); its tracking number
 *     ships the purchase order if CJ's ORDER message has not yet, and its track events become
 *     tracking events. A message for a CJ order we cannot match yet (CJ's answer to our order not
 *     taken in) is refused with 409, so CJ delivers it again later rather than it being lost.
 * <li>Every other topic (products, stock, …) is acknowledged and ignored.
 * </ul>
 */
@RestController
@Tag(name = "Partner webhooks")
class CjWebhookController {

    static final String PATH = "/api/webhooks/cj/{supplierCode}";

    private static final Logger log = LoggerFactory.getLogger(CjWebhookController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Message ids, order ids and numbers: printable ASCII without spaces (they end up in our tables). */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.:#/-]{1,80}");
    private static final DateTimeFormatter CJ_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CjSettings settings;
    private final CjSupplier cj;
    private final Purchasing purchasing;
    private final Tracking tracking;

    CjWebhookController(CjSettings settings, CjSupplier cj, Purchasing purchasing, Tracking tracking) {
        this.settings = settings;
        this.cj = cj;
        this.purchasing = purchasing;
        this.tracking = tracking;
    }

    @PostMapping(PATH)
    @Operation(summary = "CJ Dropshipping reports on an order or its parcel (header sign)")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String supplierCode,
            @RequestBody(required = false) byte[] body, @RequestHeader(name = "sign", required = false) String sign) {
        Optional<CjSettings.Account> account = settings.account(supplierCode);
        if (account.isEmpty()) {
            return problem(404, "Not found", "no CJ account is configured for supplier " + supplierCode);
        }
        String openId = account.get().openId();
        if (body == null || sign == null || openId == null || openId.isBlank()
                || !MessageDigest.isEqual(sign(body, openId).getBytes(StandardCharsets.UTF_8),
                        sign.trim().getBytes(StandardCharsets.UTF_8))) {
            log.warn("CJ webhook for {} refused: sign does not match", supplierCode);
            return problem(401, "Unauthorized", "sign does not match");
        }
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return problem(400, "Bad request", "body is not JSON");
        }
        String messageId = message == null ? "" : message.path("messageId").asText("");
        JsonNode params = message == null ? null : message.path("params");
        if (!ID.matcher(messageId).matches() || params == null || !params.isObject()) {
            return problem(400, "Bad request", "a CJ message needs a messageId (at most 80 letters, digits or"
                    + " _.:#/-) and params");
        }
        String type = message.path("type").asText("");
        return switch (type) {
            case "ORDER" -> order(supplierCode, messageId, params);
            case "LOGISTIC" -> logistic(supplierCode, account.get(), messageId, params);
            default -> {
                log.debug("CJ {} message {} for {} ignored", type, messageId, supplierCode);
                yield ok("ignored");
            }
        };
    }

    private ResponseEntity<Map<String, Object>> order(String supplierCode, String messageId, JsonNode params) {
        String number = text(params, "orderNumber").or(() -> text(params, "orderNum")).orElse(null);
        String cjOrderId = text(params, "cjOrderId").orElse(null);
        if (number == null || !ID.matcher(number).matches() || (cjOrderId != null && !ID.matcher(cjOrderId).matches())) {
            return problem(400, "Bad request", "an ORDER message needs params.orderNumber (our purchase order number)"
                    + " and, if any, a plain params.cjOrderId");
        }
        Optional<PurchaseOrderView> po = purchasing.purchaseOrderNumbered(number)
                .filter(p -> p.supplierCode().equals(supplierCode));
        if (po.isEmpty()) {
            return problem(404, "Not found", "supplier " + supplierCode + " has no purchase order " + number);
        }
        String trackNumber = text(params, "trackNumber").filter(PushedText::isTrackingNumber).orElse(null);
        CjDropshipping.CjOrder order = new CjDropshipping.CjOrder(cjOrderId, number,
                CjOrderStatus.of(params.path("orderStatus").asText(null)), text(params, "logisticName").orElse(null),
                trackNumber);
        cj.event(messageId, number, order, po.get().status(), supplierCode)
                .ifPresentOrElse(event -> cj.receive(supplierCode, event),
                        () -> log.info("CJ order {} ({}) is {}: nothing to tell the order yet", number, cjOrderId,
                                order.status()));
        return ok("received");
    }

    private ResponseEntity<Map<String, Object>> logistic(String supplierCode, CjSettings.Account account,
            String messageId, JsonNode params) {
        String cjOrderId = text(params, "orderId").orElse(null);
        String number = text(params, "trackingNumber").orElse(null);
        if (cjOrderId == null || !ID.matcher(cjOrderId).matches() || !PushedText.isTrackingNumber(number)) {
            return problem(400, "Bad request", "a LOGISTIC message needs params.orderId and a usable trackingNumber");
        }
        List<CarrierEvent> events;
        try {
            events = trackEvents(account, number, params.path("logisticsTrackEvents"));
        } catch (RuntimeException bad) {
            return problem(400, "Bad request", "logisticsTrackEvents: " + bad.getMessage());
        }
        Optional<PurchaseOrderView> po = purchasing.purchaseOrderWithReference(supplierCode, cjOrderId);
        if (po.isEmpty()) {
            // CJ's order id is recorded once CJ's answer to our order is taken in: ask CJ to come back.
            return problem(409, "Conflict", "no purchase order of " + supplierCode + " is CJ order " + cjOrderId
                    + " yet; deliver this message again later");
        }
        PurchaseOrderStatus status = po.get().status();
        if (status == PurchaseOrderStatus.DECLINED || status == PurchaseOrderStatus.CANCELLED) {
            log.warn("CJ reports parcel {} for {}, which is {} here: an operator should look", number,
                    po.get().number(), status);
            return ok("purchase order is " + status);
        }
        if (status != PurchaseOrderStatus.SHIPPED) {
            cj.event(messageId, po.get().number(), new CjDropshipping.CjOrder(cjOrderId, null,
                    CjOrderStatus.SHIPPED, text(params, "logisticName").orElse(null), number), status, supplierCode)
                    .ifPresent(event -> cj.receive(supplierCode, event));
        }
        try {
            for (CarrierEvent event : events) {
                tracking.receive(event);
            }
        } catch (NotFound untracked) {
            // A replacement's or exchange's parcel, or one shipped under another number: not followed here.
            log.info("CJ tracks {} for {}, which no shipment of ours has", number, po.get().number());
        }
        return ok("received");
    }

    /** CJ sends the track events as a JSON string holding an array (older messages: the array itself). */
    private static List<CarrierEvent> trackEvents(CjSettings.Account account, String number, JsonNode field)
            throws RuntimeException {
        JsonNode array = field;
        if (field.isTextual()) {
            try {
                array = field.asText().isBlank() ? JSON.createArrayNode() : JSON.readTree(field.asText());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("not a JSON array");
            }
        }
        List<CarrierEvent> events = new ArrayList<>();
        if (array == null || array.isMissingNode() || array.isNull()) {
            return events;
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("not a JSON array");
        }
        for (JsonNode e : array) {
            String time = e.path("eventTime").asText("");
            String activity = e.path("activity").asText(e.path("statusDesc").asText(""));
            if (!e.path("status").canConvertToInt()) {
                throw new IllegalArgumentException("an event has no numeric status");
            }
            java.time.Instant at;
            try {
                at = LocalDateTime.parse(time, CJ_TIME).atZone(account.eventZone()).toInstant();
            } catch (java.time.DateTimeException badTime) {
                throw new IllegalArgumentException("an event's eventTime is not yyyy-MM-dd HH:mm:ss");
            }
            events.add(new CarrierEvent("cj-" + digest(time + "|" + e.path("status").asInt() + "|" + activity),
                    account.carrierCode(), number, CjTrackingStatuses.of(e.path("status").asInt()), at,
                    PushedText.clean(e.path("location").asText(null), 200), PushedText.clean(activity, 1000)));
        }
        return events;
    }

    /** Base64 HMAC-SHA256 of the raw body keyed with the openId: CJ's {@code sign}. */
    static String sign(byte[] body, String openId) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(openId, body));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText().trim()) : Optional.empty();
    }

    /** CJ's acknowledgement: code 200, result success. */
    private static ResponseEntity<Map<String, Object>> ok(String message) {
        return ResponseEntity.ok(Map.of("code", 200, "result", "success", "message", message));
    }

    private static ResponseEntity<Map<String, Object>> problem(int status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("title", title, "status", status, "detail", detail));
    }
}
