package io.dropflow.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The webhook deliveries' gauge counts the open ones; the history of every event taken is not counted. */
@DropflowTest
class DeliveryMetersTest {

    @Autowired
    DeliveryMeters meters;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    private double gauge(String status) {
        var gauge = registry.find("dropflow.webhook.deliveries").tag("status", status).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private void delivery(RecordedDeliveries.Status status) {
        jdbc.update("insert into partner_delivery (partner, account, topic, delivery_id, payload, status, received_at)"
                + " values ('meter-test', 'A', 't', ?, '{}', ?, ?)", UUID.randomUUID().toString(), status.name(),
                Timestamp.from(Instant.now()));
    }

    @Test
    void theOpenDeliveriesAreCountedByStatusAndTheTakenAndClosedOnesNot() {
        meters.refresh();
        double parked = gauge("PARKED");
        double attention = gauge("ATTENTION");

        delivery(RecordedDeliveries.Status.PARKED);
        delivery(RecordedDeliveries.Status.ATTENTION);
        delivery(RecordedDeliveries.Status.ATTENTION);
        delivery(RecordedDeliveries.Status.TAKEN);
        delivery(RecordedDeliveries.Status.CLOSED);
        meters.refresh();

        assertThat(gauge("PARKED")).isEqualTo(parked + 1);
        assertThat(gauge("ATTENTION")).isEqualTo(attention + 2);
        assertThat(gauge("RECEIVED")).isNotNaN();
        assertThat(registry.find("dropflow.webhook.deliveries").tag("status", "TAKEN").gauge())
                .as("the history of every event, not a gauge").isNull();
        assertThat(registry.find("dropflow.webhook.deliveries").tag("status", "CLOSED").gauge()).isNull();
    }
}
