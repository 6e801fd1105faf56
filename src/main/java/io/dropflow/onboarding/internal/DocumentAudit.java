package io.dropflow.onboarding.internal;

import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.SupplierLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit's outcomes beside acceptance: documents asked for by a deadline, and the application turned down. */
@Service
public class DocumentAudit {

    /** The request's number (uploads are correlated by it) and the deadline for the documents. */
    public record DocumentRequest(long number, Instant dueBy) {
    }

    private final SupplierApplications applications;
    private final SupplierLifecycle catalog;
    private final ApplicationHistory history;
    private final SellerTime time;
    private final Clock clock;

    DocumentAudit(SupplierApplications applications, SupplierLifecycle catalog, ApplicationHistory history,
            SellerTime time, Clock clock) {
        this.time = time;
        this.applications = applications;
        this.catalog = catalog;
        this.history = history;
        this.clock = clock;
    }

    /**
     * The auditor's request for documents ({@code note} says which), due {@code waitHours} from now.
     * Counted before the process waits, so documents that arrive at once meet the wait they answer.
     */
    @Transactional
    public DocumentRequest requestDocuments(Long applicationId, String note, long waitHours) {
        SupplierApplication application = applications.locked(applicationId);
        Instant dueBy = clock.instant().plus(Duration.ofHours(waitHours));
        int number = application.documentsRequested(note, dueBy, clock.instant());
        history.record(application, Party.DROPFLOW, "Asked the applicant for documents by " + time.format(dueBy) + ": " + note);
        return new DocumentRequest(number, dueBy);
    }

    /** Turned down, for {@code reason}: the applicant's code stays known in the catalog as REJECTED. */
    @Transactional
    public void reject(Long applicationId, String reason) {
        SupplierApplication application = applications.locked(applicationId);
        if (application.reject(reason, clock.instant())) {
            catalog.turnDown(application.getSupplierCode(), reason);
            history.record(application, Party.DROPFLOW, "Application turned down: " + reason);
        }
    }
}
