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

/** The auditor's request for documents: its deadline, and what the application's history says of it. */
class DocumentAuditTest {

    private final SupplierApplications applications = mock(SupplierApplications.class);
    private final ApplicationHistoryEntries entries = mock(ApplicationHistoryEntries.class);
    private final DocumentAudit audit = new DocumentAudit(applications, mock(SupplierLifecycle.class),
            new ApplicationHistory(entries, CLOCK), SellerTime.in("Asia/Shanghai"), CLOCK);

    @Test
    void theHistoryGivesTheDocumentsDeadlineInTheSellersTimeLikeEveryOtherLine() {
        when(applications.locked(7L)).thenReturn(application(ApplicationStatus.UNDER_AUDIT));

        DocumentAudit.DocumentRequest request = audit.requestDocuments(7L, "the export registration", 48);

        assertThat(request.dueBy()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(48)));
        ArgumentCaptor<ApplicationHistoryEntry> entry = ArgumentCaptor.forClass(ApplicationHistoryEntry.class);
        verify(entries).save(entry.capture());
        assertThat(entry.getValue().getWhat()).isEqualTo(
                "Asked the applicant for documents by 2026-11-26 18:00 (Asia/Shanghai): the export registration");
    }
}
