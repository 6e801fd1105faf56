package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the onboarding API shows of an application: the applicant, what its papers must be and
 * are, what is still missing, its sample, its agreement, its supplier's status in the catalog,
 * and (for the seller's staff) its history.
 */
public record ApplicationView(Long id, String number, String supplierCode, String companyName,
        ApplicationForm.Contact contact, String region, boolean crossBorder, List<String> categories,
        ApplicationStatus status, String supplierStatus, List<RequiredDocument> requiredDocuments,
        List<String> notInOrder, List<DocumentView> documents, DocumentRequest documentRequest, Sample sample,
        Agreement agreement, String rejectionReason, boolean escalated, List<HistoryView> history,
        String processInstanceId, Instant createdAt, Instant updatedAt, Instant closedAt) {

    /**
     * What the applicant's portal sees: the same without the seller's internal history and process. Whether its
     * application went to supervisors ({@code escalated}) it sees as staff do: that is where its answer comes from.
     */
    public ApplicationView forApplicant() {
        return new ApplicationView(id, number, supplierCode, companyName, contact, region, crossBorder, categories,
                status, supplierStatus, requiredDocuments, notInOrder, documents, documentRequest, sample, agreement,
                rejectionReason, escalated, List.of(), null, createdAt, updatedAt, closedAt);
    }

    /** A document the requirements table asks for, and whether it must carry an expiry date. */
    public record RequiredDocument(DocumentType type, String label, boolean mustExpire) {
    }

    /** A document as uploaded (download it at {@code download}); a superseded one was renewed or sent again. */
    public record DocumentView(Long id, DocumentType type, String reference, LocalDate expiresOn, String fileName,
            String contentType, Long sizeBytes, String sha256, String download, Instant uploadedAt, Instant remindedAt,
            Instant supersededAt) {
    }

    /** The latest request for documents: how many there were, what it asked for, by when. */
    public record DocumentRequest(int requests, String note, Instant dueBy) {
    }

    /** The latest sample purchase order and its quality check. */
    public record Sample(int attempts, String purchaseOrderNumber, String status, String qualityResult,
            String qualityNotes) {
    }

    /** The agreement as proposed (or revised): currency, quality terms, offers, and why it was sent back. */
    public record Agreement(String currency, String qualityTerms, List<ApplicationForm.ProposedOffer> offers,
            int revisions, String revisionNote, Instant revisionDueBy) {
    }

    public record HistoryView(Instant at, String party, String what) {
    }
}
