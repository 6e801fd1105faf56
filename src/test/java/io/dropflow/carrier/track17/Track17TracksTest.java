package io.dropflow.carrier.track17;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The events of a 17TRACK track_info: one dated beyond every calendar (exploratory test: "+999999999-12-31T23:59:59Z",
 * which PostgreSQL refuses and which held back the whole push) is left out as an unreadable time; the event beside
 * it is taken.
 */
class Track17TracksTest {

    @Test
    void anEventDatedBeyondEveryCalendarIsLeftOutAndTheOneBesideItIsTaken() throws Exception {
        var info = new ObjectMapper().readTree("""
                {"tracking": {"providers": [{"events": [
                  {"time_utc": "+999999999-12-31T23:59:59Z", "stage": "InTransit", "description": "far ahead"},
                  {"time_utc": "2026-12-05T08:00:00Z", "stage": "Delivered", "description": "delivered"}
                ]}]}}
                """);

        var events = Track17Tracks.events("DHL", "JD0001", info, ZoneOffset.UTC);

        assertThat(events).extracting(CarrierEvent::occurredAt).containsExactly(Instant.parse("2026-12-05T08:00:00Z"));
    }
}
