package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person reads on an onboarding task: the applicant, and what the task is about (its papers
 * with links to the files, its sample and what to check on it, its agreement, the document about
 * to lapse, its scorecard), and the history. Creating the task moves the application along.
 */
@Service
public class OnboardingTaskForm {

    /** The form's read-only texts (Markdown). */
    public record Facts(String summary, String history) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SupplierApplications applications;
    private final Papers papers;
    private final SupplierDocuments documents;
    private final ApplicationHistory history;
    private final Purchasing purchasing;
    private final Catalog catalog;
    private final Scorecards scorecards;
    private final Clock clock;

    OnboardingTaskForm(SupplierApplications applications, Papers papers, SupplierDocuments documents,
            ApplicationHistory history, Purchasing purchasing, Catalog catalog, Scorecards scorecards, Clock clock) {
        this.applications = applications;
        this.papers = papers;
        this.documents = documents;
        this.history = history;
        this.purchasing = purchasing;
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    /**
     * A task was created: the application is at its step now; a renewal chase marks the watched
     * document as reminded of.
     * @param watchedDocumentId the document a renewal task is about, else null
     */
    @Transactional
    public Facts taskCreated(Long applicationId, OnboardingTask task, Long watchedDocumentId) {
        SupplierApplication application = applications.get(applicationId);
        if (task.status() != null) {
            application.moveTo(task.status(), clock.instant());
        }
        if (task == OnboardingTask.CHASE_RENEWAL && watchedDocumentId != null) {
            documents.reminded(watchedDocumentId, clock.instant());
        }
        String about = switch (task) {
            case AUDIT_DOCUMENTS -> papers(application);
            case CHECK_SAMPLE_QUALITY -> sample(application);
            case REVIEW_AGREEMENT -> agreement(application) + "\n" + sample(application);
            case CHASE_RENEWAL, DECIDE_LAPSED_SUPPLIER -> papers(application);
            case REVIEW_PERFORMANCE -> performance(application);
        };
        return new Facts(applicant(application) + "\n\n" + about, history(applicationId));
    }

    private static String applicant(SupplierApplication a) {
        return "**" + a.number() + "** " + a.getCompanyName() + " applies as **" + a.getSupplierCode() + "** from "
                + a.getRegion() + (a.isCrossBorder() ? " (cross-border)" : " (domestic)") + " for "
                + String.join(", ", a.categoryList()) + ". Contact: " + a.getContactName() + ", " + a.getContactEmail()
                + (a.getContactPhone() == null ? "" : ", " + a.getContactPhone()) + ".";
    }

    private String papers(SupplierApplication a) {
        StringBuilder text = new StringBuilder("#### Papers\n\n");
        List<SupplierDocuments.Listed> current = papers.current(a.getId());
        for (SupplierDocuments.Listed d : current) {
            text.append("- ").append(a.requiredDocumentTypes().contains(d.type()) ? "" : "(not required) ")
                    .append(d.type().label()).append(d.reference() == null ? "" : " no. " + d.reference())
                    .append(d.expiresOn() == null ? ", no expiry date" : ", valid until " + d.expiresOn())
                    .append(": [").append(d.fileName() == null ? "file" : d.fileName()).append("](")
                    .append(ApplicationViews.download(a.getId(), d.id())).append(")\n");
        }
        for (DocumentType type : a.requiredDocumentTypes()) {
            if (current.stream().noneMatch(d -> d.type() == type)) {
                text.append("- **").append(type.label()).append(": not sent**\n");
            }
        }
        List<String> problems = papers.problems(a, clock.instant());
        text.append(problems.isEmpty() ? "\nThe papers are in order.\n"
                : "\n**Not in order:** " + String.join("; ", problems) + ".\n");
        if (a.getDocumentsNote() != null) {
            text.append("\nAsked for last (").append(TIME.format(a.getDocumentsDueBy())).append(" UTC): ")
                    .append(a.getDocumentsNote()).append("\n");
        }
        return text.toString();
    }

    private String sample(SupplierApplication a) {
        StringBuilder text = new StringBuilder("#### Sample\n\n");
        if (a.getSamplePurchaseOrderId() == null) {
            return text.append("No sample ordered yet.\n").toString();
        }
        PurchaseOrderView sample = purchasing.purchaseOrder(a.getSamplePurchaseOrderId());
        text.append(sample.number()).append(" (").append(sample.status()).append("): ")
                .append(sample.lines().stream().map(l -> l.quantity() + " x " + l.sku() + " (" + l.supplierSku() + ")")
                        .collect(Collectors.joining(", "))).append(".\n\nCheck:\n\n");
        a.qualityCheckList().forEach(check -> text.append("- ").append(check).append("\n"));
        text.append("- the quality terms proposed: ").append(a.getQualityTerms()).append("\n");
        if (a.getQualityResult() != null) {
            text.append("\nQuality check: **").append(a.getQualityResult()).append("** — ").append(a.getQualityNotes())
                    .append("\n");
        }
        return text.toString();
    }

    private static String agreement(SupplierApplication a) {
        StringBuilder text = new StringBuilder("#### Agreement\n\nPrices in ").append(a.getAgreementCurrency())
                .append(". Quality terms: ").append(a.getQualityTerms()).append("\n\n")
                .append("| SKU | supplier SKU | supply price | shipping | stock | ships from | ship-by h | category |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (ApplicationOffer o : a.getOffers()) {
            text.append("| ").append(o.getSku()).append(" | ").append(o.getSupplierSku()).append(" | ")
                    .append(amount(o.getSupplyPrice(), a.getAgreementCurrency())).append(" | ")
                    .append(amount(o.getShippingCost(), a.getAgreementCurrency()))
                    .append(" | ").append(o.getStock()).append(" | ").append(o.getShipFrom()).append(" | ")
                    .append(o.getShipByHours()).append(" | ").append(o.getCategory()).append(" |\n");
        }
        if (a.getRevisionNote() != null) {
            text.append("\nSent back ").append(a.getAgreementRevisions()).append(" time(s); last: ")
                    .append(a.getRevisionNote()).append("\n");
        }
        return text.toString();
    }

    private String performance(SupplierApplication a) {
        SupplierScorecard card = scorecards.recent(catalog.supplier(a.getSupplierCode()).id());
        return "#### Scorecard\n\n" + card.why() + ".\n\n- purchase orders in the window: " + card.purchaseOrders()
                + "\n- shipped within " + card.shipWithin().toHours() + " h: " + percent(card.shipWithinRate())
                + "\n- shipped by the deadline: " + percent(card.onTimeRate())
                + "\n- accepted: " + percent(card.acceptanceRate()) + "\n- score: " + card.score() + "\n";
    }

    private String history(Long applicationId) {
        return history.of(applicationId).stream()
                .map(e -> "- " + TIME.format(e.at()) + " " + e.party().name().toLowerCase(Locale.ROOT) + ": " + e.what())
                .collect(Collectors.joining("\n"));
    }

    /** As the currency writes it: 7.80 EUR, 780 JPY. */
    private static String amount(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(Math.max(digits, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private static String percent(Double rate) {
        return rate == null ? "not known yet" : String.format(Locale.ROOT, "%.0f %%", rate * 100);
    }
}
