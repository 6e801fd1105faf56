package io.dropflow.onboarding.internal;

import static io.dropflow.onboarding.internal.OnboardingFixtures.NOW;
import static io.dropflow.onboarding.internal.OnboardingFixtures.agreement;
import static io.dropflow.onboarding.internal.OnboardingFixtures.application;
import static io.dropflow.onboarding.internal.OnboardingFixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.onboarding.DocumentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An application guards its own course. */
class SupplierApplicationTest {

    @Test
    void itKnowsItsNumberRequirementsAndCategories() {
        SupplierApplication application = application(ApplicationStatus.SUBMITTED);
        assertThat(application.number()).isEqualTo("DF-ON7");
        assertThat(application.categoryList()).containsExactly("homeware");
        assertThat(application.requiredDocumentTypes()).containsExactly(DocumentType.BUSINESS_LICENCE,
                DocumentType.QUALITY_CERTIFICATE);
        assertThat(application.expiringDocumentTypes()).containsExactly(DocumentType.QUALITY_CERTIFICATE);
        assertThat(application.qualityCheckList()).containsExactly("the goods match");
        assertThat(application.getOffers()).extracting(ApplicationOffer::getSku).containsExactly("TEST-WOK");
    }

    @Test
    void documentsAreAskedForDuringTheAuditOnlyAndEachRequestIsCounted() {
        SupplierApplication application = application(ApplicationStatus.UNDER_AUDIT);
        assertThat(application.documentsRequested("send the ISO certificate", NOW.plus(Duration.ofDays(5)), NOW))
                .isEqualTo(1);
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.AWAITING_DOCUMENTS);
        assertThat(application.getDocumentsDueBy()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThatThrownBy(() -> application.documentsRequested("again", NOW, NOW))
                .isInstanceOf(ApplicationRefusedException.class).hasMessageContaining("during the audit");

        application.moveTo(ApplicationStatus.UNDER_AUDIT, NOW);
        assertThat(application.documentsRequested("and the tax registration", NOW, NOW)).isEqualTo(2);
    }

    @Test
    void aRevisedAgreementIsTakenOnlyWhenASupervisorAskedForOneAndReplacesTheOffers() {
        SupplierApplication application = application(ApplicationStatus.AGREEMENT_REVIEW);
        assertThatThrownBy(() -> application.reviseAgreement(agreement(offer("TEST-PAN", "homeware")), NOW))
                .isInstanceOf(ApplicationRefusedException.class).hasMessageContaining("sent the agreement back");

        assertThat(application.agreementSentBack("7.20 please", NOW.plus(Duration.ofDays(5)), NOW)).isEqualTo(1);
        application.reviseAgreement(agreement(offer("TEST-PAN", "homeware"), offer("TEST-POT", "homeware")), NOW);
        assertThat(application.getOffers()).extracting(ApplicationOffer::getSku).containsExactly("TEST-PAN", "TEST-POT");
        assertThat(application.getOffers()).extracting(ApplicationOffer::getLineNo).containsExactly(1, 2);
    }

    @Test
    void atTheRevisionsDeadlineATakenRevisionStaysAndAMissedOneIsRefusedFromThenOn() {
        SupplierApplication revised = application(ApplicationStatus.AGREEMENT_REVIEW);
        revised.agreementSentBack("offer less", NOW.plus(Duration.ofDays(3)), NOW);
        revised.reviseAgreement(agreement(offer("TEST-PAN", "homeware")), NOW);
        assertThat(revised.revisionDue(NOW.plus(Duration.ofDays(3)))).as("taken before the deadline").isTrue();
        assertThat(revised.getStatus()).isEqualTo(ApplicationStatus.AGREEMENT_REVIEW);
        assertThat(revised.getOffers()).extracting(ApplicationOffer::getSku).containsExactly("TEST-PAN");

        SupplierApplication silent = application(ApplicationStatus.AGREEMENT_REVIEW);
        silent.agreementSentBack("offer less", NOW.plus(Duration.ofDays(3)), NOW);
        assertThat(silent.revisionDue(NOW.plus(Duration.ofDays(3)))).isFalse();
        assertThat(silent.getStatus()).isEqualTo(ApplicationStatus.AGREEMENT_REVIEW);
        assertThatThrownBy(() -> silent.reviseAgreement(agreement(offer("TEST-PAN", "homeware")), NOW.plus(Duration
                .ofDays(4)))).isInstanceOf(ApplicationRefusedException.class).hasMessage("application DF-ON7 is "
                + "AGREEMENT_REVIEW: a revised agreement is taken when a supervisor sent the agreement back; the one asked "
                + "for was due by 2026-11-27T10:00:00Z and is awaited no more");
    }

    @Test
    void aSupplierIsOnboardedFromTheAgreementReviewOnly() {
        assertThatThrownBy(() -> application(ApplicationStatus.QUALITY_CHECK).onboarded(NOW))
                .isInstanceOf(ApplicationRefusedException.class);
        SupplierApplication application = application(ApplicationStatus.AGREEMENT_REVIEW);
        application.onboarded(NOW);
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.ONBOARDED);
        assertThat(application.getClosedAt()).isEqualTo(NOW);
        assertThat(application.isOpen()).isFalse();
    }

    @Test
    void aClosedApplicationChangesNoMoreAndItsFirstOutcomeStays() {
        SupplierApplication application = application(ApplicationStatus.UNDER_AUDIT);
        assertThat(application.reject("blurred licence", NOW)).isTrue();
        assertThat(application.reject("another reason", NOW)).isFalse();
        assertThat(application.getRejectionReason()).isEqualTo("blurred licence");
        assertThatThrownBy(() -> application.moveTo(ApplicationStatus.UNDER_AUDIT, NOW))
                .hasMessageContaining("changes no more");
        assertThatThrownBy(() -> application.sampleOrdered(1, 3L, NOW)).hasMessageContaining("changes no more");
    }

    @Test
    void aSampleIsRecordedWithItsAttemptAndItsQualityCheckWhileItIsChecked() {
        SupplierApplication application = application(ApplicationStatus.UNDER_AUDIT);
        application.sampleOrdered(2, 41L, NOW);
        assertThat(application.getSampleAttempts()).isEqualTo(2);
        assertThat(application.getSamplePurchaseOrderId()).isEqualTo(41L);
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SAMPLE_ORDERED);
        assertThatThrownBy(() -> application.qualityChecked("PASSED", "fine", NOW))
                .hasMessageContaining("when it is checked");
        application.moveTo(ApplicationStatus.QUALITY_CHECK, NOW);
        application.qualityChecked("PASSED", "fine", NOW);
        assertThat(application.getQualityResult()).isEqualTo("PASSED");
    }
}
