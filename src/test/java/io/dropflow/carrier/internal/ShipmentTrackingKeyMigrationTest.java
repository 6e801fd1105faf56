package io.dropflow.carrier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.MigratedDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V79 gives the parcels recorded before it their lookup key on PostgreSQL and on H2, the one {@link Shipment#trackingKey}
 * writes for new ones, so that a parcel recorded as "sbx920536339n3g" is found as "SBX920536339N3G" (exploratory test
 * s17, D3); two parcels that differ only in case, recorded before, do not stop the migration.
 */
class ShipmentTrackingKeyMigrationTest {

    static Stream<Arguments> databases() {
        return MigratedDatabases.both("shipment_tracking_key_migration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void parcelsRecordedBeforeGetTheKeyTheirNewOnesGet(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "72");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        MigratedDatabases.deliveredOrderWithItsPurchaseOrder(sql, 6, created);
        for (String[] parcel : new String[][] {{"sandbox-post", "sbx920536339n3g"}, {"SANDBOX-POST", "SBX920536339N3G"},
                {"YUNEXPRESS", "YT2412345678"}}) {
            sql.update("insert into shipment (order_id, purchase_order_id, carrier_code, tracking_number, status, created_at)"
                    + " values (1, 1, ?, ?, 'IN_TRANSIT', ?)", parcel[0], parcel[1], created);
        }

        MigratedDatabases.migrateTo(database, "79");

        assertThat(sql.queryForList("select tracking_key from shipment order by id", String.class)).containsExactly(
                Shipment.trackingKey("sandbox-post", "sbx920536339n3g"), "SANDBOX-POST SBX920536339N3G",
                Shipment.trackingKey("YUNEXPRESS", "YT2412345678"));
        assertThat(Shipment.trackingKey(" sandbox-post", "sbx920536339n3g ")).isEqualTo("SANDBOX-POST SBX920536339N3G");
    }
}
