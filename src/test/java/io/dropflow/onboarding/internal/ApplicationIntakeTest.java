package io.dropflow.onboarding.internal;

import static io.dropflow.onboarding.internal.OnboardingFixtures.CLOCK;
import static io.dropflow.onboarding.internal.OnboardingFixtures.TODAY;
import static io.dropflow.onboarding.internal.OnboardingFixtures.agreement;
import static io.dropflow.onboarding.internal.OnboardingFixtures.application;
import static io.dropflow.onboarding.internal.OnboardingFixtures.form;
import static io.dropflow.onboarding.internal.OnboardingFixtures.info;
import static io.dropflow.onboarding.internal.OnboardingFixtures.offer;
import static io.dropflow.onboarding.internal.OnboardingFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.supplier.SupplierLifecycle;
import io.dropflow.supplier.SupplierGateway;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.unit.DataSize;

/** Intake checks everything before it writes anything; only an application waiting for documents is moved on. */
class ApplicationIntakeTest {

    private final SupplierApplications applications = mock(SupplierApplications.class);
    private final SupplierDocuments documents = mock(SupplierDocuments.class);
    private final ApplicationHistory history = mock(ApplicationHistory.class);
    private final SupplierLifecycle catalog = mock(SupplierLifecycle.class);
    private final OnboardingProcess process = mock(OnboardingProcess.class);
    private final OnboardingSettings settings = new OnboardingSettings(DataSize.ofKilobytes(64), 3,
            List.of("application/pdf"), new SupplierGateway.Address("QC", "1 Seller Street", null, "10115", "Berlin",
                    null, "DE", null));
    private final ApplicationIntake intake = new ApplicationIntake(applications, documents, history, catalog, process,
            settings, new ApplicantCodeHolder(applications, catalog), OnboardingFixtures.SELLER_TIME, CLOCK);

    @BeforeEach
    void storesWithIds() {
        when(applications.saveAndFlush(any())).thenAnswer(call -> withId(call.getArgument(0), 7L));
        when(documents.save(any())).thenAnswer(call -> withId(call.getArgument(0), 70L));
        when(process.start(any())).thenReturn("instance-7");
    }

    private static Object withId(Object entity, long id) {
        ReflectionTestUtils.setField(entity, "id", id);
        return entity;
    }

    @Test
    void anApplicationRegistersItsApplicantStoresItsDocumentsAndStartsItsProcess() {
        SupplierApplication application = intake.submit(form("JADE", List.of(info(DocumentType.BUSINESS_LICENCE, null))),
                List.of(pdf(DocumentType.BUSINESS_LICENCE)));

        assertThat(application.isCrossBorder()).as("CN is not the quality check's DE").isTrue();
        assertThat(application.getProcessInstanceId()).isEqualTo("instance-7");
        verify(catalog).registerApplicant(new SupplierLifecycle.Applicant("JADE", "JADE Co., Ltd.", "CN", "li@jade.example"));
        verify(documents).supersede(eq(7L), eq(DocumentType.BUSINESS_LICENCE), any());
        verify(documents).save(any(SupplierDocument.class));
    }

    /**
     * api.md: "every described document with its file and every file described, none expired (400). Problem type
     * {@code documents-rejected}" — each of these is that type, not {@code invalid-application} (exploratory test s15
     * D5: a portal branching on the documented type missed them); a paper whose last valid day is today has not
     * expired, and is told it must be valid beyond today.
     */
    @Test
    void descriptionsAndFilesMustMatchAndNoDocumentMayHaveExpired() {
        assertThatThrownBy(() -> intake.submit(form("JADE", List.of(info(DocumentType.BUSINESS_LICENCE, null))),
                List.of(pdf(DocumentType.TAX_REGISTRATION)))).isInstanceOf(DocumentsRejectedException.class)
                .hasMessageContaining("described [BUSINESS_LICENCE], files for [TAX_REGISTRATION]");
        assertThatThrownBy(() -> intake.submit(form("JADE", List.of(info(DocumentType.BUSINESS_LICENCE,
                TODAY.minusDays(1)))), List.of(pdf(DocumentType.BUSINESS_LICENCE))))
                .isInstanceOf(DocumentsRejectedException.class)
                .hasMessage("BUSINESS_LICENCE expired on " + TODAY.minusDays(1) + ": send a valid one");
        assertThatThrownBy(() -> intake.submit(form("JADE", List.of(info(DocumentType.BUSINESS_LICENCE, TODAY))),
                List.of(pdf(DocumentType.BUSINESS_LICENCE)))).isInstanceOf(DocumentsRejectedException.class)
                .hasMessage("BUSINESS_LICENCE is valid only until today, " + TODAY
                        + ": send one valid beyond today");
        assertThatThrownBy(() -> intake.submit(form("JADE", List.of(info(DocumentType.BUSINESS_LICENCE, null),
                info(DocumentType.BUSINESS_LICENCE, null))), List.of(pdf(DocumentType.BUSINESS_LICENCE))))
                .isInstanceOf(DocumentsRejectedException.class).hasMessageContaining("described twice");
        assertThatThrownBy(() -> intake.submit(form("JADE", List.of(info(DocumentType.BUSINESS_LICENCE, null))),
                List.of(pdf(DocumentType.BUSINESS_LICENCE), pdf(DocumentType.BUSINESS_LICENCE))))
                .isInstanceOf(DocumentsRejectedException.class).hasMessageContaining("two files for BUSINESS_LICENCE");
        assertThatThrownBy(() -> intake.submit(form("JADE", List.of()), List.of(pdf(DocumentType.TAX_REGISTRATION),
                pdf(DocumentType.BUSINESS_LICENCE), pdf(DocumentType.QUALITY_CERTIFICATE),
                pdf(DocumentType.EXPORT_REGISTRATION)))).isInstanceOf(DocumentsRejectedException.class)
                .hasMessageContaining("at most 3 documents");
        verifyNoInteractions(catalog, process);
    }

    /**
     * A document's days are the seller's calendar's: at 01:00 on 25 November in Shanghai (still the 24th in UTC) it is
     * the 25th, and a licence whose last valid day is the 25th is refused as an application's paper is on its last day
     * (it must be valid beyond today). Read in UTC, it was taken for eight more hours.
     */
    @Test
    void aDocumentExpiredInTheSellersZoneIsRefusedThoughItsDayLastsLongerInUtc() {
        java.time.Clock afterMidnightInShanghai = java.time.Clock.fixed(Instant.parse("2026-11-24T17:00:00Z"),
                java.time.ZoneOffset.UTC);
        ApplicationIntake late = new ApplicationIntake(applications, documents, history, catalog, process, settings,
                new ApplicantCodeHolder(applications, catalog), OnboardingFixtures.SELLER_TIME, afterMidnightInShanghai);

        assertThatThrownBy(() -> late.submit(form("JADE", List.of(info(DocumentType.BUSINESS_LICENCE,
                TODAY.plusDays(1)))), List.of(pdf(DocumentType.BUSINESS_LICENCE))))
                .hasMessageContaining("valid only until today, " + TODAY.plusDays(1));
        verifyNoInteractions(catalog, process);
    }

    @Test
    void offersMustBeInTheCategoriesAppliedForOnceEachAndAsTheCatalogTakesThem() {
        when(catalog.problemsOf(any())).thenReturn(List.of("TEST-WOK: supplyPrice 7.801 has more decimals than EUR has (2)"));
        var outside = new ApplicationForm("JADE", "Jade", new ApplicationForm
                .Contact("Li", "li@jade.example", null), "CN", List.of("homeware"), List.of(),
                agreement(offer("TEST-WOK", "homeware"), offer("TEST-WOK", "toys")));

        assertThatThrownBy(() -> intake.submit(outside, List.of())).isInstanceOf(InvalidApplicationException.class)
                .hasMessageContaining("TEST-WOK is offered twice")
                .hasMessageContaining("in category toys, which the application does not cover")
                .hasMessageContaining("more decimals than EUR");
        verify(catalog, never()).registerApplicant(any());
    }

    @Test
    void aSecondOpenApplicationForTheSameCodeIsRefusedNamingTheOpenOne() {
        when(applications.openFor("JADE")).thenReturn(Optional.of(application(ApplicationStatus.UNDER_AUDIT)));
        assertThatThrownBy(() -> intake.submit(form("JADE", List.of()), List.of()))
                .isInstanceOfSatisfying(ApplicationOpenException.class, open -> {
                    assertThat(open.getBody().getType().toString()).endsWith("/application-open");
                    assertThat(open.getBody().getProperties()).containsEntry("applicationId", 7L)
                            .containsEntry("application", "/api/webhooks/onboarding/applications/7");
                }).hasMessageContaining("an application for supplier JADE is open already: DF-ON7");
        verify(catalog, never()).registerApplicant(any());
    }

    @Test
    void documentsMoveOnlyAnApplicationWaitingForThem() {
        SupplierApplication auditing = application(ApplicationStatus.UNDER_AUDIT);
        when(applications.locked(7L)).thenReturn(auditing);
        intake.addDocuments(7L, List.of(info(DocumentType.QUALITY_CERTIFICATE, TODAY.plusYears(1))),
                List.of(pdf(DocumentType.QUALITY_CERTIFICATE)));
        verify(process, never()).documentsAdded(any(), anyLong());

        ReflectionTestUtils.setField(auditing, "status", ApplicationStatus.AWAITING_DOCUMENTS);
        intake.addDocuments(7L, List.of(info(DocumentType.QUALITY_CERTIFICATE, TODAY.plusYears(1))),
                List.of(pdf(DocumentType.QUALITY_CERTIFICATE)));
        verify(process).documentsAdded(auditing, 70L);

        ReflectionTestUtils.setField(auditing, "status", ApplicationStatus.REJECTED);
        assertThatThrownBy(() -> intake.addDocuments(7L, List.of(), List.of()))
                .isInstanceOf(ApplicationRefusedException.class);
    }

    @Test
    void aRenewalOfADocumentThatMustExpireNeedsItsExpiryDate() {
        SupplierApplication onboarded = application(ApplicationStatus.ONBOARDED);
        when(applications.findFirstBySupplierCodeAndStatusOrderByIdDesc("JADE", ApplicationStatus.ONBOARDED))
                .thenReturn(Optional.of(onboarded));
        when(applications.locked(7L)).thenReturn(onboarded);

        assertThatThrownBy(() -> intake.renewDocument("JADE", info(DocumentType.QUALITY_CERTIFICATE, null),
                List.of(pdf(DocumentType.QUALITY_CERTIFICATE)), Party.APPLICANT))
                .hasMessageContaining("QUALITY_CERTIFICATE must carry an expiry date");
        intake.renewDocument("JADE", info(DocumentType.QUALITY_CERTIFICATE, TODAY.plusYears(3)),
                List.of(pdf(DocumentType.QUALITY_CERTIFICATE)), Party.APPLICANT);
        verify(process).documentRenewed(onboarded, 70L);
        assertThatThrownBy(() -> intake.renewDocument("NOBODY", info(DocumentType.TAX_REGISTRATION, null),
                List.of(pdf(DocumentType.TAX_REGISTRATION)), Party.APPLICANT)).hasMessageContaining("no onboarded supplier NOBODY");
    }

    @Test
    void aRenewalSentAgainChangesNothingAndOneExpiringBeforeTheVersionInForceIsRefused() {
        SupplierApplication onboarded = application(ApplicationStatus.ONBOARDED);
        when(applications.findFirstBySupplierCodeAndStatusOrderByIdDesc("JADE", ApplicationStatus.ONBOARDED))
                .thenReturn(Optional.of(onboarded));
        when(applications.locked(7L)).thenReturn(onboarded);
        DocumentFile file = pdf(DocumentType.QUALITY_CERTIFICATE);
        when(documents.listOf(7L)).thenReturn(List.of(new SupplierDocuments.Listed(71L, DocumentType.QUALITY_CERTIFICATE,
                "NO-1", TODAY.plusYears(3), "QUALITY_CERTIFICATE.pdf", "application/pdf", 13L,
                io.dropflow.web.UploadCheck.sha256(file.content()), OnboardingFixtures.NOW, null, null)));

        // The version in force, sent again: nothing stored, nothing told to the process
        assertThat(intake.renewDocument("JADE", info(DocumentType.QUALITY_CERTIFICATE, TODAY.plusYears(3)),
                List.of(file), Party.APPLICANT)).isSameAs(onboarded);
        verify(documents, never()).save(any());
        verify(process, never()).documentRenewed(any(), any());

        // One that expires before it: refused, naming both
        assertThatThrownBy(() -> intake.renewDocument("JADE", info(DocumentType.QUALITY_CERTIFICATE,
                TODAY.plusYears(1)), List.of(file), Party.APPLICANT))
                .isInstanceOf(RenewalOutdatedException.class)
                .hasMessageContaining(TODAY.plusYears(1).toString()).hasMessageContaining("NO-1")
                .hasMessageContaining(TODAY.plusYears(3).toString());
        verify(documents, never()).save(any());

        // The same expiry under another reference is a correction, and a later one a renewal: both taken
        intake.renewDocument("JADE", new ApplicationForm.DocumentInfo(DocumentType.QUALITY_CERTIFICATE, "NO-2",
                TODAY.plusYears(3)), List.of(file), Party.APPLICANT);
        intake.renewDocument("JADE", info(DocumentType.QUALITY_CERTIFICATE, TODAY.plusYears(4)), List.of(file),
                Party.APPLICANT);
        verify(process, org.mockito.Mockito.times(2)).documentRenewed(onboarded, 70L);
    }
}
