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

    /** Each test its own databases: each migrates from an empty one. */
    static Stream<Arguments> databasesOfV81() {
        return MigratedDatabases.both("shipment_tracking_key_v81");
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

    /**
     * V81 keys the parcels recorded before it as {@link Shipment#trackingKey} keys new ones since exploratory test s18
     * (H3): without spaces and hyphens, full-width letters and digits as the plain ones, so that a parcel recorded as
     * "sbx 920536-33950z" is found as "SBX92053633950Z". A parcel a node from before V79 left without its key gets it
     * too (the key stays optional for such nodes, review s17, F1).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databasesOfV81")
    void parcelsRecordedBeforeV81AreKeyedWithoutSeparatorsAndFullWidth(String name, DataSource database) {
        JdbcTemplate sql = new JdbcTemplate(database);
        MigratedDatabases.migrateTo(database, "72");
        Timestamp created = Timestamp.from(Instant.parse("2026-12-01T09:00:00Z"));
        MigratedDatabases.deliveredOrderWithItsPurchaseOrder(sql, 6, created);
        String[][] parcels = {{"SANDBOX-POST", "SBX92053633950Z"}, {"sandbox-post", "sbx 920536 33950z"},
                {"SANDBOX-POST", "SBX-920536-33950Z"}, {"SANDBOX-POST", "\uFF33\uFF22\uFF38\uFF19\uFF12\uFF10\uFF15\uFF13\uFF16"
                        + "\u3000\uFF13\uFF13\uFF19\uFF15\uFF10\uFF5A"}, {"SANDBOX-POST", "sbx\u2013920536\u201233950z"},
                {"SANDBOX-POST", "SBX\t920536\u00A033950Z"}, {"YUNEXPRESS", "YT2412345678"}};
        for (String[] parcel : parcels) {
            sql.update("insert into shipment (order_id, purchase_order_id, carrier_code, tracking_number, status, created_at)"
                    + " values (1, 1, ?, ?, 'IN_TRANSIT', ?)", parcel[0], parcel[1], created);
        }
        MigratedDatabases.migrateTo(database, "80");
        sql.update("insert into shipment (order_id, purchase_order_id, carrier_code, tracking_number, status, created_at)"
                + " values (1, 1, 'SANDBOX-POST', 'OLD NODE-1', 'IN_TRANSIT', ?)", created);

        MigratedDatabases.migrateTo(database, "81");

        java.util.List<String> expected = new java.util.ArrayList<>();
        for (String[] parcel : parcels) {
            expected.add(Shipment.trackingKey(parcel[0], parcel[1]));
        }
        expected.add("SANDBOX-POST OLDNODE1");
        assertThat(sql.queryForList("select tracking_key from shipment order by id", String.class))
                .containsExactlyElementsOf(expected);
        assertThat(expected.subList(0, 6)).containsOnly("SANDBOX-POST SBX92053633950Z");
    }
}
