package io.dropflow.onboarding.internal;

import static io.dropflow.onboarding.internal.OnboardingFixtures.CLOCK;
import static io.dropflow.onboarding.internal.OnboardingFixtures.TODAY;
import static io.dropflow.onboarding.internal.OnboardingFixtures.application;
import static io.dropflow.onboarding.internal.OnboardingFixtures.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.supplier.SupplierLifecycle;
import io.dropflow.onboarding.internal.OnboardingCourse.AgreementDecision;
import io.dropflow.onboarding.internal.OnboardingCourse.AuditDecision;
import io.dropflow.onboarding.internal.OnboardingCourse.QualityResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Decisions are checked before they count, recorded with who took them, and say when they turn an application down. */
class OnboardingCourseTest {

    private final SupplierApplications applications = mock(SupplierApplications.class);
    private final SupplierDocuments documents = mock(SupplierDocuments.class);
    private final SupplierLifecycle catalog = mock(SupplierLifecycle.class);
    private final ApplicationHistory history = mock(ApplicationHistory.class);
    private final OnboardingCourse course = new OnboardingCourse(applications, OnboardingFixtures.papers(documents), catalog, history,
            CLOCK);
    private SupplierApplication application;

    @BeforeEach
    void anApplication() {
        application = application(ApplicationStatus.UNDER_AUDIT);
        when(applications.locked(7L)).thenReturn(application);
    }

    @Test
    void papersAreAcceptedOnlyWhenEveryRequiredDocumentIsThereValidAndDated() {
        when(documents.listOf(7L)).thenReturn(List.of(listed(1, DocumentType.BUSINESS_LICENCE, null, null),
                listed(2, DocumentType.QUALITY_CERTIFICATE, null, null)));
        assertThatThrownBy(() -> course.decided(7L, OnboardingTask.AUDIT_DOCUMENTS, "Audit supplier documents", "mary", AuditDecision.ACCEPT, null))
                .isInstanceOf(RefusedDecision.class).hasMessageContaining("no expiry date given");

        when(documents.listOf(7L)).thenReturn(List.of(listed(1, DocumentType.BUSINESS_LICENCE, null, null),
                listed(2, DocumentType.QUALITY_CERTIFICATE, TODAY.minusDays(1), null)));
        assertThatThrownBy(() -> course.decided(7L, OnboardingTask.AUDIT_DOCUMENTS, "Audit supplier documents", "mary", AuditDecision.ACCEPT, null))
                .hasMessageContaining("lapsed after " + TODAY.minusDays(1));

        when(documents.listOf(7L)).thenReturn(List.of(listed(1, DocumentType.BUSINESS_LICENCE, null, null),
                listed(2, DocumentType.QUALITY_CERTIFICATE, TODAY.plusYears(1), null)));
        assertThat(course.decided(7L, OnboardingTask.AUDIT_DOCUMENTS, "Audit supplier documents", "mary", AuditDecision.ACCEPT, null)).isEmpty();
        verify(history).record(eq(application), eq(Party.OPERATOR), contains("mary decided 'Audit supplier documents': Accept"));
    }

    @Test
    void aDecisionTheApplicantReadsNeedsItsNoteAndATurnDownGivesItsReason() {
        assertThatThrownBy(() -> course.decided(7L, OnboardingTask.AUDIT_DOCUMENTS, "Audit supplier documents", "mary", AuditDecision.MISSING_DOCUMENTS, " "))
                .isInstanceOf(RefusedDecision.class).hasMessageContaining("say why");
        assertThat(course.decided(7L, OnboardingTask.AUDIT_DOCUMENTS, "Audit supplier documents", "mary", AuditDecision.REJECT, "blurred licence"))
                .contains("blurred licence");
        assertThatThrownBy(() -> course.decided(7L, OnboardingTask.AUDIT_DOCUMENTS, "Audit supplier documents", "mary", AgreementDecision.APPROVE, "x"))
                .hasMessageContaining("must be one of [accept, missing_documents, reject], was approve");
    }

    @Test
    void aFailedSampleTurnsTheApplicationDownWithWhatTheInspectorFound() {
        application.moveTo(ApplicationStatus.QUALITY_CHECK, OnboardingFixtures.NOW);
        assertThat(course.decided(7L, OnboardingTask.CHECK_SAMPLE_QUALITY, "Check the sample's quality", "mary", QualityResult.FAILED, "cracked glaze"))
                .contains("the sample failed its quality check: cracked glaze");
        assertThat(application.getQualityResult()).isEqualTo("FAILED");
    }

    @Test
    void anAgreementIsApprovedOnlyWhenTheCatalogTakesItsOffers() {
        application.moveTo(ApplicationStatus.AGREEMENT_REVIEW, OnboardingFixtures.NOW);
        when(catalog.problemsOf(any())).thenReturn(List.of("TEST-WOK: currency 'XXX' is not in circulation"));
        assertThatThrownBy(() -> course.decided(7L, OnboardingTask.REVIEW_AGREEMENT, "Review the supply agreement", "sam", AgreementDecision.APPROVE, null))
                .hasMessageContaining("the catalog would refuse these offers");
        assertThat(course.decided(7L, OnboardingTask.REVIEW_AGREEMENT, "Review the supply agreement", "sam", AgreementDecision.REJECT, "prices too high"))
                .contains("prices too high");
        verify(history).record(eq(application), eq(Party.SUPERVISOR), contains("sam decided 'Review the supply agreement': Reject"));
    }

    @Test
    void escalationsAreRecordedWithTheirReason() {
        course.escalate(7L, "the applicant sent no documents in time");
        assertThat(application.isEscalated()).isTrue();
        verify(history).record(application, Party.DROPFLOW, "Escalated to supervisors: the applicant sent no documents in time");
    }
}
