package io.dropflow.claim.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The evidence of claims: photos, videos and links. */
public interface ClaimEvidenceFiles extends JpaRepository<ClaimEvidence, Long> {

    /** Without the content: listing evidence must not load every photo. */
    @Query("select new io.dropflow.claim.internal.ClaimEvidenceFiles$Listed(e.id, e.fileName, e.contentType, e.sizeBytes, "
            + "e.sha256, e.url, e.uploadedAt) from ClaimEvidence e where e.claimId = :claimId order by e.id")
    List<Listed> listOf(Long claimId);

    record Listed(Long id, String fileName, String contentType, Long sizeBytes, String sha256, String url,
            java.time.Instant uploadedAt) {
    }
}
