package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A paper an applicant uploaded (the file is kept here, like claim evidence): its type, number and
 * last valid day. A renewal supersedes it; the current version of a type is the one not superseded.
 */
@Entity
class SupplierDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    private DocumentType type;
    private String reference;
    private LocalDate expiresOn;
    private String fileName;
    private String contentType;
    private Long sizeBytes;
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;
    private Instant uploadedAt;
    private Instant remindedAt;
    private Instant supersededAt;

    protected SupplierDocument() {
    }

    SupplierDocument(Long applicationId, DocumentType type, String reference, LocalDate expiresOn, String fileName,
            String contentType, byte[] content, String sha256, Instant uploadedAt) {
        this.applicationId = applicationId;
        this.type = type;
        this.reference = reference;
        this.expiresOn = expiresOn;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = (long) content.length;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
    }

    /**
     * A document valid until the end of its last day lapses at the start of the next, in the seller's time zone
     * ({@code dropflow.seller.time-zone}, in which operators read every date): a licence valid until 2026-12-20 lapses
     * at 2026-12-21 00:00 in Shanghai, 2026-12-20T16:00Z. Null when it never does.
     */
    static Instant lapsesAt(LocalDate expiresOn, ZoneId zone) {
        return expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public DocumentType getType() { return type; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public Long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public byte[] getContent() { return content; }
    public Instant getUploadedAt() { return uploadedAt; }
    public Instant getRemindedAt() { return remindedAt; }
}
