package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** X-Dropflow-Timestamp read once for the webhook filter and the stock push: Unix seconds, compared without overflow. */
class PartnerTimestampTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00.500Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void unixSecondsAreReadWithTheirBlanksAndAnythingElseIsNone() {
        assertThat(PartnerTimestamp.parse(" 1772438400 ")).contains(new PartnerTimestamp(1772438400L));
        assertThat(PartnerTimestamp.parse("yesterday")).isEmpty();
        assertThat(PartnerTimestamp.parse("")).isEmpty();
        assertThat(PartnerTimestamp.parse(null)).isEmpty();
        assertThat(PartnerTimestamp.parse("1772438400.5")).isEmpty();
    }

    @Test
    void withinTheToleranceEitherWayIsNeitherOlderNorAhead() {
        long now = NOW.getEpochSecond();
        PartnerTimestamp atTheEdgeBefore = new PartnerTimestamp(now - 300);
        PartnerTimestamp atTheEdgeAhead = new PartnerTimestamp(now + 300);

        assertThat(atTheEdgeBefore.olderThan(FIVE_MINUTES, NOW)).isFalse();
        assertThat(atTheEdgeAhead.aheadBy(FIVE_MINUTES, NOW)).isFalse();
        assertThat(new PartnerTimestamp(now - 301).olderThan(FIVE_MINUTES, NOW)).isTrue();
        assertThat(new PartnerTimestamp(now + 301).aheadBy(FIVE_MINUTES, NOW)).isTrue();
    }

    @Test
    void extremeValuesCompareWithoutOverflowAndHaveNoInstant() {
        PartnerTimestamp max = new PartnerTimestamp(Long.MAX_VALUE);
        PartnerTimestamp min = new PartnerTimestamp(Long.MIN_VALUE);

        assertThat(max.aheadBy(FIVE_MINUTES, NOW)).isTrue();
        assertThat(min.olderThan(FIVE_MINUTES, NOW)).isTrue();
        assertThat(max.instant()).isEmpty();
        assertThat(min.instant()).isEmpty();
        assertThat(new PartnerTimestamp(1772438400L).instant()).contains(Instant.ofEpochSecond(1772438400L));
    }

    @Test
    void aToleranceReadsInMinutesWhenWhole() {
        assertThat(PartnerTimestamp.words(FIVE_MINUTES)).isEqualTo("5 minutes");
        assertThat(PartnerTimestamp.words(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(PartnerTimestamp.words(Duration.ofSeconds(90))).isEqualTo("90 s");
    }
}
