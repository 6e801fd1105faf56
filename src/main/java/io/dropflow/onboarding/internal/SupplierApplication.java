package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A supplier's application, from its submission to its activation or rejection: who applies, for
 * what, what its papers must be (from the requirements table), the requests for missing
 * documents, its samples and their quality check, and the agreement it proposes. It guards its own
 * course: documents are asked for during the audit only, a revised agreement is taken only when a
 * supervisor asked for one, and a closed application changes no more.
 */
@Entity
public class SupplierApplication {

    private static final Set<ApplicationStatus> CLOSED = EnumSet.of(ApplicationStatus.ONBOARDED,
            ApplicationStatus.REJECTED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String supplierCode;
    private String companyName;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String region;
    private String categories;
    private boolean crossBorder;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status = ApplicationStatus.SUBMITTED;
    private String requiredDocuments;
    private String expiringDocuments;
    private String qualityChecks;
    private int documentRequests;
    private String documentsNote;
    private Instant documentsDueBy;
    private int sampleAttempts;
    private Long samplePurchaseOrderId;
    private String qualityResult;
    private String qualityNotes;
    private String agreementCurrency;
    private String qualityTerms;
    private int agreementRevisions;
    private String revisionNote;
    private Instant revisionDueBy;
    private String rejectionReason;
    private boolean escalated;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    @OrderBy("lineNo")
    private List<ApplicationOffer> offers = new ArrayList<>();

    protected SupplierApplication() {
    }

    SupplierApplication(ApplicationForm form, boolean crossBorder, Instant now) {
        this.supplierCode = form.code();
        this.companyName = form.companyName();
        this.contactName = form.contact().name();
        this.contactEmail = form.contact().email();
        this.contactPhone = form.contact().phone();
        this.region = form.region();
        this.categories = String.join(",", form.categories().stream().distinct().toList());
        this.crossBorder = crossBorder;
        this.createdAt = now;
        this.updatedAt = now;
        agree(form.agreement());
    }

    /** Our number for it, which applicants and operators quote: DF-ON{id}. */
    public String number() {
        return "DF-ON" + id;
    }

    public boolean isOpen() {
        return !CLOSED.contains(status);
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** What the requirements table says it must hold, and what its sample's quality check looks at. */
    void requirementsFound(Set<DocumentType> required, Set<DocumentType> expiring, Collection<String> checks, Instant now) {
        open();
        this.requiredDocuments = names(required);
        this.expiringDocuments = names(expiring);
        this.qualityChecks = String.join("\n", checks);
        touch(now);
    }

    /** Where its process has it now (a task was created for it). */
    void moveTo(ApplicationStatus next, Instant now) {
        open();
        status = next;
        touch(now);
    }

    /**
     * The auditor asked for documents: counted here, in the decision's transaction, so an upload
     * from then on meets the wait it answers.
     * @return how often documents have been asked for, this request included
     */
    int documentsRequested(String note, Instant dueBy, Instant now) {
        expect(ApplicationStatus.UNDER_AUDIT, "documents are asked for during the audit");
        documentRequests++;
        documentsNote = note;
        documentsDueBy = dueBy;
        status = ApplicationStatus.AWAITING_DOCUMENTS;
        touch(now);
        return documentRequests;
    }

    /** A sample purchase order went out for this attempt. */
    void sampleOrdered(int attempt, Long purchaseOrderId, Instant now) {
        open();
        sampleAttempts = Math.max(sampleAttempts, attempt);
        samplePurchaseOrderId = purchaseOrderId;
        status = ApplicationStatus.SAMPLE_ORDERED;
        touch(now);
    }

    void qualityChecked(String result, String notes, Instant now) {
        expect(ApplicationStatus.QUALITY_CHECK, "a sample's quality is recorded when it is checked");
        qualityResult = result;
        qualityNotes = notes;
        touch(now);
    }

    /**
     * The supervisor sent the agreement back for changes, to arrive by {@code dueBy}.
     * @return how often the agreement has been sent back, this time included
     */
    int agreementSentBack(String note, Instant dueBy, Instant now) {
        expect(ApplicationStatus.AGREEMENT_REVIEW, "an agreement is sent back from its review");
        agreementRevisions++;
        revisionNote = note;
        revisionDueBy = dueBy;
        status = ApplicationStatus.AWAITING_REVISED_AGREEMENT;
        touch(now);
        return agreementRevisions;
    }

    /**
     * The revised terms a supervisor asked for, under review from now on: a second revision sent at the same
     * moment (it waited for this one's row lock) finds the application no longer waiting and is refused,
     * rather than replacing this one before the process has taken it.
     */
    void reviseAgreement(ApplicationForm.ProposedAgreement agreement, Instant now) {
        if (status != ApplicationStatus.AWAITING_REVISED_AGREEMENT) {
            boolean late = isOpen() && revisionDueBy != null && !now.isBefore(revisionDueBy);
            throw new ApplicationRefusedException("application " + number() + " is " + status
                    + ": a revised agreement is taken when a supervisor sent the agreement back"
                    + (late ? "; the one asked for was due by " + revisionDueBy + " and is awaited no more" : ""));
        }
        offers.clear();
        agree(agreement);
        status = ApplicationStatus.AGREEMENT_REVIEW;
        touch(now);
    }

    /**
     * The deadline of the revision asked for last came, under this application's lock, which taking a revision
     * holds too: one or the other comes first. Taken already (its message may not have reached the process yet),
     * the application stays under review with it; still awaited, it goes back to its review as it stood, so a
     * revision sent from now on is refused rather than taken beside the escalation for silence.
     * @return whether the revision had been taken
     */
    boolean revisionDue(Instant now) {
        if (status != ApplicationStatus.AWAITING_REVISED_AGREEMENT) {
            return true;
        }
        status = ApplicationStatus.AGREEMENT_REVIEW;
        touch(now);
        return false;
    }

    void onboarded(Instant now) {
        expect(ApplicationStatus.AGREEMENT_REVIEW, "a supplier is onboarded once its agreement is approved");
        status = ApplicationStatus.ONBOARDED;
        closedAt = now;
        touch(now);
    }

    /** @return false when it was closed already (the first outcome stays) */
    boolean reject(String reason, Instant now) {
        if (!isOpen()) {
            return false;
        }
        status = ApplicationStatus.REJECTED;
        rejectionReason = reason;
        closedAt = now;
        touch(now);
        return true;
    }

    void escalate(Instant now) {
        escalated = true;
        touch(now);
    }

    private void agree(ApplicationForm.ProposedAgreement agreement) {
        this.agreementCurrency = agreement.currency();
        this.qualityTerms = agreement.qualityTerms();
        for (ApplicationForm.ProposedOffer offer : agreement.offers()) {
            offers.add(new ApplicationOffer(offers.size() + 1, offer));
        }
    }

    private void open() {
        if (!isOpen()) {
            throw new ApplicationRefusedException("application " + number() + " is " + status + " and changes no more");
        }
    }

    private void expect(ApplicationStatus expected, String rule) {
        if (status != expected) {
            throw new ApplicationRefusedException("application " + number() + " is " + status + ": " + rule);
        }
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    private static String names(Set<DocumentType> types) {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<DocumentType> types(String names) {
        Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
        if (names != null && !names.isBlank()) {
            Arrays.stream(names.split(",")).map(DocumentType::valueOf).forEach(types::add);
        }
        return types;
    }

    public List<String> categoryList() {
        return List.of(categories.split(","));
    }

    public Set<DocumentType> requiredDocumentTypes() {
        return types(requiredDocuments);
    }

    public Set<DocumentType> expiringDocumentTypes() {
        return types(expiringDocuments);
    }

    public List<String> qualityCheckList() {
        return qualityChecks == null || qualityChecks.isBlank() ? List.of() : List.of(qualityChecks.split("\n"));
    }

    public Long getId() { return id; }
    public String getSupplierCode() { return supplierCode; }
    public String getCompanyName() { return companyName; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public String getRegion() { return region; }
    public boolean isCrossBorder() { return crossBorder; }
    public ApplicationStatus getStatus() { return status; }
    public int getDocumentRequests() { return documentRequests; }
    public String getDocumentsNote() { return documentsNote; }
    public Instant getDocumentsDueBy() { return documentsDueBy; }
    public int getSampleAttempts() { return sampleAttempts; }
    public Long getSamplePurchaseOrderId() { return samplePurchaseOrderId; }
    public String getQualityResult() { return qualityResult; }
    public String getQualityNotes() { return qualityNotes; }
    public String getAgreementCurrency() { return agreementCurrency; }
    public String getQualityTerms() { return qualityTerms; }
    public int getAgreementRevisions() { return agreementRevisions; }
    public String getRevisionNote() { return revisionNote; }
    public Instant getRevisionDueBy() { return revisionDueBy; }
    public String getRejectionReason() { return rejectionReason; }
    public boolean isEscalated() { return escalated; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getClosedAt() { return closedAt; }
    List<ApplicationOffer> getOffers() { return List.copyOf(offers); }
}
