package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.processengine.FormFacts;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.processengine.SellerTime;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Currency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person reads on an onboarding task (its FormFacts): the applicant, and what the
 * task is about (its papers with links to the files, its sample and what to check on it, its
 * agreement's offers, its scorecard), and the history as rows. Creating the task moves the
 * application along.
 */
@Service
public class OnboardingTaskForm {

    /** What every onboarding form shows. */
    public static final Set<String> APPLICANT = Set.of("applicationNumber", "companyName", "supplierCode", "region",
            "crossBorder", "categories", "contact", "history");
    /** The papers (audit, renewal chase, lapsed supplier). */
    public static final Set<String> PAPERS = Set.of("papers", "missingPapers", "papersInOrder", "paperProblems",
            "documentsAskedAt", "documentsNote");
    /**
     * The document a renewal chase is about (the one the watch found lapsing first): its type, reference, last valid
     * day, and when it lapses in the seller's time.
     */
    public static final Set<String> RENEWAL = Set.of("renewalDocument", "renewalReference", "renewalValidUntil",
            "renewalLapsesAt");
    /** The sample (quality check, agreement review). */
    public static final Set<String> SAMPLE = Set.of("samplePurchaseOrder", "sampleStatus", "sampleLines",
            "qualityChecks", "qualityTerms", "sampleQualityResult", "sampleQualityNotes");
    /**
     * The agreement (agreement review); {@code missingRateTo} the settlement currency when Dropflow has no exchange
     * rate into it from the agreement's currency (its offers cannot be ranked until one is added), else null.
     */
    public static final Set<String> AGREEMENT = Set.of("agreementCurrency", "offers", "agreementRevisions",
            "agreementRevisionsInWords", "revisionNote", "missingRateTo");
    /** The scorecard (performance review). */
    public static final Set<String> PERFORMANCE = Set.of("scorecardWhy", "scorecardPurchaseOrders", "shippedWithinHours",
            "shippedWithinHoursInWords", "shippedWithinRate", "onTimeRate", "acceptanceRate", "score");

    private final SupplierApplications applications;
    private final Papers papers;
    private final SupplierDocuments documents;
    private final ApplicationHistory history;
    private final Purchasing purchasing;
    private final Catalog catalog;
    private final Scorecards scorecards;
    private final ExchangeRates rates;
    private final SellerTime time;
    private final Clock clock;

    OnboardingTaskForm(SupplierApplications applications, Papers papers, SupplierDocuments documents,
            ApplicationHistory history, Purchasing purchasing, Catalog catalog, Scorecards scorecards,
            ExchangeRates rates, SellerTime time, Clock clock) {
        this.applications = applications;
        this.papers = papers;
        this.documents = documents;
        this.history = history;
        this.purchasing = purchasing;
        this.catalog = catalog;
        this.scorecards = scorecards;
        this.rates = rates;
        this.time = time;
        this.clock = clock;
    }

    /**
     * A task was created: the application is at its step now; a renewal chase marks the watched
     * document as reminded of.
     * @param watchedDocumentId the document a renewal task is about, else null
     */
    @Transactional
    public FormFacts taskCreated(Long applicationId, OnboardingTask task, Long watchedDocumentId) {
        SupplierApplication application = applications.get(applicationId);
        if (task.status() != null) {
            application.moveTo(task.status(), clock.instant());
        }
        if (task == OnboardingTask.CHASE_RENEWAL && watchedDocumentId != null) {
            documents.reminded(watchedDocumentId, clock.instant());
        }
        FormFacts facts = applicant(application);
        switch (task) {
            case AUDIT_DOCUMENTS, DECIDE_LAPSED_SUPPLIER -> papers(facts, application);
            case CHASE_RENEWAL -> renewal(papers(facts, application), application, watchedDocumentId);
            case CHECK_SAMPLE_QUALITY -> sample(facts, application);
            case REVIEW_AGREEMENT -> sample(agreement(facts, application), application);
            case REVIEW_PERFORMANCE -> performance(facts, application);
        }
        return facts;
    }

    /**
     * What an open onboarding task shows of the application's papers and history now, after documents
     * arrived while it was open: its applicant facts and its papers, as a new task would show them. Put on
     * an open task with {@link FormFacts#refreshOn}, which changes only the facts the task shows (the papers
     * on an audit or a lapsed supplier's decision, the history on every task).
     */
    @Transactional(readOnly = true)
    public FormFacts papersNow(Long applicationId) {
        SupplierApplication application = applications.get(applicationId);
        FormFacts facts = applicant(application);
        papers(facts, application);
        return facts;
    }

    private FormFacts applicant(SupplierApplication a) {
        return new FormFacts()
                .put("applicationNumber", a.number())
                .put("companyName", a.getCompanyName())
                .put("supplierCode", a.getSupplierCode())
                .put("region", a.getRegion())
                .put("crossBorder", a.isCrossBorder() ? OperatorWords.CROSS_BORDER : OperatorWords.DOMESTIC)
                .put("categories", String.join(", ", a.categoryList()))
                .put("contact", a.getContactName() + ", " + a.getContactEmail()
                        + (a.getContactPhone() == null ? "" : ", " + a.getContactPhone()))
                .rows("history", history.of(a.getId()).stream().map(e -> FormFacts.row("at", time.format(e.at()),
                        "party", OperatorWords.of(e.party()), "what", e.what())).toList());
    }

    private FormFacts papers(FormFacts facts, SupplierApplication a) {
        List<SupplierDocuments.Listed> current = papers.current(a.getId());
        List<Map<String, Object>> rows = current.stream().map(d -> FormFacts.row(
                "document", d.type().label(),
                "required", a.requiredDocumentTypes().contains(d.type()) ? OperatorWords.REQUIRED : OperatorWords.NOT_REQUIRED,
                "reference", d.reference() == null ? "-" : d.reference(),
                "validUntil", d.expiresOn() == null ? OperatorWords.NO_EXPIRY_DATE : d.expiresOn().toString(),
                "fileName", d.fileName() == null ? "file" : d.fileName(),
                "url", ApplicationViews.download(a.getId(), d.id()))).toList();
        List<Map<String, Object>> missing = new ArrayList<>();
        for (DocumentType type : a.requiredDocumentTypes()) {
            if (current.stream().noneMatch(d -> d.type() == type)) {
                missing.add(FormFacts.row("document", type.label()));
            }
        }
        List<String> problems = papers.problems(a, clock.instant());
        facts.rows("papers", rows)
                .rows("missingPapers", missing)
                .put("papersInOrder", problems.isEmpty())
                .put("paperProblems", problems.isEmpty() ? null : String.join("; ", problems))
                .put("documentsAskedAt", a.getDocumentsNote() == null ? null : time.format(a.getDocumentsDueBy()))
                .put("documentsNote", a.getDocumentsNote());
        return facts;
    }

    /** The watched document a renewal chase asks for: which paper, and when it lapses, in the seller's time. */
    private void renewal(FormFacts facts, SupplierApplication a, Long watchedDocumentId) {
        SupplierDocuments.Listed watched = papers.current(a.getId()).stream()
                .filter(d -> d.id().equals(watchedDocumentId)).findFirst().orElse(null);
        facts.put("renewalDocument", watched == null ? null : watched.type().label())
                .put("renewalReference", watched == null || watched.reference() == null ? "-" : watched.reference())
                .put("renewalValidUntil", watched == null || watched.expiresOn() == null ? null
                        : watched.expiresOn().toString())
                .put("renewalLapsesAt", watched == null ? null : time.format(papers.lapsesAt(watched)));
    }

    private void sample(FormFacts facts, SupplierApplication a) {
        PurchaseOrderView sample = a.getSamplePurchaseOrderId() == null ? null
                : purchasing.purchaseOrder(a.getSamplePurchaseOrderId());
        facts.put("samplePurchaseOrder", sample == null ? null : sample.number())
                .put("sampleStatus", sample == null ? null : OperatorWords.of(sample.status()))
                .rows("sampleLines", sample == null ? List.of() : sample.lines().stream().map(l -> FormFacts.row(
                        "quantity", l.quantity(), "sku", l.sku(), "supplierSku", l.supplierSku())).toList())
                .rows("qualityChecks", a.qualityCheckList().stream().map(check -> FormFacts.row("check", check)).toList())
                .put("qualityTerms", a.getQualityTerms())
                .put("sampleQualityResult", OperatorWords.of(a.getQualityResult()))
                .put("sampleQualityNotes", a.getQualityNotes());
    }

    private FormFacts agreement(FormFacts facts, SupplierApplication a) {
        String currency = a.getAgreementCurrency();
        String settlement = rates.settlementCurrency();
        return facts.put("agreementCurrency", currency)
                .rows("offers", a.getOffers().stream().map(o -> FormFacts.row("sku", o.getSku(),
                        "supplierSku", o.getSupplierSku(), "supplyPrice", amount(o.getSupplyPrice(), currency),
                        "shipping", amount(o.getShippingCost(), currency), "stock", o.getStock(),
                        "shipFrom", o.getShipFrom(), "shipByHours", o.getShipByHours(), "category", o.getCategory()))
                        .toList())
                .put("agreementRevisions", a.getAgreementRevisions())
                .put("agreementRevisionsInWords", OperatorWords.count(a.getAgreementRevisions(), "time", "times"))
                .put("revisionNote", a.getRevisionNote())
                .put("missingRateTo", rates.canConvert(currency, settlement, clock.instant()) ? null : settlement);
    }

    private void performance(FormFacts facts, SupplierApplication a) {
        SupplierScorecard card = scorecards.recent(catalog.supplier(a.getSupplierCode()).id());
        facts.put("scorecardWhy", card.why())
                .put("scorecardPurchaseOrders", card.purchaseOrders())
                .put("shippedWithinHours", card.shipWithinHours())
                .put("shippedWithinHoursInWords", OperatorWords.count(card.shipWithinHours(), "hour", "hours"))
                .put("shippedWithinRate", OperatorWords.percent(card.shipWithinRate()))
                .put("onTimeRate", OperatorWords.percent(card.onTimeRate()))
                .put("acceptanceRate", OperatorWords.percent(card.acceptanceRate()))
                .put("score", card.score());
    }

    /** As the currency writes it, with its code: 7.80 EUR, 780 JPY, 1.250 KWD (more decimals if given). */
    static String amount(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(Math.max(digits, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
                .toPlainString() + " " + currency;
    }
}
