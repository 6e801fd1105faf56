package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import java.util.List;

/**
 * bpmn/onboarding-requirements.dmn, which analysts own: the documents each product category needs
 * from an applicant of a region, what its sample's quality check looks at, and the onboarding's
 * deadlines and terms.
 */
public interface RequirementsTable {

    /** One document the table asks for, and whether it must carry an expiry date the seller watches. */
    record Document(DocumentType type, boolean mustExpire) {
    }

    /**
     * The onboarding's numbers for an applicant, each in hours unless named otherwise.
     * @param sampleSkus how many of the offered SKUs the sample holds (one piece each)
     * @param expiryReminderDays how long before a document lapses an operator asks for its renewal
     * @param newSupplierScore the score it starts with, until its scorecard has facts
     * @param newSupplierTier the tier it starts in (3: on probation)
     */
    record Terms(long auditHours, long documentsWaitHours, long sampleShipHours, long sampleSkus,
            long qualityCheckHours, long agreementReviewHours, long revisionWaitHours, long expiryReminderDays,
            long renewalGraceHours, long scorecardCheckHours, long standingReviewHours, long newSupplierScore,
            long newSupplierTier, long escalationPriority) {
    }

    /** @throws IllegalArgumentException for a document type the table names that Dropflow does not know */
    List<Document> documentsFor(String region, boolean crossBorder, String category);

    List<String> qualityChecksFor(String category);

    /**
     * @throws io.dropflow.processengine.DecisionTableBroken when the table has no rule for it, or gives no valid
     *         output
     */
    Terms termsFor(boolean crossBorder);
}
