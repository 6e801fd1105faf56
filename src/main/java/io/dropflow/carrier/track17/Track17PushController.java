package io.dropflow.carrier.track17;

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
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import io.dropflow.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * 17TRACK's push: JSON {@code {"event": "TRACKING_UPDATED", "data": {"number", "carrier", "track_info"}}}
 * with header {@code sign} = hex SHA-256 of the raw body + "/" + our key. A verified push becomes
 * tracking events (the provider's events, the latest with the latest status); a wrong sign is a
 * 401 that changes nothing, a malformed body a 400. {@code TRACKING_STOPPED} is logged; the
 * process's silence timer then brings the parcel to an operator.
 */
@RestController
@Tag(name = "Partner webhooks")
class Track17PushController {

    static final String PATH = "/api/webhooks/17track";

    private static final Logger log = LoggerFactory.getLogger(Track17PushController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Track17Settings settings;
    private final Tracking tracking;

    Track17PushController(Track17Settings settings, Tracking tracking) {
        this.settings = settings;
        this.tracking = tracking;
    }

    @PostMapping(PATH)
    @Operation(summary = "17TRACK pushes a parcel's track info (header sign)")
    ResponseEntity<Map<String, Object>> push(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "sign", required = false) String sign) {
        if (body == null || sign == null || settings.apiKey() == null || settings.apiKey().isBlank()
                || !MessageDigest.isEqual(sign(body, settings.apiKey()).getBytes(StandardCharsets.UTF_8),
                        sign.trim().toLowerCase().getBytes(StandardCharsets.UTF_8))) {
            log.warn("17TRACK push refused: sign does not match");
            return ResponseEntity.status(401).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of("title", "Unauthorized", "status", 401, "detail", "sign does not match"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return bad("body is not JSON");
        }
        JsonNode data = root.path("data");
        String number = data.path("number").asText("");
        if ("TRACKING_STOPPED".equals(root.path("event").asText())) {
            log.warn("17TRACK stopped following {}", number);
            return ResponseEntity.ok(Map.of("result", "ACKNOWLEDGED"));
        }
        String carrierCode = settings.carrierCode(data.path("carrier").asInt(-1)).orElse(null);
        JsonNode info = data.path("track_info");
        if (carrierCode == null || !PushedText.isTrackingNumber(number) || !info.isObject()) {
            return bad("unknown carrier " + data.path("carrier").asText() + ", or no usable number or track_info");
        }
        List<CarrierEvent> events = new ArrayList<>();
        try {
            for (JsonNode provider : info.path("tracking").path("providers")) {
                for (JsonNode event : provider.path("events")) {
                    events.add(event(carrierCode, number, event, TrackingStatus.IN_TRANSIT));
                }
            }
            JsonNode latest = info.path("latest_event");
            if (!latest.isMissingNode() && !latest.isNull()) {
                events.add(event(carrierCode, number, latest, Track17Statuses.of(info.path("latest_status").path("status").asText())));
            }
        } catch (java.time.DateTimeException | IllegalArgumentException badEvent) {
            return bad("an event has no ISO 8601 time_utc or time_iso: " + badEvent.getMessage());
        }
        try {
            // The latest event is added last and carries the latest status; the same event seen earlier
            // among the provider's events has the same id, so the first one recorded wins: record latest first.
            for (int i = events.size() - 1; i >= 0; i--) {
                tracking.receive(events.get(i));
            }
        } catch (NotFound unknown) {
            log.warn("17TRACK pushed {}, which no shipment has", number);
        }
        return ResponseEntity.ok(Map.of("result", "RECORDED"));
    }

    private static CarrierEvent event(String carrierCode, String number, JsonNode event, TrackingStatus status) {
        if (!event.isObject()) {
            throw new IllegalArgumentException("an event is not an object");
        }
        JsonNode timeNode = event.path("time_utc").isTextual() ? event.path("time_utc") : event.path("time_iso");
        if (!timeNode.isTextual()) {
            throw new IllegalArgumentException("an event has no time");
        }
        String time = timeNode.asText();
        String description = event.path("description").isTextual() ? event.path("description").asText() : "";
        Instant at = OffsetDateTime.parse(time).toInstant();
        String location = event.path("location").isTextual() ? event.path("location").asText() : null;
        return new CarrierEvent("17t-" + sign((time + "|" + description).getBytes(StandardCharsets.UTF_8), "").substring(0, 24),
                carrierCode, number, status, at, PushedText.clean(location, 200), PushedText.clean(description, 1000));
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

    private static ResponseEntity<Map<String, Object>> bad(String detail) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("title", "Bad request", "status", 400, "detail", detail));
    }
}
