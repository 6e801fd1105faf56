package io.dropflow.onboarding.internal;

import static io.dropflow.onboarding.internal.OnboardingFixtures.CLOCK;
import static io.dropflow.onboarding.internal.OnboardingFixtures.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.SupplierLifecycle;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The supervisor's request for a revised agreement: its deadline, and what the application's history says of it. */
class AgreementReviewTest {

    private final SupplierApplications applications = mock(SupplierApplications.class);
    private final ApplicationHistoryEntries entries = mock(ApplicationHistoryEntries.class);
    private final SupplierLifecycle catalog = mock(SupplierLifecycle.class);
    private final AgreementReview review = new AgreementReview(applications, catalog,
            new ApplicationHistory(entries, CLOCK), SellerTime.in("Asia/Shanghai"), CLOCK);

    @Test
    void theHistoryGivesTheRevisionDeadlineInTheSellersTimeLikeEveryOtherLine() {
        when(applications.locked(7L)).thenReturn(application(ApplicationStatus.AGREEMENT_REVIEW));

        AgreementReview.RevisionRequest request = review.requestChanges(7L, "a lower supply price", 48);

        assertThat(request.dueBy()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(48)));
        ArgumentCaptor<ApplicationHistoryEntry> entry = ArgumentCaptor.forClass(ApplicationHistoryEntry.class);
        verify(entries).save(entry.capture());
        assertThat(entry.getValue().getWhat()).isEqualTo(
                "Asked the applicant for a revised agreement by 2026-11-26 18:00 (Asia/Shanghai): a lower supply price");
    }

    /**
     * Exploratory test s14 (production, defect 1): an approved onboarding made an ACTIVE supplier no adapter
     * serves, and nothing said Dropflow could send it nothing. The application's history says so, naming the binding.
     */
    @Test
    void anActivatedSupplierNoAdapterServesIsNamedNotUsedYetInTheHistory() {
        when(applications.locked(7L)).thenReturn(application(ApplicationStatus.AGREEMENT_REVIEW));
        when(catalog.activate(org.mockito.ArgumentMatchers.eq("JADE"), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(java.util.Optional.of("no adapter serves it: bind it under dropflow.suppliers.http.JADE or"
                        + " dropflow.suppliers.cj.JADE"));

        review.activate(7L, 70, 3);

        ArgumentCaptor<ApplicationHistoryEntry> entry = ArgumentCaptor.forClass(ApplicationHistoryEntry.class);
        verify(entries, org.mockito.Mockito.times(2)).save(entry.capture());
        assertThat(entry.getAllValues()).extracting(ApplicationHistoryEntry::getWhat).containsExactly(
                "JADE is active with 1 offer(s), score 70, tier 3", "JADE is not used yet: no adapter serves it: bind it"
                        + " under dropflow.suppliers.http.JADE or dropflow.suppliers.cj.JADE");
    }
}
