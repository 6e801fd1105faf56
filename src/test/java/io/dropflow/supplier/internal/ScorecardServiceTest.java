package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A scorecard is reused for a while, except after a change it must show at once (an applicant activated). */
class ScorecardServiceTest {

    @Test
    void anActivatedApplicantsScorecardIsComputedAfreshWithItsStartingScore() {
        Suppliers suppliers = mock(Suppliers.class);
        PurchaseOrders purchaseOrders = mock(PurchaseOrders.class);
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        Supplier applicant = Supplier.applicant("JADE", "Jade", "CN", null, now);
        when(suppliers.findById(3L)).thenReturn(Optional.of(applicant));
        when(purchaseOrders.scoredBetween(eq(3L), any(), any())).thenReturn(List.of());
        ScorecardService scorecards = new ScorecardService(suppliers, purchaseOrders,
                code -> ScorecardCalculationTest.RULES, new ScorecardSettings(null, Duration.ofMinutes(5)),
                Clock.fixed(now, ZoneOffset.UTC));
        assertThat(scorecards.recent(3L).score()).isZero();

        applicant.activate(70, 3, now);
        assertThat(scorecards.recent(3L).score()).as("reused for five minutes").isZero();
        scorecards.forget(3L);
        assertThat(scorecards.recent(3L).score()).isEqualTo(70);
    }

    @Test
    void theWindowIsTheTablesDaysBeforeNow() {
        Suppliers suppliers = mock(Suppliers.class);
        PurchaseOrders purchaseOrders = mock(PurchaseOrders.class);
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        Supplier acme = Supplier.applicant("ACME", "Acme", "DE", null, now);
        org.springframework.test.util.ReflectionTestUtils.setField(acme, "id", 5L); // as stored
        when(suppliers.findByCode("ACME")).thenReturn(Optional.of(acme));
        ScorecardService scorecards = new ScorecardService(suppliers, purchaseOrders,
                code -> new ScorecardTable.Rules(7, 48, 0.9, 5, 0.4, 0.3, 0.2, 0.1, true),
                new ScorecardSettings(null, null), Clock.fixed(now, ZoneOffset.UTC));

        assertThat(scorecards.of("ACME").from()).isEqualTo(now.minus(Duration.ofDays(7)));
        org.mockito.Mockito.verify(purchaseOrders).scoredBetween(acme.getId(),
                now.minus(Duration.ofDays(7)), now);
    }

    /**
     * Closing note (tour step 6): the window's days were calendar days while its "ships within" hours were scorecard
     * hours, two seconds in the demo; a demo supplier flagged for shipping late stayed flagged for 30 real days. A day
     * of the window is 24 scorecard hours: 30 days last 24 minutes in the demo, 30 days in production.
     */
    @Test
    void theWindowsDaysAreScorecardDays() {
        Suppliers suppliers = mock(Suppliers.class);
        PurchaseOrders purchaseOrders = mock(PurchaseOrders.class);
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        Supplier acme = Supplier.applicant("ACME", "Acme", "DE", null, now);
        org.springframework.test.util.ReflectionTestUtils.setField(acme, "id", 5L);
        when(suppliers.findByCode("ACME")).thenReturn(Optional.of(acme));
        ScorecardService scorecards = new ScorecardService(suppliers, purchaseOrders,
                code -> new ScorecardTable.Rules(30, 48, 0.9, 5, 0.4, 0.3, 0.2, 0.1, true),
                new ScorecardSettings(Duration.ofSeconds(2), Duration.ofSeconds(2)), Clock.fixed(now, ZoneOffset.UTC));

        assertThat(scorecards.of("ACME").from()).isEqualTo(now.minus(Duration.ofMinutes(24)));
    }

    @Test
    void threadsThatNeedTheSameScorecardAtOnceWaitForOneComputation() throws Exception {
        Suppliers suppliers = mock(Suppliers.class);
        PurchaseOrders purchaseOrders = mock(PurchaseOrders.class);
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        when(suppliers.findById(3L)).thenReturn(Optional.of(Supplier.applicant("JADE", "Jade", "CN", null, now)));
        java.util.concurrent.atomic.AtomicInteger windowsRead = new java.util.concurrent.atomic.AtomicInteger();
        when(purchaseOrders.scoredBetween(any(), any(), any())).thenAnswer(call -> {
            windowsRead.incrementAndGet();
            Thread.sleep(200);
            return List.of();
        });
        ScorecardService scorecards = new ScorecardService(suppliers, purchaseOrders,
                code -> ScorecardCalculationTest.RULES, new ScorecardSettings(null, Duration.ofMinutes(5)),
                Clock.fixed(now, ZoneOffset.UTC));

        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> scores = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                scores.add(threads.submit(() -> {
                    start.await();
                    return scorecards.recent(3L).score();
                }));
            }
            start.countDown();
            for (var score : scores) {
                assertThat(score.get(5, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(windowsRead).as("the window of purchase orders read once, not once per thread").hasValue(1);
    }
}
