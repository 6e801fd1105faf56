package io.dropflow.carrier.kuaidi100;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingEventBeforeParcel;
import io.dropflow.partners.DeliveryHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Kuaidi100 push tells the number's whole history, and carriers use numbers again: its records dated before our
 * purchase order was placed ({@link TrackingEventBeforeParcel}) are another parcel's. They are left out of a push
 * that tells our parcel's too (taken, saying which were left out); a push of nothing else goes to an operator.
 */
class Kuaidi100RecordsBeforeThePurchaseOrderTest {

    /** 20:00 in China. */
    private static final Instant FORWARDED = Instant.parse("2026-12-06T12:00:00Z");
    private static final String NUMBER = "YT9876500001";

    private final Kuaidi100Settings settings = new Kuaidi100Settings("CUST1", "KEY1", "SALT1",
            "https://dropflow.example/api/webhooks/kuaidi100", "http://localhost:9/poll", "http://localhost:9/poll/query.do",
            Map.of("YTO", "yuantong"), Duration.ofSeconds(2), Duration.ofSeconds(5), null, null);
    private final Tracking tracking = mock(Tracking.class);
    private final Kuaidi100Pushes pushes = new Kuaidi100Pushes(settings, new Kuaidi100Client(settings,
            io.dropflow.partners.internal.ResilientPartnerCalls.local(new io.dropflow.partners.internal.PartnerSettings(
                    null, null, null), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Clock.systemUTC())),
            tracking, Clock.fixed(FORWARDED.plus(Duration.ofHours(1)), ZoneOffset.UTC));

    Kuaidi100RecordsBeforeThePurchaseOrderTest() {
        when(tracking.receiveScan(any())).thenAnswer(call -> {
            CarrierEvent event = call.getArgument(0);
            if (event.occurredAt().isBefore(FORWARDED)) {
                throw new TrackingEventBeforeParcel(event, FORWARDED);
            }
            return true;
        });
        when(tracking.receiveScans(any())).thenCallRealMethod(); // each scan as receiveScan above
        when(tracking.receiveEachScan(any())).thenCallRealMethod();
    }

    private static DeliveryHandler.Delivery push(String state, String... times) {
        StringBuilder data = new StringBuilder();
        for (String time : times) {
            data.append(data.isEmpty() ? "" : ",").append("{\"time\":\"").append(time).append("\",\"ftime\":\"")
                    .append(time).append("\",\"context\":\"【上海】运输中\"}");
        }
        String param = "{\"status\":\"polling\",\"billstatus\":\"got\",\"message\":\"\",\"lastResult\":{\"message\":\"ok\","
                + "\"nu\":\"" + NUMBER + "\",\"ischeck\":\"0\",\"com\":\"yuantong\",\"status\":\"200\",\"state\":\"" + state
                + "\",\"data\":[" + data + "]}}";
        return new DeliveryHandler.Delivery(7L, "kuaidi100", "kuaidi100", "polling", "k100-" + NUMBER, param, 0,
                FORWARDED.plus(Duration.ofHours(1)));
    }

    @Test
    void recordsOfAnotherParcelAreLeftOutOfAPushThatTellsOurs() {
        DeliveryHandler.Result result = pushes.handle(push("0", "2026-12-06 20:10:00", "2026-12-06 19:50:00"));

        assertThat(result.outcome()).isEqualTo(DeliveryHandler.Outcome.TAKEN);
        assertThat(result.detail()).startsWith("1 records of YTO " + NUMBER).contains("left out",
                "dated 2026-12-06T11:50:00Z, before its purchase order was placed (2026-12-06T12:00:00Z)");
        verify(tracking, times(2)).receiveScan(any());
    }

    @Test
    void aPushOfAnotherParcelsRecordsAloneGoesToAnOperator() {
        DeliveryHandler.Result result = pushes.handle(push("3", "2026-12-06 19:55:00", "2026-12-06 19:50:00"));

        assertThat(result.outcome()).isEqualTo(DeliveryHandler.Outcome.UNUSABLE);
        assertThat(result.detail()).contains("DELIVERED for YTO " + NUMBER + " dated 2026-12-06T11:55:00Z",
                "placed (2026-12-06T12:00:00Z)", "not applied");
        assertThat(io.dropflow.translation.OperatorTexts.of("zh").findMessage(result.detail())).as("in Chinese too")
                .isPresent();
    }
}
