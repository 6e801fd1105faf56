package io.dropflow.onboarding.internal;

import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierLifecycle;
import io.dropflow.web.NotFound;
import java.time.Clock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications as the API shows them, and their documents' files. */
@Service
public class ApplicationViews {

    private final SupplierApplications applications;
    private final SupplierDocuments documents;
    private final Papers papers;
    private final ApplicationHistory history;
    private final Purchasing purchasing;
    private final SupplierLifecycle catalog;
    private final Clock clock;

    ApplicationViews(SupplierApplications applications, SupplierDocuments documents, Papers papers,
            ApplicationHistory history, Purchasing purchasing, SupplierLifecycle catalog, Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.papers = papers;
        this.history = history;
        this.purchasing = purchasing;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Where a document's file is downloaded. */
    static String download(Long applicationId, Long documentId) {
        return "/api/onboarding/applications/" + applicationId + "/documents/" + documentId;
    }

    @Transactional(readOnly = true)
    public ApplicationView of(Long applicationId) {
        return view(applications.get(applicationId));
    }

    @Transactional(readOnly = true)
    public Page<ApplicationView> page(ApplicationStatus status, Pageable page) {
        return (status == null ? applications.findAll(page) : applications.findByStatus(status, page)).map(this::view);
    }

    /** @throws NotFound naming the application and the document */
    @Transactional(readOnly = true)
    public SupplierDocument file(Long applicationId, Long documentId) {
        SupplierDocument document = documents.findByIdAndApplicationId(documentId, applicationId).orElseThrow(() ->
                NotFound.of("document", documentId, "application " + applicationId + " has no document " + documentId));
        document.getContent();
        return document;
    }

    private ApplicationView view(SupplierApplication a) {
        Long id = a.getId();
        PurchaseOrderView sample = a.getSamplePurchaseOrderId() == null ? null
                : purchasing.purchaseOrder(a.getSamplePurchaseOrderId());
        return new ApplicationView(id, a.number(), a.getSupplierCode(), a.getCompanyName(),
                new ApplicationForm.Contact(a.getContactName(), a.getContactEmail(), a.getContactPhone()), a.getRegion(),
                a.isCrossBorder(), a.categoryList(), a.getStatus(), catalog.status(a.getSupplierCode()).name(),
                a.requiredDocumentTypes().stream().map(t -> new ApplicationView.RequiredDocument(t, t.label(),
                        a.expiringDocumentTypes().contains(t))).toList(),
                papers.problems(a, clock.instant()),
                documents.listOf(id).stream().map(d -> new ApplicationView.DocumentView(d.id(), d.type(), d.reference(),
                        d.expiresOn(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), download(id, d.id()),
                        d.uploadedAt(), d.remindedAt(), d.supersededAt())).toList(),
                a.getDocumentRequests() == 0 ? null : new ApplicationView.DocumentRequest(a.getDocumentRequests(),
                        a.getDocumentsNote(), a.getDocumentsDueBy()),
                a.getSampleAttempts() == 0 ? null : new ApplicationView.Sample(a.getSampleAttempts(),
                        sample == null ? null : sample.number(), sample == null ? null : sample.status().name(),
                        a.getQualityResult(), a.getQualityNotes()),
                new ApplicationView.Agreement(a.getAgreementCurrency(), a.getQualityTerms(), a.getOffers().stream()
                        .map(o -> new ApplicationForm.ProposedOffer(o.getSku(), o.getSupplierSku(),
                                shown(o.getSupplyPrice(), a.getAgreementCurrency()),
                                shown(o.getShippingCost(), a.getAgreementCurrency()), o.getStock(), o.getShipFrom(), o.getShipByHours(), o.getCategory()))
                        .toList(), a.getAgreementRevisions(), a.getRevisionNote(), a.getRevisionDueBy()),
                a.getRejectionReason(), a.isEscalated(),
                history.of(id).stream().map(e -> new ApplicationView.HistoryView(e.at(), e.party().name(), e.what()))
                        .toList(),
                a.getProcessInstanceId(), a.getCreatedAt(), a.getUpdatedAt(), a.getClosedAt());
    }

    /** An amount of the agreement with its currency's decimals (80 JPY, 12.50 EUR). */
    private static java.math.BigDecimal shown(java.math.BigDecimal amount, String currency) {
        return amount == null || currency == null ? amount : io.dropflow.settlement.Money.inMinorUnits(amount, currency);
    }
}
