package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.AtOnce;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same supplier, leader or pickup point created by ten clients at the same moment (a sync retrying after a
 * timeout): one 201, and every other client the 409 a repeat a moment later gets, the same words. Before, the
 * requests that passed the "is the code taken?" look together and lost on the code's unique key got a 500
 * internal-error ("our bug"), on PostgreSQL as on H2.
 */
@DropflowTest
class CodesCreatedAtOnceTest {

    private static final int CLIENTS = 10;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
    }

    private static Consumer<HttpHeaders> asSupervisor() {
        return h -> h.setBasicAuth("sam", "sam");
    }

    private static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aSupplierCreatedTenTimesAtOnceIsOne201AndNine409s() throws Exception {
        String code = code("RACE-");
        Map<String, Object> supplier = Map.of("code", code, "name", "Race", "region", "DE", "score", 50, "tier", 2);

        assertOne201AndTheRestAsARepeat("/api/suppliers", supplier, "a supplier with code " + code + " exists already");
        assertThat(jdbc.queryForObject("select count(*) from supplier where code = ?", Long.class, code)).isEqualTo(1);
    }

    @Test
    void aLeaderAndAPickupPointCreatedTenTimesAtOnceAreOne201AndNine409sEach() throws Exception {
        String leader = code("LRACE");
        Map<String, Object> leaderBody = Map.of("code", leader, "name", "Leo Race", "userId", "leo",
                "commissionRate", "0.1");
        assertOne201AndTheRestAsARepeat("/api/leaders", leaderBody, "leader " + leader + " exists already");

        String point = code("PRACE");
        Map<String, Object> pointBody = Map.of("code", point, "name", "Race Point", "line1", "Str 1", "city", "Berlin",
                "country", "DE", "timeZone", "Europe/Berlin", "leader", leader);
        assertOne201AndTheRestAsARepeat("/api/pickup-points", pointBody, "pickup point " + point + " exists already");

        assertThat(jdbc.queryForObject("select count(*) from group_buy_leader where code = ?", Long.class, leader))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from pickup_point where code = ?", Long.class, point))
                .isEqualTo(1);
    }

    private void assertOne201AndTheRestAsARepeat(String path, Map<String, Object> body, String repeatSays)
            throws Exception {
        List<ResponseEntity<String>> answers = AtOnce.send(CLIENTS, () -> dropflow.post(path, body, asSupervisor()));
        ResponseEntity<String> repeat = dropflow.post(path, body, asSupervisor());

        List<Integer> statuses = answers.stream().map(a -> a.getStatusCode().value()).toList();
        assertThat(statuses).as(path + " " + statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(repeat.getStatusCode().value()).isEqualTo(409);
        String repeatType = DropflowDriver.read(repeat.getBody()).path("type").asText();
        assertThat(DropflowDriver.read(repeat.getBody()).path("detail").asText()).isEqualTo(repeatSays);
        for (ResponseEntity<String> answer : answers) {
            if (answer.getStatusCode().value() == 409) {
                assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
                assertThat(DropflowDriver.read(answer.getBody()).path("type").asText()).isEqualTo(repeatType);
                assertThat(DropflowDriver.read(answer.getBody()).path("detail").asText()).isEqualTo(repeatSays);
            }
        }
    }
}
