package io.dropflow.claim.internal;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A photo or video the consumer uploaded (content kept here), or a link to one. */
@Entity
public class ClaimEvidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long claimId;
    private String fileName;
    private String contentType;
    private Long sizeBytes;
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;
    private String url;
    private Instant uploadedAt;

    protected ClaimEvidence() {
    }

    static ClaimEvidence file(Long claimId, String fileName, String contentType, byte[] content, String sha256,
            Instant uploadedAt) {
        ClaimEvidence e = new ClaimEvidence();
        e.uploadedAt = uploadedAt;
        e.claimId = claimId;
        e.fileName = fileName;
        e.contentType = contentType;
        e.content = content;
        e.sizeBytes = (long) content.length;
        e.sha256 = sha256;
        return e;
    }

    static ClaimEvidence link(Long claimId, String url, Instant uploadedAt) {
        ClaimEvidence e = new ClaimEvidence();
        e.uploadedAt = uploadedAt;
        e.claimId = claimId;
        e.url = url;
        return e;
    }

    public boolean isFile() {
        return url == null;
    }

    public Long getId() { return id; }
    public Long getClaimId() { return claimId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public Long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public byte[] getContent() { return content; }
    public String getUrl() { return url; }
    public Instant getUploadedAt() { return uploadedAt; }
}
