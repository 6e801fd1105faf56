package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.processengine.SellerTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.springframework.test.util.ReflectionTestUtils;

/** Applications, documents and a fixed clock for the onboarding's unit tests. */
final class OnboardingFixtures {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    /** The seller's time zone, as the demo's: NOW is 18:00 on TODAY there. */
    static final SellerTime SELLER_TIME = SellerTime.in("Asia/Shanghai");

    private OnboardingFixtures() {
    }

    static ApplicationForm.ProposedOffer offer(String sku, String category) {
        return new ApplicationForm.ProposedOffer(sku, "SUP-" + sku, new BigDecimal("7.80"), new BigDecimal("2.00"), 300,
                "CN", 72, category);
    }

    static ApplicationForm.ProposedAgreement agreement(ApplicationForm.ProposedOffer... offers) {
        return new ApplicationForm.ProposedAgreement("EUR", "AQL 2.5", List.of(offers));
    }

    static ApplicationForm.DocumentInfo info(DocumentType type, LocalDate expiresOn) {
        return new ApplicationForm.DocumentInfo(type, "NO-1", expiresOn);
    }

    static ApplicationForm form(String code, List<ApplicationForm.DocumentInfo> documents) {
        return new ApplicationForm(code, code + " Co., Ltd.", new ApplicationForm.Contact("Li Wei", "li@jade.example", null),
                "CN", List.of("homeware"), documents, agreement(offer("TEST-WOK", "homeware")));
    }

    static DocumentFile pdf(DocumentType type) {
        return new DocumentFile(type, type + ".pdf", "application/pdf", "%PDF-1.7 scan".getBytes());
    }

    /** Application 7 from JADE, requirements found (business licence, quality certificate which must expire), at {@code status}. */
    static SupplierApplication application(ApplicationStatus status) {
        SupplierApplication application = new SupplierApplication(form("JADE", List.of()), true, NOW);
        ReflectionTestUtils.setField(application, "id", 7L);
        application.requirementsFound(EnumSet.of(DocumentType.BUSINESS_LICENCE, DocumentType.QUALITY_CERTIFICATE),
                EnumSet.of(DocumentType.QUALITY_CERTIFICATE), List.of("the goods match"), NOW);
        ReflectionTestUtils.setField(application, "status", status);
        return application;
    }

    /** The papers of {@code documents}, their days read in {@link #SELLER_TIME}'s zone. */
    static Papers papers(SupplierDocuments documents) {
        return new Papers(documents, SELLER_TIME);
    }

    /** A current document of application 7. */
    static SupplierDocuments.Listed listed(long id, DocumentType type, LocalDate expiresOn, Instant remindedAt) {
        return new SupplierDocuments.Listed(id, type, "NO-" + id, expiresOn, type + ".pdf", "application/pdf", 100L,
                "0".repeat(64), NOW, remindedAt, null);
    }
}
