package io.dropflow.carrier.kuaidi100;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.PushedText;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.dropflow.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kuaidi100's push (推送): a form with {@code param} (JSON: status and lastResult with the parcel's
 * state and records, newest first) and {@code sign}, the uppercase MD5 of param + salt. A verified
 * push is recorded as tracking events and answered as Kuaidi100 expects, so that it does not push
 * again. A wrong sign gets 401 and changes nothing; a malformed one 400. An {@code abort} (Kuaidi100
 * stopped following the parcel, e.g. no record for days) is logged; the process's silence timer
 * then brings the parcel to an operator.
 */
@RestController
@Tag(name = "Partner webhooks")
class Kuaidi100PushController {

    static final String PATH = "/api/webhooks/kuaidi100";

    private static final Logger log = LoggerFactory.getLogger(Kuaidi100PushController.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kuaidi100 writes times in China Standard Time. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Kuaidi100Settings settings;
    private final Tracking tracking;

    Kuaidi100PushController(Kuaidi100Settings settings, Tracking tracking) {
        this.settings = settings;
        this.tracking = tracking;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Kuaidi100 pushes a parcel's tracking (form fields param and sign)")
    ResponseEntity<Map<String, Object>> push(@RequestParam(required = false) String param,
            @RequestParam(required = false) String sign) {
        if (param == null || sign == null || settings.salt() == null) {
            return answer(400, "param and sign are required");
        }
        String expected = Kuaidi100Client.pushSign(param, settings.salt());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sign.trim().toUpperCase().getBytes(StandardCharsets.UTF_8))) {
            log.warn("Kuaidi100 push refused: sign does not match");
            return answer(401, "sign does not match");
        }
        JsonNode root;
        try {
            root = JSON.readTree(param);
        } catch (java.io.IOException e) {
            return answer(400, "param is not JSON");
        }
        JsonNode last = root.path("lastResult");
        String company = last.path("com").asText("");
        String number = last.path("nu").asText("");
        if ("abort".equals(root.path("status").asText())) {
            log.warn("Kuaidi100 stopped following {} {}: {}", company, number, root.path("message").asText());
            return answer(200, "成功");
        }
        String carrierCode = settings.carrierFor(company).orElse(null);
        if (carrierCode == null || !PushedText.isTrackingNumber(number) || !last.path("data").isArray()) {
            return answer(400, "unknown company '" + company + "' or no number or records");
        }
        List<CarrierEvent> events = new ArrayList<>();
        JsonNode data = last.path("data");
        for (int i = data.size() - 1; i >= 0; i--) {
            JsonNode record = data.get(i);
            String time = record.path("ftime").asText(record.path("time").asText(""));
            String context = record.path("context").asText("");
            TrackingStatus status = i == 0 ? Kuaidi100States.of(last.path("state").asText())
                    : record.hasNonNull("statusCode") ? Kuaidi100States.of(record.path("statusCode").asText())
                    : TrackingStatus.IN_TRANSIT;
            Instant at;
            try {
                at = LocalDateTime.parse(time, TIME).atZone(CHINA).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return answer(400, "record time '" + time + "' is not yyyy-MM-dd HH:mm:ss");
            }
            String place = record.path("areaName").asText(record.path("location").asText(null));
            events.add(new CarrierEvent("k100-" + Kuaidi100Client.md5Upper(time + "|" + context).substring(0, 24), carrierCode,
                    number, status, at, PushedText.clean(place, 200), PushedText.clean(context, 1000)));
        }
        try {
            events.forEach(tracking::receive);
        } catch (NotFound unknown) {
            log.warn("Kuaidi100 pushed {} {}, which no shipment has: {}", company, number, unknown.getMessage());
        }
        return answer(200, "成功");
    }

    /** The answer Kuaidi100 reads: result true and returnCode 200 stop its retries. */
    private static ResponseEntity<Map<String, Object>> answer(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("result", status == 200, "returnCode", Integer.toString(status), "message", message));
    }
}
