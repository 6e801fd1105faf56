package io.dropflow.supplier.cj;

import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.security.Hmac;
import io.dropflow.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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
 * the raw body keyed with the account's openId (CJ's "Webhook Mechanism", Signature Authentication).
 * A wrong sign is a 401 that records nothing. Any signed message is recorded and answered
 * {@code {"code":200,"result":"success"}} at once, as CJ asks (200 within 3 s; CJ stops sending when
 * half of its messages fail): {@link CjMessages} takes it in, and what it cannot take yet is parked
 * and retried by Dropflow, then shown to an operator.
 */
@RestController
@Tag(name = "Partner webhooks")
class CjWebhookController {

    static final String PATH = "/api/webhooks/cj/{supplierCode}";

    private static final Logger log = LoggerFactory.getLogger(CjWebhookController.class);

    private final CjSettings settings;
    private final PartnerDeliveries deliveries;

    CjWebhookController(CjSettings settings, PartnerDeliveries deliveries) {
        this.settings = settings;
        this.deliveries = deliveries;
    }

    @PostMapping(PATH)
    @Operation(summary = "CJ Dropshipping reports on an order or its parcel (header sign)")
    ResponseEntity<Object> receive(@PathVariable String supplierCode,
            @RequestBody(required = false) byte[] body, @RequestHeader(name = "sign", required = false) String sign) {
        Optional<CjSettings.Account> account = settings.account(supplierCode);
        if (account.isEmpty()) {
            // Without the account there is no openId to verify the message with.
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                            "no CJ account is configured for supplier " + supplierCode));
        }
        String openId = account.get().openId();
        if (body == null || sign == null || openId == null || openId.isBlank()
                || !MessageDigest.isEqual(sign(body, openId).getBytes(StandardCharsets.UTF_8),
                        sign.trim().getBytes(StandardCharsets.UTF_8))) {
            log.warn("CJ webhook for {} refused: sign does not match", supplierCode);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemTypes.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.WEBHOOK_UNAUTHORIZED, "Unauthorized",
                            "sign does not match"));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String type = field(text, "type");
        String messageId = field(text, "messageId");
        PartnerDeliveries.Receipt receipt = deliveries.receive(CjDropshipping.PARTNER, supplierCode,
                type == null ? "unknown" : type, messageId == null || messageId.isBlank() ? "sha256:" + digest(body) : messageId,
                text);
        return ResponseEntity.ok(Map.of("code", 200, "result", "success", "message",
                receipt.result().outcome().name().toLowerCase() + ": " + receipt.result().detail()));
    }

    /** A top-level text field of the message, if it is JSON at all (the handler reads it properly). */
    private static String field(String text, String name) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            return node == null || !node.path(name).isValueNode() ? null : node.path(name).asText();
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    /** Base64 HMAC-SHA256 of the raw body keyed with the openId: CJ's {@code sign}. */
    static String sign(byte[] body, String openId) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(openId, body));
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 40);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
