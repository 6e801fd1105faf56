package io.dropflow.carrier.kuaidi100;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.partners.PartnerDeliveries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kuaidi100's push (推送, https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c): a form with
 * {@code param} (JSON: status and lastResult with the parcel's state and records, newest first) and
 * {@code sign}, the uppercase MD5 of param + salt. A wrong sign gets 401 and records nothing. A
 * verified push is recorded and answered {@code {"result":true,"returnCode":"200"}} at once, as
 * Kuaidi100 asks (otherwise it pushes again); {@link Kuaidi100Pushes} takes it in.
 */
@RestController
@Tag(name = "Partner webhooks")
class Kuaidi100PushController {

    static final String PATH = "/api/webhooks/kuaidi100";

    private static final Logger log = LoggerFactory.getLogger(Kuaidi100PushController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kuaidi100Settings settings;
    private final PartnerDeliveries deliveries;

    Kuaidi100PushController(Kuaidi100Settings settings, PartnerDeliveries deliveries) {
        this.settings = settings;
        this.deliveries = deliveries;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Kuaidi100 pushes a parcel's tracking (form fields param and sign)")
    ResponseEntity<Map<String, Object>> push(@RequestParam(required = false) String param,
            @RequestParam(required = false) String sign) {
        if (io.dropflow.partners.PartnerBinding.unset(settings.salt())) {
            // Without a salt the sign is MD5(param), which anyone can compute: nothing is taken
            log.warn("Kuaidi100 push refused: Kuaidi100 is not configured (no salt)");
            return answer(401, "Kuaidi100 is not configured here");
        }
        if (param == null || sign == null) {
            return answer(401, "param and sign are required");
        }
        String expected = Kuaidi100Client.pushSign(param, settings.salt());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sign.trim().toUpperCase().getBytes(StandardCharsets.UTF_8))) {
            log.warn("Kuaidi100 push refused: sign does not match");
            return answer(401, "sign does not match");
        }
        String topic = "push";
        String number = "unknown";
        try {
            JsonNode root = JSON.readTree(param);
            topic = root.path("status").asText("push");
            number = root.path("lastResult").path("nu").asText("unknown");
        } catch (java.io.IOException notJson) {
            // recorded as it came; the handler sends it to an operator
        }
        deliveries.receive(Kuaidi100Pushes.PARTNER, "kuaidi100", topic, "k100-" + number + "-" + expected, param);
        return answer(200, "成功");
    }

    /** The answer Kuaidi100 reads: result true and returnCode 200 stop its retries. */
    private static ResponseEntity<Map<String, Object>> answer(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("result", status == 200, "returnCode", Integer.toString(status), "message", message));
    }
}
