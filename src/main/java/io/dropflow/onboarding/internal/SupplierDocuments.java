package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The applicants' documents. Listing and bookkeeping never load the files. */
interface SupplierDocuments extends JpaRepository<SupplierDocument, Long> {

    /** Every version of an application's documents, without their files, oldest first. */
    @Query("select new io.dropflow.onboarding.internal.SupplierDocuments$Listed(d.id, d.type, d.reference, d.expiresOn, "
            + "d.fileName, d.contentType, d.sizeBytes, d.sha256, d.uploadedAt, d.remindedAt, d.supersededAt) "
            + "from SupplierDocument d where d.applicationId = :applicationId order by d.id")
    List<Listed> listOf(Long applicationId);

    Optional<SupplierDocument> findByIdAndApplicationId(Long id, Long applicationId);

    /** A renewal (or a document sent again) supersedes the current version of its type. */
    @Modifying(flushAutomatically = true)
    @Query("update SupplierDocument d set d.supersededAt = :at where d.applicationId = :applicationId and d.type = :type "
            + "and d.supersededAt is null")
    int supersede(Long applicationId, DocumentType type, Instant at);

    /** An operator asked the supplier to renew it: its reminder is done. */
    @Modifying(flushAutomatically = true)
    @Query("update SupplierDocument d set d.remindedAt = :at where d.id = :id and d.remindedAt is null")
    int reminded(Long id, Instant at);

    record Listed(Long id, DocumentType type, String reference, LocalDate expiresOn, String fileName, String contentType,
            Long sizeBytes, String sha256, Instant uploadedAt, Instant remindedAt, Instant supersededAt) {

        boolean isCurrent() {
            return supersededAt == null;
        }

        /** When it lapses: the start of the day after its last valid day, in {@code zone} (the seller's); null for never. */
        Instant lapsesAt(ZoneId zone) {
            return SupplierDocument.lapsesAt(expiresOn, zone);
        }

        /** Lapsed by {@code now}: its last valid day, in {@code zone} (the seller's), is over. */
        boolean lapsedBy(Instant now, ZoneId zone) {
            Instant lapses = lapsesAt(zone);
            return lapses != null && !lapses.isAfter(now);
        }
    }
}
