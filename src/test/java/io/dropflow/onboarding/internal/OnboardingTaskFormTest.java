package io.dropflow.onboarding.internal;

import static io.dropflow.onboarding.internal.OnboardingFixtures.CLOCK;
import static io.dropflow.onboarding.internal.OnboardingFixtures.NOW;
import static io.dropflow.onboarding.internal.OnboardingFixtures.TODAY;
import static io.dropflow.onboarding.internal.OnboardingFixtures.application;
import static io.dropflow.onboarding.internal.OnboardingFixtures.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.SellerTime;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The onboarding forms' facts: the applicant and its papers as rows, in the seller's time. */
class OnboardingTaskFormTest {

    private final SupplierApplications applications = mock(SupplierApplications.class);
    private final SupplierDocuments documents = mock(SupplierDocuments.class);
    private final ApplicationHistory history = mock(ApplicationHistory.class);
    private final ExchangeRates rates = mock(ExchangeRates.class);
    private final OnboardingTaskForm form = new OnboardingTaskForm(applications, OnboardingFixtures.papers(documents), documents, history,
            mock(Purchasing.class), mock(Catalog.class), mock(Scorecards.class), rates, SellerTime.in("Asia/Shanghai"), CLOCK);

    @Test
    void anAuditShowsTheApplicantAndItsPapersWithWhatIsMissing() {
        SupplierApplication application = application(ApplicationStatus.SUBMITTED);
        when(applications.get(7L)).thenReturn(application);
        when(documents.listOf(7L)).thenReturn(List.of(listed(3, DocumentType.BUSINESS_LICENCE, null, null)));
        when(history.of(7L)).thenReturn(List.of(new ApplicationHistory.Entry(NOW, Party.OPERATOR, "mary looked")));

        FormFacts shown = form.taskCreated(7L, OnboardingTask.AUDIT_DOCUMENTS, null);

        Set<String> expected = new HashSet<>(OnboardingTaskForm.APPLICANT);
        expected.addAll(OnboardingTaskForm.PAPERS);
        assertThat(shown.values().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(shown.values()).containsEntry("applicationNumber", "DF-ON7").containsEntry("crossBorder", "Cross-border")
                .containsEntry("papersInOrder", false);
        assertThat(shown.get("papers")).isEqualTo(List.of(Map.of("document", DocumentType.BUSINESS_LICENCE.label(),
                "required", "Required", "reference", "NO-3", "validUntil", "No expiry date",
                "fileName", "BUSINESS_LICENCE.pdf", "url", ApplicationViews.download(7L, 3L))));
        assertThat(shown.get("missingPapers")).isEqualTo(List.of(Map.of("document", DocumentType.QUALITY_CERTIFICATE.label())));
        assertThat(shown.get("history")).isEqualTo(List.of(Map.of("at", "2026-11-24 18:00 (Asia/Shanghai)",
                "party", "Operator", "what", "mary looked")));
    }

    /**
     * The renewal chase names the paper the watch found lapsing (not only "one of the supplier's documents"), with its
     * reference, last valid day and the moment it lapses in the seller's time: the start of the next day there.
     */
    @Test
    void aRenewalChaseNamesThePaperToRenewAndWhenItLapsesInTheSellersTime() {
        when(applications.get(7L)).thenReturn(application(ApplicationStatus.ONBOARDED));
        when(documents.listOf(7L)).thenReturn(List.of(listed(1, DocumentType.BUSINESS_LICENCE, TODAY.plusDays(90), null),
                listed(2, DocumentType.QUALITY_CERTIFICATE, TODAY.plusDays(30), null)));

        FormFacts shown = form.taskCreated(7L, OnboardingTask.CHASE_RENEWAL, 2L);

        assertThat(shown.values()).containsEntry("renewalDocument", DocumentType.QUALITY_CERTIFICATE.label())
                .containsEntry("renewalReference", "NO-2")
                .containsEntry("renewalValidUntil", "2026-12-24")
                .containsEntry("renewalLapsesAt", "2026-12-25 00:00 (Asia/Shanghai)");
        Set<String> expected = new HashSet<>(OnboardingTaskForm.APPLICANT);
        expected.addAll(OnboardingTaskForm.PAPERS);
        expected.addAll(OnboardingTaskForm.RENEWAL);
        assertThat(shown.values().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        verify(documents).reminded(eq(2L), any());
    }

    /**
     * An agreement in a currency Dropflow has no rate for into the settlement currency is approved all the same (the
     * rate may come later), but the reviewer is told: until one is added, the new supplier's offers are never ranked.
     */
    @Test
    void theAgreementReviewSaysWhenNoRateIntoTheSettlementCurrencyExists() {
        SupplierApplication application = application(ApplicationStatus.AGREEMENT_REVIEW);
        ReflectionTestUtils.setField(application, "agreementCurrency", "DKK");
        when(applications.get(7L)).thenReturn(application);
        when(rates.settlementCurrency()).thenReturn("EUR");

        when(rates.canConvert("DKK", "EUR", NOW)).thenReturn(false);
        assertThat(form.taskCreated(7L, OnboardingTask.REVIEW_AGREEMENT, null).values())
                .containsEntry("missingRateTo", "EUR").containsEntry("agreementCurrency", "DKK");

        when(rates.canConvert("DKK", "EUR", NOW)).thenReturn(true);
        assertThat(form.taskCreated(7L, OnboardingTask.REVIEW_AGREEMENT, null).values().get("missingRateTo")).isNull();
    }

    @Test
    void agreementPricesHaveTheirCurrencysDecimalsAndCode() {
        assertThat(OnboardingTaskForm.amount(new BigDecimal("7.8"), "EUR")).isEqualTo("7.80 EUR");
        assertThat(OnboardingTaskForm.amount(new BigDecimal("780"), "JPY")).isEqualTo("780 JPY");
        assertThat(OnboardingTaskForm.amount(new BigDecimal("1.25"), "KWD")).isEqualTo("1.250 KWD");
    }
}
