package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierLifecycle;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.supplier.SupplierView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An onboarded supplier's good standing: its papers (the next one to lapse is watched, an operator
 * asks for its renewal in time, a lapsed one suspends the supplier until it is renewed) and its
 * performance (a supplier its scorecard flags for shipping late is reviewed: kept, coached by a
 * deadline, or suspended).
 */
@Service
public class SupplierStanding {

    /** What the papers' watch waits for next. */
    public enum WatchStep {
        /** No current document carries an expiry date. */
        NOTHING_EXPIRES,
        /** The next document to lapse; an operator is reminded before it does. */
        REMIND,
        /** The next document to lapse was asked for already: its renewal, or its lapse, is awaited. */
        AWAIT_RENEWAL
    }

    /** The document watched next: when to remind of it and when it lapses. */
    public record DocumentWatch(WatchStep step, Long documentId, DocumentType type, Instant remindAt, Instant lapsesAt) {
    }

    private final SupplierApplications applications;
    private final Papers papers;
    private final SupplierLifecycle lifecycle;
    private final Catalog catalog;
    private final Scorecards scorecards;
    private final ApplicationHistory history;
    private final Clock clock;

    SupplierStanding(SupplierApplications applications, Papers papers, SupplierLifecycle lifecycle, Catalog catalog,
            Scorecards scorecards, ApplicationHistory history, Clock clock) {
        this.applications = applications;
        this.papers = papers;
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.history = history;
        this.clock = clock;
    }

    /** The required document that lapses first, to be reminded of {@code reminderDays} before. */
    @Transactional(readOnly = true)
    public DocumentWatch watchNext(Long applicationId, long reminderDays) {
        Optional<SupplierDocuments.Listed> next = papers.required(onboarded(applicationId)).stream()
                .filter(d -> d.expiresOn() != null)
                .min(Comparator.comparing(SupplierDocuments.Listed::expiresOn));
        if (next.isEmpty()) {
            return new DocumentWatch(WatchStep.NOTHING_EXPIRES, null, null, null, null);
        }
        SupplierDocuments.Listed document = next.get();
        Instant lapses = papers.lapsesAt(document);
        return new DocumentWatch(document.remindedAt() == null ? WatchStep.REMIND : WatchStep.AWAIT_RENEWAL,
                document.id(), document.type(), lapses.minus(Duration.ofDays(reminderDays)), lapses);
    }

    /** A document lapsed: the supplier gets no new purchase orders until its papers are in order again. */
    @Transactional
    public void suspendForLapse(Long applicationId) {
        SupplierApplication application = onboarded(applicationId);
        String lapsed = describe(papers.lapsed(application, clock.instant()));
        boolean suspended = lifecycle.suspend(application.getSupplierCode(), lapseReason(application));
        history.record(application, Party.DROPFLOW, (lapsed.isEmpty() ? "A document lapsed" : lapsed + " lapsed")
                + (suspended ? ": the supplier is suspended until it is renewed" : "; the supplier was suspended already"));
    }

    /**
     * A renewal arrived while suspended: the supplier is active again once no required document has
     * lapsed, unless someone suspended it for another reason.
     * @return whether it is active again
     */
    @Transactional
    public boolean reinstate(Long applicationId) {
        SupplierApplication application = onboarded(applicationId);
        List<SupplierDocuments.Listed> lapsed = papers.lapsed(application, clock.instant());
        if (!lapsed.isEmpty()) {
            history.record(application, Party.DROPFLOW, "Still lapsed: " + describe(lapsed)
                    + "; the supplier stays suspended");
            return false;
        }
        boolean active = lifecycle.reinstate(application.getSupplierCode(), lapseReason(application));
        history.record(application, Party.DROPFLOW, active ? "Papers in order again: the supplier is reinstated"
                : "Papers in order again, but the supplier stays suspended for another reason");
        return active;
    }

    /** Supervisors gave up waiting for the lapsed papers: the supplier stays suspended for good. */
    @Transactional
    public void endRelationship(Long applicationId, String note) {
        history.record(onboarded(applicationId), Party.SUPERVISOR, "Ended the relationship; the supplier stays "
                + "suspended: " + note);
    }

    /** @return whether the scorecard flags the (active) supplier for shipping late */
    @Transactional(readOnly = true)
    public boolean flaggedByScorecard(Long applicationId) {
        SupplierApplication application = onboarded(applicationId);
        SupplierView supplier = catalog.supplier(application.getSupplierCode());
        if (!supplier.active()) {
            return false;
        }
        SupplierScorecard card = scorecards.recent(supplier.id());
        if (card.flagged()) {
            history.record(application, Party.DROPFLOW, "The scorecard flags the supplier: " + card.why());
        }
        return card.flagged();
    }

    /** An operator coaches the supplier: its scorecard is looked at again after {@code days}. @return when */
    @Transactional
    public Instant coach(Long applicationId, long days, String note) {
        Instant until = clock.instant().plus(Duration.ofDays(days));
        history.record(onboarded(applicationId), Party.OPERATOR, "Coaching until " + until + ": " + note);
        return until;
    }

    @Transactional
    public void suspendForPerformance(Long applicationId, String note) {
        SupplierApplication application = onboarded(applicationId);
        boolean suspended = lifecycle.suspend(application.getSupplierCode(), "ships late: " + note);
        history.record(application, Party.OPERATOR, suspended ? "Suspended for shipping late: " + note
                : "Not suspended for shipping late: it is not active (" + note + ")");
    }

    /** The one reason an onboarding suspends for lapsed papers, so that only a renewal lifts that suspension. */
    static String lapseReason(SupplierApplication application) {
        return "documents lapsed (" + application.number() + "): renewing them reinstates the supplier";
    }

    private SupplierApplication onboarded(Long applicationId) {
        SupplierApplication application = applications.get(applicationId);
        if (application.getStatus() != ApplicationStatus.ONBOARDED) {
            throw new IllegalStateException("application " + application.number() + " is " + application.getStatus()
                    + ": only an onboarded supplier's standing is kept");
        }
        return application;
    }

    private static String describe(List<SupplierDocuments.Listed> documents) {
        return documents.stream().map(d -> d.type().label() + " (valid until " + d.expiresOn() + ")")
                .collect(Collectors.joining(", "));
    }
}
