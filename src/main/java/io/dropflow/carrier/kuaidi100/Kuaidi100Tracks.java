package io.dropflow.carrier.kuaidi100;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.PushedText;
import io.dropflow.carrier.TrackingStatus;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Kuaidi100's track records (the push's {@code lastResult} and the real-time query's answer share
 * them: {@code state}, {@code data[]} newest first with {@code ftime}/{@code time}, {@code context},
 * {@code areaName}, {@code statusCode}) as our tracking events. Asked for with {@code resultv2=4}, the parcel's
 * {@code state} and each record's {@code statusCode} are Kuaidi100's detailed codes ({@link Kuaidi100States}); the
 * latest record carries the parcel's state. Times are China Standard Time.
 */
final class Kuaidi100Tracks {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Kuaidi100Tracks() {
    }

    /** @throws IllegalArgumentException for a record whose time is not yyyy-MM-dd HH:mm:ss */
    static List<CarrierEvent> events(String carrierCode, String number, JsonNode result) {
        List<CarrierEvent> events = new ArrayList<>();
        JsonNode data = result.path("data");
        for (int i = data.size() - 1; i >= 0; i--) {
            JsonNode record = data.get(i);
            String time = record.path("ftime").asText(record.path("time").asText(""));
            String context = record.path("context").asText("");
            TrackingStatus status = i == 0 ? Kuaidi100States.of(result.path("state").asText())
                    : record.hasNonNull("statusCode") ? Kuaidi100States.of(record.path("statusCode").asText())
                    : TrackingStatus.IN_TRANSIT;
            java.time.Instant at;
            try {
                at = LocalDateTime.parse(time, TIME).atZone(CHINA).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("record time '" + time + "' is not yyyy-MM-dd HH:mm:ss");
            }
            String place = record.path("areaName").asText(record.path("location").asText(null));
            events.add(new CarrierEvent("k100-" + Kuaidi100Client.md5Upper(number + "|" + time + "|" + context).substring(0, 24), carrierCode,
                    number, status, at, PushedText.clean(place, 200), PushedText.clean(context, 1000)));
        }
        return events;
    }
}
