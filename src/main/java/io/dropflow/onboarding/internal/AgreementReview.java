package io.dropflow.onboarding.internal;

import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.SupplierLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agreement's outcomes: sent back for changes by a deadline, or approved, which activates the supplier. */
@Service
public class AgreementReview {

    /** The revision's number (the revised agreement is correlated by it) and its deadline. */
    public record RevisionRequest(long number, Instant dueBy) {
    }

    private final SupplierApplications applications;
    private final SupplierLifecycle catalog;
    private final ApplicationHistory history;
    private final SellerTime time;
    private final Clock clock;

    AgreementReview(SupplierApplications applications, SupplierLifecycle catalog, ApplicationHistory history,
            SellerTime time, Clock clock) {
        this.time = time;
        this.applications = applications;
        this.catalog = catalog;
        this.history = history;
        this.clock = clock;
    }

    /** The supervisor's request for changed terms ({@code note} says which), due {@code waitHours} from now. */
    @Transactional
    public RevisionRequest requestChanges(Long applicationId, String note, long waitHours) {
        SupplierApplication application = applications.locked(applicationId);
        Instant dueBy = clock.instant().plus(Duration.ofHours(waitHours));
        int number = application.agreementSentBack(note, dueBy, clock.instant());
        history.record(application, Party.DROPFLOW, "Asked the applicant for a revised agreement by " + time.format(dueBy)
                + ": "
                + note);
        return new RevisionRequest(number, dueBy);
    }

    /**
     * The revised agreement's deadline came: was the revision taken before it? Its message may not have reached
     * the process yet (the deadline's timer ran first): the application is then reviewed as revised, never
     * escalated for a silence there was not. Otherwise the application goes back to its review now, so that a
     * revision sent from now on is refused (a 409 the applicant sees), never taken beside the escalation.
     * @return whether the revision was taken in time
     */
    @Transactional
    public boolean revisionDue(Long applicationId) {
        SupplierApplication application = applications.locked(applicationId);
        boolean taken = application.revisionDue(clock.instant());
        if (taken) {
            history.record(application, Party.DROPFLOW, "The revised agreement came before its deadline: reviewed as "
                    + "revised, not escalated");
        }
        return taken;
    }

    /** The supplier becomes active with its agreed offers, starting at {@code score} in {@code tier}. */
    @Transactional
    public void activate(Long applicationId, long score, long tier) {
        SupplierApplication application = applications.locked(applicationId);
        java.util.Optional<String> notServed = catalog.activate(application.getSupplierCode(),
                Agreements.offers(application), (int) score, (int) tier);
        application.onboarded(clock.instant());
        history.record(application, Party.DROPFLOW, application.getSupplierCode() + " is active with "
                + application.getOffers().size() + " offer(s), score " + score + ", tier " + tier);
        // production: active, but no adapter serves it yet, so sourcing leaves it out until it is bound
        notServed.ifPresent(why -> history.record(application, Party.DROPFLOW,
                application.getSupplierCode() + " is not used yet: " + why));
    }
}
