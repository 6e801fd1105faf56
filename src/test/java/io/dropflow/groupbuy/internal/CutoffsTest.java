package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a pickup point's next cutoff is: in its own time zone, by the terms its decision table gives. */
class CutoffsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime ELEVEN_PM = LocalTime.of(23, 0);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // now (UTC),           next cutoff (UTC): 23:00 in Shanghai is 15:00 UTC
            "2026-03-10T14:59:59Z, 2026-03-10T15:00:00Z",
            "2026-03-10T15:00:00Z, 2026-03-11T15:00:00Z",   // at the cutoff: the next day's
            "2026-03-10T15:00:01Z, 2026-03-11T15:00:00Z",
            "2026-03-10T16:30:00Z, 2026-03-11T15:00:00Z"})  // 00:30 in Shanghai: already the next local day
    void aDailyCutoffIsAtTheLocalTimeOfThePoint(String now, String next) {
        assertThat(Cutoffs.next(Instant.parse(now), SHANGHAI, ELEVEN_PM, "P1D")).isEqualTo(Instant.parse(next));
    }

    @Test
    void aDailyCutoffFollowsTheWallClockAcrossTheChangeToSummerTime() {
        // 29 March 2026: Berlin moves from UTC+1 to UTC+2 at 02:00
        assertThat(Cutoffs.next(Instant.parse("2026-03-28T21:00:00Z"), BERLIN, ELEVEN_PM, "P1D"))
                .isEqualTo(Instant.parse("2026-03-28T22:00:00Z"));
        assertThat(Cutoffs.next(Instant.parse("2026-03-28T22:00:01Z"), BERLIN, ELEVEN_PM, "P1D"))
                .isEqualTo(Instant.parse("2026-03-29T21:00:00Z"));
    }

    @Test
    void aCutoffEveryFewMinutesCountsFromTheLocalAnchor() {
        LocalTime midnight = LocalTime.MIDNIGHT;
        assertThat(Cutoffs.next(Instant.parse("2026-03-10T10:00:00Z"), BERLIN, midnight, "PT2M"))
                .isEqualTo(Instant.parse("2026-03-10T10:02:00Z"));
        assertThat(Cutoffs.next(Instant.parse("2026-03-10T10:01:59.500Z"), BERLIN, midnight, "PT2M"))
                .isEqualTo(Instant.parse("2026-03-10T10:02:00Z"));
        // An anchor later in the day than now: the cycle counts back from it
        assertThat(Cutoffs.next(Instant.parse("2026-03-10T10:00:30Z"), BERLIN, ELEVEN_PM, "PT2M"))
                .isEqualTo(Instant.parse("2026-03-10T10:02:00Z"));
    }

    @Test
    void aCycleThatIsNoTimeIsRefused() {
        assertThatThrownBy(() -> Cutoffs.next(Instant.now(), BERLIN, ELEVEN_PM, "P0D"))
                .hasMessageContaining("cutoffEvery P0D");
        assertThatThrownBy(() -> Cutoffs.next(Instant.now(), BERLIN, ELEVEN_PM, "PT0S"))
                .hasMessageContaining("cutoffEvery PT0S");
    }

    @Test
    void theGoodsAreExpectedTheTablesDeliveryDaysAfterTheCutoffsLocalDate() {
        CutoffTable remote = (point, country, region) -> new CutoffTable.Terms(LocalTime.of(21, 0), "P1D", 2,
                Duration.ofDays(5), Duration.ofHours(18));
        Leader leader = new Leader("LEO", "Leo", null, null, "leo", new BigDecimal("0.10"), Instant.EPOCH);
        PickupPoint urumqi = new PickupPoint("URUMQI", new PickupPoint.Address("Point", "1 Road", null, "Urumqi", null,
                "Xinjiang", "CN"), SHANGHAI, leader, Instant.EPOCH);

        Cutoffs.Cutoff cutoff = new Cutoffs(remote).next(urumqi, Instant.parse("2026-03-10T14:00:00Z"));

        assertThat(cutoff.at()).isEqualTo(Instant.parse("2026-03-11T13:00:00Z")); // 21:00 passed (13:00 UTC): tomorrow's
        assertThat(cutoff.expectedOn()).isEqualTo(LocalDate.parse("2026-03-13"));
        assertThat(new Cutoffs(remote).collectWithin(urumqi)).isEqualTo(Duration.ofDays(5));
        assertThat(new Cutoffs(remote).confirmReceiptWithin(urumqi)).isEqualTo(Duration.ofHours(18));
    }

    /** A point stored before regions of China were checked ("新疆") reads its region's terms, as the table spells it. */
    @Test
    void aChineseRegionStoredAsTypedIsReadAsTheTableSpellsIt() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        CutoffTable table = (point, country, region) -> {
            asked.add(region);
            return new CutoffTable.Terms(LocalTime.of(21, 0), "P1D", 2, Duration.ofDays(5), Duration.ofHours(18));
        };
        Leader leader = new Leader("LEO", "Leo", null, null, "leo", new BigDecimal("0.10"), Instant.EPOCH);
        for (String typed : java.util.List.of("新疆", "xinjiang", "CN-XJ")) {
            new Cutoffs(table).collectWithin(new PickupPoint("URUMQI", new PickupPoint.Address("Point", "1 Road", null,
                    "Urumqi", null, typed, "CN"), SHANGHAI, leader, Instant.EPOCH));
        }
        new Cutoffs(table).collectWithin(new PickupPoint("MUC", new PickupPoint.Address("Point", "1 Road", null,
                "Munich", null, "bayern", "DE"), SHANGHAI, leader, Instant.EPOCH));
        // one no region of China (a city, stored before regions were checked): as stored, the default terms as before
        new Cutoffs(table).collectWithin(new PickupPoint("URUMQI", new PickupPoint.Address("Point", "1 Road", null,
                "Urumqi", null, "Urumqi", "CN"), SHANGHAI, leader, Instant.EPOCH));
        assertThat(asked).containsExactly("Xinjiang", "Xinjiang", "Xinjiang", "bayern", "Urumqi");
    }
}
