package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.processengine.SellerTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * An application's papers against what it must hold: each required document present in a current
 * version, with an expiry date where it must carry one, and not lapsed. A paper's last valid day is a day of the
 * seller's calendar ({@code dropflow.seller.time-zone}), in which operators read every date.
 */
@Component
class Papers {

    private final SupplierDocuments documents;
    private final SellerTime time;

    Papers(SupplierDocuments documents, SellerTime time) {
        this.documents = documents;
        this.time = time;
    }

    /** The current version of each document, oldest first. */
    List<SupplierDocuments.Listed> current(Long applicationId) {
        return documents.listOf(applicationId).stream().filter(SupplierDocuments.Listed::isCurrent).toList();
    }

    /** What keeps the papers from being in order at {@code now}, in words an auditor reads; empty when nothing. */
    List<String> problems(SupplierApplication application, Instant now) {
        List<SupplierDocuments.Listed> current = current(application.getId());
        List<String> problems = new ArrayList<>();
        for (DocumentType type : application.requiredDocumentTypes()) {
            Optional<SupplierDocuments.Listed> held = current.stream().filter(d -> d.type() == type).findFirst();
            if (held.isEmpty()) {
                problems.add(type.label() + ": not sent");
            } else if (held.get().expiresOn() == null && application.expiringDocumentTypes().contains(type)) {
                problems.add(type.label() + ": no expiry date given");
            } else if (held.get().lapsedBy(now, time.zone())) {
                problems.add(type.label() + ": lapsed after " + held.get().expiresOn());
            }
        }
        return problems;
    }

    /**
     * The current version of each document the application must hold (onboarding-requirements.dmn, as found when it
     * applied): what an onboarded supplier's standing watches. A paper it sent without having to (the audit form
     * marks it "Not required") neither asks for a renewal nor suspends the supplier when it lapses.
     */
    List<SupplierDocuments.Listed> required(SupplierApplication application) {
        Set<DocumentType> required = application.requiredDocumentTypes();
        return current(application.getId()).stream().filter(d -> required.contains(d.type())).toList();
    }

    /** Required documents whose last valid day is over. */
    List<SupplierDocuments.Listed> lapsed(SupplierApplication application, Instant now) {
        return required(application).stream().filter(d -> d.lapsedBy(now, time.zone())).toList();
    }

    /**
     * When a document lapses: at the start of the day after its last valid day in the seller's time zone
     * ({@code dropflow.seller.time-zone}), as the audit, the watch, its reminder and the lapse all read it; null for never.
     */
    Instant lapsesAt(SupplierDocuments.Listed document) {
        return document.lapsesAt(time.zone());
    }
}
