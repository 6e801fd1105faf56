package io.dropflow.aftersales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.test.util.ReflectionTestUtils;

/** What unit tests of claims and returns share: a stopped clock, lines, and cases with the id the database would give. */
public final class AfterSalesFixtures {

    public static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private AfterSalesFixtures() {
    }

    /** One line of two mugs at 7.50 each: 15.00 EUR. */
    public static List<CaseLine> twoMugs() {
        return List.of(new CaseLine(1, "DEMO-MUG", 2, new BigDecimal("15.00")));
    }

    /** The case as stored: with its id. */
    public static <C extends AfterSalesCase<?>> C stored(C c, long id) {
        ReflectionTestUtils.setField(c, "id", id);
        return c;
    }

    public static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    /** The pieces {@code cases} hold, for a unit test of another module's intake. */
    public static PiecesHeld piecesHeld(List<CaseRepository<?>> cases) {
        return new PiecesHeld(cases);
    }
}
