package io.dropflow.groupbuy;

import static io.dropflow.support.GroupBuyDriver.asLeader;
import static io.dropflow.support.GroupBuyDriver.asSupervisor;
import static io.dropflow.support.GroupBuyDriver.po;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.GroupBuyDriver;
import io.dropflow.support.GroupBuyFixtures;
import io.dropflow.support.GroupBuyFixtures.Goods;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Group buying's API: leaders, pickup points and offers managed like the catalog; group-buy orders
 * refused with a problem naming what is wrong and nothing stored; pickup codes used once and only at
 * their point; a leader acting for their own points only.
 */
@DropflowTest
class GroupBuyApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    GroupBuyFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.dropflow.supplier.internal.CatalogFixtures catalog;

    DropflowDriver dropflow;
    GroupBuyDriver groupBuy;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        groupBuy = new GroupBuyDriver(dropflow, engine);
    }

    private Goods goods(int cap) {
        Goods goods = fixtures.goods(false);
        groupBuy.offer(goods.sku(), cap);
        return goods;
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static Map<String, Object> point(String code, String leader, String timeZone, Long version) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("code", code);
        point.put("name", "Lakeside Convenience Store");
        point.put("line1", "88 Lakeside Road");
        point.put("city", "Shanghai");
        point.put("region", "Shanghai");
        point.put("country", "CN");
        point.put("timeZone", timeZone);
        point.put("leader", leader);
        if (version != null) {
            point.put("version", version);
        }
        return point;
    }

    /** An order's goods delivered to its point and confirmed by the leader: ready for pickup. */
    private long readyForPickup(String point, Goods goods) {
        long order = groupBuy.order(point, goods.sku(), 1, "15.00");
        long batch = groupBuy.batchOf(order);
        groupBuy.cutoff(batch);
        dropflow.supplierShipped(goods.first(), po(batch, 1), "GBA-" + batch);
        groupBuy.runJobs(batch);
        dropflow.carrierSays("GBA-" + batch, "DELIVERED");
        groupBuy.runJobs(batch);
        return order;
    }

    /**
     * Exploratory test s16, defect 5: a point in CN with region "新疆" (or "xinjiang", "XJ") was stored as typed, and
     * group-buy-cutoff.dmn, which reads "Xinjiang", gave it the default terms (23:00, P3D to collect instead of 21:00,
     * P5D). A Chinese region is stored as the table reads it; one that is no provincial-level division is a 400.
     */
    @Test
    void aChineseRegionIsStoredAsTheCutoffTableReadsItAndAnUnknownOneIsRefused() {
        String leader = code("L");
        leaderLogin("lily");
        assertThat(dropflow.post("/api/leaders", Map.of("code", leader, "name", "Lily Leader", "userId", "lily",
                "commissionRate", "0.08"), asSupervisor()).getStatusCode().value()).isEqualTo(201);
        Map<String, String> stored = new LinkedHashMap<>();
        for (String typed : List.of("新疆", "xinjiang", "CN-XJ", "Xinjiang Uygur Autonomous Region", "西藏", "cn-xz")) {
            Map<String, Object> point = point(code("PT"), leader, "Asia/Urumqi", null);
            point.put("region", typed);
            ResponseEntity<String> created = dropflow.post("/api/pickup-points", point, asSupervisor());
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
            stored.put(typed, DropflowDriver.read(created.getBody()).path("region").asText());
        }
        assertThat(stored).containsExactly(Map.entry("新疆", "Xinjiang"), Map.entry("xinjiang", "Xinjiang"),
                Map.entry("CN-XJ", "Xinjiang"), Map.entry("Xinjiang Uygur Autonomous Region", "Xinjiang"),
                Map.entry("西藏", "Tibet"), Map.entry("cn-xz", "Tibet"));

        Map<String, Object> unknown = point(code("PT"), leader, "Asia/Shanghai", null);
        unknown.put("region", "Xinjang");
        ResponseEntity<String> refused = dropflow.post("/api/pickup-points", unknown, asSupervisor());
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("region").contains("Xinjang")
                .contains("no provincial-level division of China").contains("Xinjiang (新疆, CN-XJ)")
                .contains("Shanghai (上海, CN-SH)");

        // elsewhere a region is free text, as before
        Map<String, Object> bavaria = point(code("PT"), leader, "Europe/Berlin", null);
        bavaria.put("country", "DE");
        bavaria.put("region", "Bayern");
        ResponseEntity<String> german = dropflow.post("/api/pickup-points", bavaria, asSupervisor());
        assertThat(german.getStatusCode().value()).as(german.getBody()).isEqualTo(201);
        assertThat(DropflowDriver.read(german.getBody()).path("region").asText()).isEqualTo("Bayern");
    }

    /**
     * Explore s17, defect 5: a point in China without a region (left out, "", blank) was taken and got the table's default
     * terms, also in Urumqi. In China the region is required, as an unknown one is refused; a point stored earlier without
     * one keeps it while a change does not set it (as F7's unknown region), so that it can still be deactivated.
     */
    @Test
    void aPointInChinaWithoutARegionIsRefusedListingTheRegions() {
        String leader = code("L");
        leaderLogin("lily");
        assertThat(dropflow.post("/api/leaders", Map.of("code", leader, "name", "Lily Leader", "userId", "lily",
                "commissionRate", "0.08"), asSupervisor()).getStatusCode().value()).isEqualTo(201);
        for (String region : java.util.Arrays.asList(null, "", "   ")) {
            Map<String, Object> point = point(code("PT"), leader, "Asia/Urumqi", null);
            if (region == null) {
                point.remove("region");
            } else {
                point.put("region", region);
            }
            ResponseEntity<String> refused = dropflow.post("/api/pickup-points", point, asSupervisor());
            assertThat(refused.getStatusCode().value()).as("region " + region + ": " + refused.getBody()).isEqualTo(400);
            assertThat(refused.getBody()).contains("region").contains("is missing")
                    .contains("Xinjiang (新疆, CN-XJ)").contains("Shanghai (上海, CN-SH)");
        }
        // Traditional Chinese names are the same regions
        Map<String, String> stored = new LinkedHashMap<>();
        for (String typed : List.of("新疆維吾爾自治區", "廣東", "內蒙古")) {
            Map<String, Object> point = point(code("PT"), leader, "Asia/Shanghai", null);
            point.put("region", typed);
            ResponseEntity<String> created = dropflow.post("/api/pickup-points", point, asSupervisor());
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
            stored.put(typed, DropflowDriver.read(created.getBody()).path("region").asText());
        }
        assertThat(stored).containsExactly(Map.entry("新疆維吾爾自治區", "Xinjiang"), Map.entry("廣東", "Guangdong"),
                Map.entry("內蒙古", "Inner Mongolia"));

        // stored without a region before it was required: a change that does not set one goes through
        String code = code("PT");
        assertThat(dropflow.post("/api/pickup-points", point(code, leader, "Asia/Urumqi", null), asSupervisor())
                .getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.update("update pickup_point set region = null where code = ?", code)).isOne();
        long version = DropflowDriver.read(dropflow.get("/api/pickup-points/" + code, asSupervisor()).getBody())
                .path("version").asLong();
        Map<String, Object> inactive = point(code, leader, "Asia/Urumqi", version);
        inactive.remove("region");
        inactive.put("active", false);
        ResponseEntity<String> deactivated = dropflow.put("/api/pickup-points/" + code, inactive, asSupervisor());
        assertThat(deactivated.getStatusCode().value()).as(deactivated.getBody()).isEqualTo(200);
    }

    /**
     * Review s16 part 2, F7: a point stored before regions of China were checked, with a city for its region ("Urumqi"),
     * could not be deactivated or given another leader: every change was a 400 about the region. The region is checked
     * when a change sets it (another region, or the country China); otherwise the point keeps it and works as before.
     */
    @Test
    void aPointStoredWithAnUnknownChineseRegionChangesAndOnlyANewRegionIsChecked() {
        String leader = code("L");
        leaderLogin("lily");
        assertThat(dropflow.post("/api/leaders", Map.of("code", leader, "name", "Lily Leader", "userId", "lily",
                "commissionRate", "0.08"), asSupervisor()).getStatusCode().value()).isEqualTo(201);
        String code = code("PT");
        assertThat(dropflow.post("/api/pickup-points", point(code, leader, "Asia/Urumqi", null), asSupervisor())
                .getStatusCode().value()).isEqualTo(201);
        // as stored before 060fc94b checked regions
        assertThat(jdbc.update("update pickup_point set region = 'Urumqi' where code = ?", code)).isOne();
        long version = DropflowDriver.read(dropflow.get("/api/pickup-points/" + code, asSupervisor()).getBody())
                .path("version").asLong();

        Map<String, Object> inactive = point(code, leader, "Asia/Urumqi", version);
        inactive.put("region", "Urumqi");
        inactive.put("active", false);
        ResponseEntity<String> deactivated = dropflow.put("/api/pickup-points/" + code, inactive, asSupervisor());

        assertThat(deactivated.getStatusCode().value()).as(deactivated.getBody()).isEqualTo(200);
        JsonNode changed = DropflowDriver.read(deactivated.getBody());
        assertThat(changed.path("active").asBoolean()).isFalse();
        assertThat(changed.path("region").asText()).isEqualTo("Urumqi");

        // a change that sets another region is checked: an unknown one is refused, a known one stored as the table reads it
        Map<String, Object> typo = point(code, leader, "Asia/Urumqi", changed.path("version").asLong());
        typo.put("region", "Urumqi City");
        ResponseEntity<String> refused = dropflow.put("/api/pickup-points/" + code, typo, asSupervisor());
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("Urumqi City").contains("no provincial-level division of China");
        Map<String, Object> corrected = point(code, leader, "Asia/Urumqi", changed.path("version").asLong());
        corrected.put("region", "新疆");
        ResponseEntity<String> mended = dropflow.put("/api/pickup-points/" + code, corrected, asSupervisor());
        assertThat(mended.getStatusCode().value()).as(mended.getBody()).isEqualTo(200);
        assertThat(DropflowDriver.read(mended.getBody()).path("region").asText()).isEqualTo("Xinjiang");

        // a point elsewhere moved to China brings its region into the check
        String german = code("PT");
        Map<String, Object> bavaria = point(german, leader, "Europe/Berlin", null);
        bavaria.put("country", "DE");
        bavaria.put("region", "Bayern");
        ResponseEntity<String> created = dropflow.post("/api/pickup-points", bavaria, asSupervisor());
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        bavaria.put("country", "CN");
        bavaria.put("version", DropflowDriver.read(created.getBody()).path("version").asLong());
        ResponseEntity<String> moved = dropflow.put("/api/pickup-points/" + german, bavaria, asSupervisor());
        assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(400);
        assertThat(moved.getBody()).contains("Bayern").contains("no provincial-level division of China");
    }

    @Test
    void leadersPickupPointsAndOffersAreManagedLikeTheCatalog() {
        String leader = code("L");
        leaderLogin("lily");
        // Supervisors add a leader and a pickup point; operators may read, not write
        assertThat(dropflow.post("/api/leaders", Map.of("code", leader, "name", "Lily Leader", "userId", "lily",
                "commissionRate", "0.08"), asSupervisor()).getStatusCode().value()).isEqualTo(201);
        assertThat(dropflow.post("/api/leaders", Map.of("code", leader, "name", "Lily Leader", "userId", "lily",
                "commissionRate", "0.08"), asSupervisor()).getStatusCode().value()).isEqualTo(409);
        assertThat(dropflow.post("/api/leaders", Map.of("code", code("L"), "name", "Greedy", "userId", "greedy",
                "commissionRate", "0.9"), asSupervisor()).getStatusCode().value()).isEqualTo(400);
        // The leader's login must be one of the engine's users, and a leader: else nobody gets the leader's tasks
        ResponseEntity<String> noSuchUser = dropflow.post("/api/leaders", Map.of("code", code("L"), "name", "Typo",
                "userId", "lilly", "commissionRate", "0.08"), asSupervisor());
        assertThat(noSuchUser.getStatusCode().value()).isEqualTo(400);
        assertThat(noSuchUser.getBody()).contains("lilly");
        ResponseEntity<String> notALeader = dropflow.post("/api/leaders", Map.of("code", code("L"), "name", "Mary",
                "userId", "mary", "commissionRate", "0.08"), asSupervisor());
        assertThat(notALeader.getStatusCode().value()).isEqualTo(400);
        assertThat(notALeader.getBody()).contains("mary", "leaders");
        JsonNode lily = DropflowDriver.read(dropflow.get("/api/leaders/" + leader, asSupervisor()).getBody());
        assertThat(dropflow.put("/api/leaders/" + leader, Map.of("code", leader, "name", "Lily Leader", "userId",
                "lilly", "commissionRate", "0.08", "version", lily.path("version").asLong()), asSupervisor())
                .getStatusCode().value()).isEqualTo(400);
        String code = code("PT");
        ResponseEntity<String> created = dropflow.post("/api/pickup-points", point(code, leader, "Asia/Shanghai", null),
                asSupervisor());
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation().toString()).isEqualTo("/api/pickup-points/" + code);
        assertThat(dropflow.post("/api/pickup-points", point(code("PT"), leader, "Asia/Shanghai", null),
                DropflowDriver.asOperator()).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> badZone = dropflow.post("/api/pickup-points", point(code("PT"), leader, "Mars/Olympus", null),
                asSupervisor());
        assertThat(badZone.getStatusCode().value()).isEqualTo(400);
        assertThat(badZone.getBody()).contains("Mars/Olympus");
        assertThat(DropflowDriver.read(badZone.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("timeZone");
        ResponseEntity<String> noLeader = dropflow.post("/api/pickup-points", point(code("PT"), "NOBODY", "Asia/Shanghai", null),
                asSupervisor());
        assertThat(noLeader.getBody()).contains("there is no leader NOBODY");
        assertThat(DropflowDriver.read(noLeader.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("leader");

        // Filters, paging, sorting
        JsonNode page = DropflowDriver.read(dropflow.get("/api/pickup-points?leader=" + leader + "&sort=name&size=5",
                DropflowDriver.asOperator()).getBody());
        assertThat(page.path("content")).hasSize(1);
        assertThat(page.path("content").get(0).path("timeZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(dropflow.get("/api/pickup-points?sort=secret", DropflowDriver.asOperator()).getStatusCode().value())
                .isEqualTo(400);

        // A change is made to the version read; an older version is a 409
        long version = DropflowDriver.read(created.getBody()).path("version").asLong();
        Map<String, Object> inactive = point(code, leader, "Asia/Shanghai", version);
        inactive.put("active", false);
        assertThat(dropflow.put("/api/pickup-points/" + code, inactive, asSupervisor()).getStatusCode().value())
                .isEqualTo(200);
        assertThat(dropflow.put("/api/pickup-points/" + code, inactive, asSupervisor()).getStatusCode().value())
                .isEqualTo(409);
        assertThat(DropflowDriver.read(dropflow.get("/api/pickup-points?active=false&leader=" + leader,
                DropflowDriver.asOperator()).getBody()).path("totalElements").asLong()).isEqualTo(1);

        // Only an SKU a supplier offers can be offered for group buying
        assertThat(dropflow.post("/api/group-buy-offers", Map.of("sku", "NOBODY-SELLS-IT", "stockCap", 10),
                asSupervisor()).getStatusCode().value()).isEqualTo(400);
    }

    /**
     * Exploratory test: a leader, pickup point or group-buy offer sent back exactly as GET gave it went
     * from version 1 to 2 with a new updatedAt, so a sync re-sending unchanged data made another
     * editor's change a 409. Sent back unchanged, nothing changes; a real change is made.
     */
    @Test
    void anEntrySentBackUnchangedKeepsItsVersionAndAnotherEditorsChangeIsNotStale() {
        String leader = code("L");
        leaderLogin("lily");
        dropflow.post("/api/leaders", Map.of("code", leader, "name", "Lily Leader", "phone", "+86 21 5555 0101",
                "userId", "lily", "commissionRate", "0.08"), asSupervisor());
        String point = groupBuy.pickupPoint(leader, "lily", "CN", "Shanghai", ZoneId.of("Asia/Shanghai"));
        String sku = goods(7).sku();

        for (String path : List.of("/api/leaders/" + leader, "/api/pickup-points/" + point,
                "/api/group-buy-offers/" + sku)) {
            String read = dropflow.get(path, asSupervisor()).getBody();
            JsonNode before = DropflowDriver.read(read);

            ResponseEntity<String> same = dropflow.put(path, read, asSupervisor());

            assertThat(same.getStatusCode().value()).as(path + ": " + same.getBody()).isEqualTo(200);
            JsonNode answered = DropflowDriver.read(same.getBody());
            JsonNode after = DropflowDriver.read(dropflow.get(path, asSupervisor()).getBody());
            for (JsonNode now : List.of(answered, after)) {
                assertThat(now.path("version").asLong()).as(path + " version").isEqualTo(before.path("version").asLong());
                assertThat(now.path("updatedAt").asText()).as(path + " updatedAt")
                        .isEqualTo(before.path("updatedAt").asText());
            }
            // Another editor who read the same version changes it: made, not a 409
            com.fasterxml.jackson.databind.node.ObjectNode changed = before.deepCopy();
            changed.put("active", false);
            ResponseEntity<String> other = dropflow.put(path, changed, asSupervisor());
            assertThat(other.getStatusCode().value()).as(path + ": " + other.getBody()).isEqualTo(200);
            assertThat(DropflowDriver.read(other.getBody()).path("version").asLong()).as(path + " changed")
                    .isGreaterThan(before.path("version").asLong());
            assertThat(DropflowDriver.read(other.getBody()).path("active").asBoolean()).isFalse();
        }
    }

    /**
     * Explorer s14 "judge" defect 8: the timeline began with "Joined batch …", the order's reception coming second.
     * An order is received before it joins a batch, and its history reads so.
     */
    @Test
    void aGroupBuyOrdersTimelineStartsWithItsReception() {
        Goods rice = goods(5);
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long order = groupBuy.order(point, rice.sku(), 1, "15.00");
        List<String> timeline = new java.util.ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> timeline.add(entry.path("what").asText()));
        assertThat(timeline).hasSizeGreaterThanOrEqualTo(2);
        assertThat(timeline.get(0)).startsWith("Group-buy order received from the storefront");
        assertThat(timeline.get(1)).startsWith("Joined batch");
    }

    @Test
    void badGroupBuyOrdersAreRefusedNamingWhatIsWrongAndNothingIsStored() {
        Goods rice = goods(5);
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        String inactive = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        JsonNode read = DropflowDriver.read(dropflow.get("/api/pickup-points/" + inactive, asSupervisor()).getBody());
        Map<String, Object> off = point(inactive, "LEO", "Europe/Berlin", read.path("version").asLong());
        off.put("active", false);
        dropflow.put("/api/pickup-points/" + inactive, off, asSupervisor());
        long orders = rows("customer_order");
        long groupBuyOrders = rows("group_buy_order");

        assertProblem(GroupBuyDriver.order("NO-SUCH-POINT", Map.of(rice.sku(), 1), "15.00"), 422, "unknown-pickup-point",
                "NO-SUCH-POINT");
        assertProblem(GroupBuyDriver.order(inactive, Map.of(rice.sku(), 1), "15.00"), 422, "inactive-pickup-point", inactive);
        assertProblem(GroupBuyDriver.order(point, Map.of("DEMO-RARE", 1), "15.00"), 422, "not-offered-for-group-buying",
                "DEMO-RARE");
        assertProblem(GroupBuyDriver.order(point, Map.of(rice.sku(), 6), "15.00"), 422, "above-stock-cap", rice.sku());
        // As a home delivery's validation would: sold below its supply (5.00), fee and commission, nothing is bought
        assertProblem(GroupBuyDriver.order(point, Map.of(rice.sku(), 1), "0"), 422, "below-cost", "lines[0]");
        assertProblem(GroupBuyDriver.order(point, Map.of(rice.sku(), 2), "5.00"), 422, "below-cost", rice.sku());
        // Item 4 of the exploratory test (routing): its only supplier suspended, nobody can supply it at the cutoff
        Goods suspended = goods(5);
        assertThat(dropflow.post("/api/suppliers/" + suspended.first() + "/suspension", Map.of("reason", "licence expired"),
                asSupervisor()).getStatusCode().value()).isEqualTo(200);
        assertProblem(GroupBuyDriver.order(point, Map.of(suspended.sku(), 1), "15.00"), 422, "no-active-supplier",
                suspended.sku());
        // The exploratory test's group-buy item 3: a currency without a rate to EUR skipped the check (201, settled at a
        // loss); its sale cannot be compared with any cost, so it is refused naming the rate to add (no test adds MNT)
        Map<String, Object> noRate = GroupBuyDriver.order(point, Map.of(rice.sku(), 1), "1");
        noRate.put("currency", "MNT");
        assertProblem(noRate, 422, "no-exchange-rate", "no exchange rate from MNT to EUR");
        assertProblem(noRate, 422, "no-exchange-rate", "add one (POST /api/exchange-rates)");
        Map<String, Object> both = GroupBuyDriver.order(point, Map.of(rice.sku(), 1), "15.00");
        both.put("shippingAddress", Map.of("name", "Erika", "line1", "Heidestrasse 17", "city", "Köln", "postalCode",
                "51147", "country", "DE"));
        assertProblem(both, 400, "invalid-request", "pickupPoint");
        // The rule over both fields names no field the caller never sent
        assertThat(dropflow.post("/api/orders", both, DropflowDriver.asOperator()).getBody())
                .doesNotContain("shippingAddressOrPickupPoint");
        Map<String, Object> noPoint = GroupBuyDriver.order(point, Map.of(rice.sku(), 1), "15.00");
        noPoint.remove("pickupPoint");
        noPoint.put("fulfillment", "GROUP_BUY");
        assertProblem(noPoint, 400, "invalid-request", "pickupPoint");

        assertThat(rows("customer_order")).isEqualTo(orders);
        assertThat(rows("group_buy_order")).isEqualTo(groupBuyOrders);

        // The cap counts what the open batch holds already
        groupBuy.order(point, rice.sku(), 3, "15.00");
        assertProblem(GroupBuyDriver.order(point, Map.of(rice.sku(), 3), "15.00"), 422, "above-stock-cap", "has 2 left");
        groupBuy.order(point, rice.sku(), 2, "15.00");
    }

    /**
     * The exploratory test's D1: group-buy-cutoff.dmn deployed with a cutoffEvery the application cannot step by
     * made every group-buy order a 500 (DateTimeParseException in Cutoffs). It is a 503 naming the table, the output
     * and the value, and nothing is stored.
     */
    @Test
    void aBrokenCutoffTableIsA503NamingItAndNothingIsStored() throws java.io.IOException {
        Goods rice = goods(5);
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        String broken = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "group-buy-cutoff.dmn"))
                .replace("<text>&quot;P1D&quot;</text>", "<text>&quot;3 minutes&quot;</text>");
        String deployment = engine.getRepositoryService().createDeployment().name("broken cutoff")
                .addString("group-buy-cutoff.dmn", broken).deploy().getId();
        try {
            long orders = rows("customer_order");

            assertProblem(GroupBuyDriver.order(point, Map.of(rice.sku(), 1), "15.00"), 503, "decision-table-broken",
                    "group-buy-cutoff.dmn's cutoffEvery is \"3 minutes\", not a number of days or a duration");

            assertThat(rows("customer_order")).isEqualTo(orders);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private void assertProblem(Map<String, Object> order, int status, String type, String named) {
        ResponseEntity<String> answer = dropflow.post("/api/orders", order, DropflowDriver.asOperator());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(String.valueOf(answer.getHeaders().getContentType())).contains("problem+json");
        JsonNode problem = DropflowDriver.read(answer.getBody());
        assertThat(problem.path("type").asText()).endsWith("/" + type);
        assertThat(problem.path("detail").asText()).contains(named);
    }

    @Test
    void aPickupCodeIsUsedOnceAndOnlyAtItsOwnPoint() {
        Goods rice = goods(100);
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        String elsewhere = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long notYet = groupBuy.order(point, rice.sku(), 1, "15.00");
        assertPickup(point, groupBuy.pickupCode(notYet), 409, "is at pickup point " + point + " yet");

        long order = readyForPickup(elsewhere, rice);
        groupBuy.receipt(groupBuy.batchOf(order), asLeader());
        groupBuy.runJobs(groupBuy.batchOf(order));
        String code = groupBuy.pickupCode(order);

        assertPickup(point, code, 409, "is not a code of pickup point " + point);
        assertPickup(elsewhere, "NOSUCHCD", 409, "is not a code of pickup point");
        assertPickup(elsewhere, " " + code + " ", 200, "\"orderId\":" + order); // as typed, with spaces around it
        assertPickup(elsewhere, code, 409, "was used already");
    }

    /**
     * A supplier that re-labels a batch's parcel on its way (a second SHIPPED, another number): the answer says
     * so, the pickup point waits for the new number, whose delivery lets the leader confirm the parcel; the old
     * number's moves nothing. Before, the answer was ALREADY_APPLIED, the new number's carrier events were
     * refused (no such parcel), and the old number's delivery stood for the parcel.
     */
    @Test
    void aBatchParcelRelabelledOnItsWayIsConfirmedByItsNewNumbersDelivery() {
        Goods rice = goods(100);
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long order = groupBuy.order(point, rice.sku(), 1, "15.00");
        long batch = groupBuy.batchOf(order);
        groupBuy.cutoff(batch);
        String old = "GBR-" + batch;
        dropflow.supplierShipped(rice.first(), po(batch, 1), old);
        groupBuy.runJobs(batch);

        ResponseEntity<String> relabel = dropflow.supplierShipped(rice.first(), po(batch, 1), old + "-NEW");
        assertThat(relabel.getStatusCode().value()).isEqualTo(200);
        assertThat(relabel.getBody()).isEqualTo("{\"result\":\"RELABELLED\"}");
        assertThat(dropflow.supplierShipped(rice.first(), po(batch, 1), old + "-NEW").getBody())
                .as("the same correction again").isEqualTo("{\"result\":\"ALREADY_APPLIED\"}");
        groupBuy.runJobs(batch);

        assertThat(dropflow.carrierSays(old, "DELIVERED").getStatusCode().value()).isEqualTo(200);
        groupBuy.runJobs(batch);
        assertThat(groupBuy.receipt(batch, asLeader()).getStatusCode().value())
                .as("the old number's delivery is not the parcel's").isEqualTo(409);

        assertThat(dropflow.carrierSays(old + "-NEW", "DELIVERED").getStatusCode().value()).isEqualTo(200);
        groupBuy.runJobs(batch);
        ResponseEntity<String> receipt = groupBuy.receipt(batch, asLeader());
        assertThat(receipt.getStatusCode().value()).as(receipt.getBody()).isEqualTo(200);
        groupBuy.runJobs(batch);
        JsonNode read = dropflow.getOrder(order);
        assertThat(read.path("status").asText()).isEqualTo("READY_FOR_PICKUP");
        assertThat(read.path("timeline").toString()).contains("Supplier changed the tracking number of the parcel to "
                + "the pickup point: SANDBOX-POST " + old + " → SANDBOX-POST " + old + "-NEW");
    }

    private void assertPickup(String point, String code, int status, String says) {
        ResponseEntity<String> answer = groupBuy.pickup(point, code, asLeader());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).contains(says);
    }

    @Test
    void aLeaderActsForTheirOwnPickupPointsOnly() {
        Goods rice = goods(100);
        if (engine.getIdentityService().createUserQuery().userId("lena").count() == 0) {
            User lena = engine.getIdentityService().newUser("lena");
            lena.setPassword("lena");
            engine.getIdentityService().saveUser(lena);
            engine.getIdentityService().createMembership("lena", "leaders");
        }
        String lenas = groupBuy.pickupPoint("LENA", "lena", "DE", "Hamburg", BERLIN);
        long lenasBatch = groupBuy.batchOf(groupBuy.order(lenas, rice.sku(), 1, "15.00"));
        String leos = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long order = readyForPickup(leos, rice);
        long batch = groupBuy.batchOf(order);
        String code = groupBuy.pickupCode(order);

        // Another point's leader may not look at the batch, confirm its parcels or hand out its goods
        assertThat(dropflow.get("/api/group-buy/batches/" + batch, GroupBuyDriver.as("lena")).getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<String> receipt = groupBuy.receipt(batch, GroupBuyDriver.as("lena"));
        assertThat(receipt.getStatusCode().value()).isEqualTo(403);
        assertThat(receipt.getBody()).contains("not the leader of pickup point " + leos);
        assertThat(groupBuy.pickup(leos, code, GroupBuyDriver.as("lena")).getStatusCode().value()).isEqualTo(403);

        // Their own leader sees the batch without pickup codes (an operator sees them), and the receipt task in Tasklist
        JsonNode seen = DropflowDriver.read(dropflow.get("/api/group-buy/batches/" + batch, asLeader()).getBody());
        assertThat(seen.path("orders").get(0).path("pickupCode").isMissingNode()).isTrue();
        assertThat(groupBuy.batch(batch).path("orders").get(0).path("pickupCode").asText()).isEqualTo(code);
        assertThat(DropflowDriver.read(dropflow.get("/api/group-buy/batches?pickupPoint=" + leos, asLeader()).getBody())
                .path("content")).hasSize(1);
        // Without a filter a leader lists the batches of their own points; staff list every point's
        JsonNode lenasList = DropflowDriver.read(dropflow.get("/api/group-buy/batches", GroupBuyDriver.as("lena")).getBody());
        assertThat(lenasList.path("content")).singleElement().satisfies(b -> {
            assertThat(b.path("id").asLong()).isEqualTo(lenasBatch);
            assertThat(b.path("pickupPoint").asText()).isEqualTo(lenas);
        });
        JsonNode leosList = DropflowDriver.read(dropflow.get("/api/group-buy/batches?size=200", asLeader()).getBody());
        assertThat(leosList.path("content")).anySatisfy(b -> assertThat(b.path("id").asLong()).isEqualTo(batch))
                .noneSatisfy(b -> assertThat(b.path("pickupPoint").asText()).isEqualTo(lenas));
        assertThat(dropflow.get("/api/group-buy/batches?status=OPEN&pickupPoint=" + lenas, DropflowDriver.asOperator())
                .getBody()).contains("\"id\":" + lenasBatch);
        assertThat(assignedTo("leo")).anyMatch(t -> t.getTaskDefinitionKey().equals("user_confirm_receipt"));
        assertThat(assignedTo("lena")).noneMatch(t -> t.getProcessInstanceId().equals(
                groupBuy.purchaseProcess(batch, 1).getId()));
        assertThat(mayOpenTasklist("leo")).isTrue();

        // Then the leader confirms and hands out; nothing left to confirm is a 409
        assertThat(groupBuy.receipt(batch, asLeader()).getStatusCode().value()).isEqualTo(200);
        assertThat(groupBuy.receipt(batch, asLeader()).getStatusCode().value()).isEqualTo(409);
        groupBuy.runJobs(batch);
        assertThat(groupBuy.pickup(leos, code, asLeader()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anInactiveLeaderActsForNoPointAndTheirPointsTakeNoOrders() {
        Goods rice = goods(100);
        leaderLogin("lars");
        String point = groupBuy.pickupPoint("LARS", "lars", "DE", "Berlin", BERLIN);
        long order = readyForPickup(point, rice);
        long batch = groupBuy.batchOf(order);
        JsonNode lars = DropflowDriver.read(dropflow.get("/api/leaders/LARS", asSupervisor()).getBody());
        assertThat(dropflow.put("/api/leaders/LARS", Map.of("code", "LARS", "name", "Lars", "userId", "lars",
                "commissionRate", "0.10", "active", false, "version", lars.path("version").asLong()), asSupervisor())
                .getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> receipt = groupBuy.receipt(batch, GroupBuyDriver.as("lars"));
        assertThat(receipt.getStatusCode().value()).isEqualTo(403);
        assertThat(receipt.getBody()).contains("LARS", "inactive");
        assertThat(dropflow.get("/api/group-buy/batches/" + batch, GroupBuyDriver.as("lars")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(DropflowDriver.read(dropflow.get("/api/group-buy/batches", GroupBuyDriver.as("lars")).getBody())
                .path("content")).isEmpty();
        assertThat(groupBuy.pickup(point, groupBuy.pickupCode(order), GroupBuyDriver.as("lars")).getStatusCode().value())
                .isEqualTo(403);
        // "leads no new batches": the point takes no orders until it has an active leader; staff act for it meanwhile
        assertProblem(GroupBuyDriver.order(point, Map.of(rice.sku(), 1), "15.00"), 422, "inactive-pickup-point", "LARS");
        assertThat(groupBuy.receipt(batch, DropflowDriver.asOperator()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theBatchListRefusesAnUnknownSortAndCountsTheOrdersStillInTheBatch() {
        Goods rice = goods(100);
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long cancelled = groupBuy.order(point, rice.sku(), 1, "15.00");
        assertThat(dropflow.cancel(cancelled).getStatusCode().value()).isEqualTo(202);

        JsonNode list = DropflowDriver.read(dropflow.get("/api/group-buy/batches?pickupPoint=" + point,
                DropflowDriver.asOperator()).getBody());
        assertThat(list.path("content").get(0).path("orders").asInt()).isZero();
        groupBuy.order(point, rice.sku(), 2, "15.00");
        list = DropflowDriver.read(dropflow.get("/api/group-buy/batches?pickupPoint=" + point + "&sort=cutoffAt,asc",
                DropflowDriver.asOperator()).getBody());
        assertThat(list.path("content").get(0).path("orders").asInt()).isEqualTo(1);

        ResponseEntity<String> bogus = dropflow.get("/api/group-buy/batches?sort=bogus", DropflowDriver.asOperator());
        assertThat(bogus.getStatusCode().value()).isEqualTo(400);
        assertThat(String.valueOf(bogus.getHeaders().getContentType())).contains("problem+json");
        assertThat(bogus.getBody()).contains("cannot sort by bogus");
        assertThat(DropflowDriver.read(bogus.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("sort");
        assertThat(dropflow.get("/api/group-buy/batches?sort=bogus", asLeader()).getStatusCode().value()).isEqualTo(400);
    }

    /** An engine user in the leaders group (once), password = user id. */
    private void leaderLogin(String user) {
        if (engine.getIdentityService().createUserQuery().userId(user).count() == 0) {
            User login = engine.getIdentityService().newUser(user);
            login.setPassword(user);
            engine.getIdentityService().saveUser(login);
            engine.getIdentityService().createMembership(user, "leaders");
        }
    }

    /** What the Tasklist filter "Assigned to me" lists for the user, with the user's rights. */
    private List<Task> assignedTo(String user) {
        Filter assigned = engine.getFilterService().createFilterQuery().filterName("Assigned to me").singleResult();
        engine.getIdentityService().setAuthentication(user, List.of("leaders"));
        try {
            return engine.getFilterService().list(assigned.getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private boolean mayOpenTasklist(String user) {
        return engine.getAuthorizationService().isUserAuthorized(user, List.of("leaders"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist");
    }

    @Test
    void anOrderThatIsNotAGroupBuyHasNoGroupBuyView() {
        long order = dropflow.placeOrder("DEMO-MUG", 1, "15.00").orderId();
        ResponseEntity<String> view = dropflow.get("/api/group-buy/orders/" + order, DropflowDriver.asOperator());
        assertThat(view.getStatusCode().value()).isEqualTo(404);
        assertThat(view.getBody()).contains("is not a group-buy order");
    }

    @Test
    void aReceiptForABatchThatDoesNotExistIsA404ForStaffAsForALeader() {
        long noBatch = 987_654_321L;
        for (var who : List.of(DropflowDriver.asOperator(), GroupBuyDriver.asLeader())) {
            ResponseEntity<String> receipt = groupBuy.receipt(noBatch, who);

            assertThat(receipt.getStatusCode().value()).as(receipt.getBody()).isEqualTo(404);
            assertThat(receipt.getBody()).contains("not-found").doesNotContain("nothing-to-receive");
        }
    }

    /**
     * Closing notes s15: a supplier offering a batch's SKU that supplier-selection.dmn does not use (score below 60,
     * not flagged for lateness) was dropped at the cutoff without a word, where a single order's timeline names it.
     * The timeline of each order with that SKU names it, its score and the table's reason, in Chinese too.
     */
    @Test
    void aSupplierScoringBelowSixtyLeftOutAtTheCutoffIsNamedOnTheOrdersTimeline() {
        Goods goods = goods(100);
        String lowly = "L" + goods.first().substring(1);
        catalog.supplierOffering(lowly, "Lowly " + lowly, "DE", 50, goods.sku(), "L-" + goods.sku(), "4.00", "1.00",
                "DE", 48);
        String point = groupBuy.pickupPoint("LEO", "leo", "DE", "Berlin", BERLIN);
        long order = groupBuy.order(point, goods.sku(), 1, "15.00");

        groupBuy.cutoff(groupBuy.batchOf(order));

        List<String> timeline = new java.util.ArrayList<>();
        dropflow.getOrder(order).path("timeline").forEach(entry -> timeline.add(entry.path("what").asText()));
        String line = lowly + " left out for " + goods.sku() + " (score 50): Supplier score below 60: not used";
        assertThat(timeline).as("before: nothing said of " + lowly).contains(line);
        assertThat(io.dropflow.translation.OperatorTexts.of("zh").findMessage(line)).hasValue(
                lowly + " 未入选 " + goods.sku() + "（评分 50）：供应商评分低于 60：不采用");
    }
}
