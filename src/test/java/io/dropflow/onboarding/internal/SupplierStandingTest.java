package io.dropflow.onboarding.internal;

import static io.dropflow.onboarding.internal.OnboardingFixtures.CLOCK;
import static io.dropflow.onboarding.internal.OnboardingFixtures.NOW;
import static io.dropflow.onboarding.internal.OnboardingFixtures.TODAY;
import static io.dropflow.onboarding.internal.OnboardingFixtures.application;
import static io.dropflow.onboarding.internal.OnboardingFixtures.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierLifecycle;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.supplier.SupplierView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The papers' watch, suspensions only a renewal lifts, and reviews of active suppliers only. */
class SupplierStandingTest {

    private final SupplierApplications applications = mock(SupplierApplications.class);
    private final SupplierDocuments documents = mock(SupplierDocuments.class);
    private final SupplierLifecycle lifecycle = mock(SupplierLifecycle.class);
    private final Catalog catalog = mock(Catalog.class);
    private final Scorecards scorecards = mock(Scorecards.class);
    private final ApplicationHistory history = mock(ApplicationHistory.class);
    private final SupplierStanding standing = new SupplierStanding(applications, OnboardingFixtures.papers(documents), lifecycle, catalog,
            scorecards, history, CLOCK);

    @BeforeEach
    void anOnboardedSupplier() {
        when(applications.get(7L)).thenReturn(application(ApplicationStatus.ONBOARDED));
    }

    @Test
    void theRequiredDocumentThatLapsesFirstIsWatchedAndRemindedOfBeforeIt() {
        // the application must hold a business licence and a quality certificate; the food licence it sent anyway
        // (the audit form's "Not required") lapses first, but is not the supplier's standing
        when(documents.listOf(7L)).thenReturn(List.of(listed(1, DocumentType.BUSINESS_LICENCE, TODAY.plusDays(120), null),
                listed(2, DocumentType.QUALITY_CERTIFICATE, TODAY.plusDays(90), null),
                listed(3, DocumentType.FOOD_LICENCE, TODAY.plusDays(60), null)));

        SupplierStanding.DocumentWatch watch = standing.watchNext(7L, 30);

        Instant lapses = TODAY.plusDays(91).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(watch).isEqualTo(new SupplierStanding.DocumentWatch(SupplierStanding.WatchStep.REMIND, 2L,
                DocumentType.QUALITY_CERTIFICATE, lapses.minus(Duration.ofDays(30)), lapses));
    }

    @Test
    void aLapsedPaperTheSupplierDidNotHaveToHoldNeitherKeepsItSuspendedNorIsWatched() {
        String reason = SupplierStanding.lapseReason(application(ApplicationStatus.ONBOARDED));
        when(documents.listOf(7L)).thenReturn(List.of(listed(4, DocumentType.QUALITY_CERTIFICATE, TODAY.plusYears(3), null),
                listed(5, DocumentType.FOOD_LICENCE, TODAY.minusDays(1), null)));
        when(lifecycle.reinstate("JADE", reason)).thenReturn(true);

        assertThat(standing.reinstate(7L)).as("reinstated by the renewed required certificate").isTrue();
        assertThat(standing.watchNext(7L, 30).documentId()).as("the paper watched next").isEqualTo(4L);
    }

    /**
     * The seller's operators read dates in its zone (demo and this test: Asia/Shanghai), and a Chinese licence's last
     * day is a Chinese day: a certificate valid until 24 November lapses at 00:00 on the 25th in Shanghai
     * (16:00 UTC on the 24th). The watch, its reminder, the audit and the lapse all read it so; in UTC it stayed valid
     * for eight more hours.
     */
    @Test
    void aPapersLastValidDayEndsAtMidnightInTheSellersZone() {
        Instant midnightInShanghai = Instant.parse("2026-11-24T16:00:00Z");
        SupplierStanding oneHourLater = new SupplierStanding(applications, OnboardingFixtures.papers(documents), lifecycle,
                catalog, scorecards, history, java.time.Clock.fixed(midnightInShanghai.plus(Duration.ofHours(1)),
                        ZoneOffset.UTC));
        when(documents.listOf(7L)).thenReturn(List.of(listed(1, DocumentType.BUSINESS_LICENCE, null, null),
                listed(2, DocumentType.QUALITY_CERTIFICATE, TODAY, NOW)));

        SupplierStanding.DocumentWatch watch = oneHourLater.watchNext(7L, 30);
        assertThat(watch.lapsesAt()).isEqualTo(midnightInShanghai);
        assertThat(watch.remindAt()).isEqualTo(midnightInShanghai.minus(Duration.ofDays(30)));
        assertThat(OnboardingFixtures.papers(documents).problems(application(ApplicationStatus.ONBOARDED),
                midnightInShanghai.plus(Duration.ofHours(1))))
                .containsExactly(DocumentType.QUALITY_CERTIFICATE.label() + ": lapsed after " + TODAY);
        assertThat(OnboardingFixtures.papers(documents).problems(application(ApplicationStatus.ONBOARDED),
                midnightInShanghai.minusSeconds(1))).as("its last second in Shanghai").isEmpty();
        assertThat(oneHourLater.reinstate(7L)).as("still lapsed: the supplier stays suspended").isFalse();
        verify(lifecycle, never()).reinstate(anyString(), anyString());
    }

    @Test
    void aDocumentRemindedOfAlreadyIsAwaitedAndPapersWithoutExpiryAreNotWatched() {
        when(documents.listOf(7L)).thenReturn(List.of(listed(2, DocumentType.QUALITY_CERTIFICATE, TODAY.plusDays(9), NOW)));
        assertThat(standing.watchNext(7L, 30).step()).isEqualTo(SupplierStanding.WatchStep.AWAIT_RENEWAL);

        when(documents.listOf(7L)).thenReturn(List.of(listed(1, DocumentType.BUSINESS_LICENCE, null, null)));
        assertThat(standing.watchNext(7L, 30).step()).isEqualTo(SupplierStanding.WatchStep.NOTHING_EXPIRES);
    }

    @Test
    void onlyARenewalThatPutsThePapersInOrderReinstatesAndOnlyTheSuspensionItMade() {
        String reason = SupplierStanding.lapseReason(application(ApplicationStatus.ONBOARDED));
        when(documents.listOf(7L)).thenReturn(List.of(listed(2, DocumentType.QUALITY_CERTIFICATE, TODAY.minusDays(1), NOW)));
        standing.suspendForLapse(7L);
        verify(lifecycle).suspend("JADE", reason);

        assertThat(standing.reinstate(7L)).isFalse();
        verify(lifecycle, never()).reinstate(anyString(), anyString());

        when(documents.listOf(7L)).thenReturn(List.of(listed(4, DocumentType.QUALITY_CERTIFICATE, TODAY.plusYears(3), null)));
        when(lifecycle.reinstate("JADE", reason)).thenReturn(true);
        assertThat(standing.reinstate(7L)).isTrue();
    }

    @Test
    void onlyAnActiveSupplierItsScorecardFlagsIsReviewed() {
        SupplierScorecard late = new SupplierScorecard("JADE", "Jade", NOW, NOW, Duration.ofHours(48), 48, 6, 1.0, 1.0 / 6,
                1.0, 0.0, null, true, "shipped 17 % within 48 h (1 of 6); the bar is 90 %", 67, true);
        when(scorecards.recent(11L)).thenReturn(late);
        when(catalog.supplier("JADE")).thenReturn(new SupplierView(11L, "JADE", "Jade", "CN", 70, true));
        assertThat(standing.flaggedByScorecard(7L)).isTrue();

        when(catalog.supplier("JADE")).thenReturn(new SupplierView(11L, "JADE", "Jade", "CN", 70, false));
        assertThat(standing.flaggedByScorecard(7L)).isFalse();
    }

    @Test
    void anApplicationStillBeingOnboardedHasNoStandingYet() {
        when(applications.get(7L)).thenReturn(application(ApplicationStatus.AGREEMENT_REVIEW));
        assertThatThrownBy(() -> standing.suspendForLapse(7L)).hasMessageContaining("only an onboarded supplier");
    }
}
