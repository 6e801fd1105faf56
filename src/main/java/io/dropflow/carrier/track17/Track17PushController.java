package io.dropflow.carrier.track17;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * 17TRACK's push (Tracking API v2.2, Webhook: https://asset.17track.net/api/document/v2.2_en/index.html):
 * JSON {@code {"event": "TRACKING_UPDATED"|"TRACKING_STOPPED", "data": {"number", "carrier", "track_info"}}}
 * with header {@code sign} = hex SHA-256 of the raw body + "/" + our key. A wrong sign is a 401 that
 * records nothing; anything verified is recorded and answered 200 at once, and {@link Track17Pushes}
 * takes it in.
 * <p>
 * The sign rule is not confirmed by a 17TRACK page in reach (searched 2026-12-08): the API document above is not
 * readable here, and 17TRACK's help article on webhooks
 * (https://help.17track.net/hc/en-us/articles/37470032453529-What-is-a-webhook-How-to-configure-it) tells where the
 * URL is set, not how a push is signed. The rule is what independent integrations of v2.2 and v2.4 verify;
 * docs/partners/17track.md says what was searched and asks to check it against the account before going live.
 */
@RestController
@Tag(name = "Partner webhooks")
class Track17PushController {

    static final String PATH = "/api/webhooks/17track";

    private static final Logger log = LoggerFactory.getLogger(Track17PushController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Track17Settings settings;
    private final PartnerDeliveries deliveries;

    Track17PushController(Track17Settings settings, PartnerDeliveries deliveries) {
        this.settings = settings;
        this.deliveries = deliveries;
    }

    @PostMapping(PATH)
    @Operation(summary = "17TRACK pushes a parcel's track info (header sign)")
    ResponseEntity<Object> push(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "sign", required = false) String sign) {
        if (body == null || sign == null || settings.apiKey() == null || settings.apiKey().isBlank()
                || !MessageDigest.isEqual(sign(body, settings.apiKey()).getBytes(StandardCharsets.UTF_8),
                        sign.trim().toLowerCase().getBytes(StandardCharsets.UTF_8))) {
            log.warn("17TRACK push refused: sign does not match");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemTypes.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.WEBHOOK_UNAUTHORIZED, "Unauthorized",
                            "sign does not match"));
        }
        String event = "push";
        try {
            JsonNode root = JSON.readTree(body);
            event = root == null ? "push" : root.path("event").asText("push");
        } catch (java.io.IOException notJson) {
            // recorded as it came; the handler sends it to an operator
        }
        PartnerDeliveries.Receipt receipt = deliveries.receive(Track17Pushes.PARTNER, "17track", event,
                "17t-" + sign(body, "").substring(0, 40), new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.ok(Map.of("result", receipt.result().outcome().name()));
    }

    /** Hex SHA-256 of body + "/" + key: 17TRACK's {@code sign}. */
    static String sign(byte[] body, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(body);
            sha.update(("/" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
