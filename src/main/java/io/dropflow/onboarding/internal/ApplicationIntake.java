package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.processengine.SellerTime;
import io.dropflow.supplier.SupplierCodeTakenException;
import io.dropflow.supplier.SupplierLifecycle;
import io.dropflow.web.NotFound;
import io.dropflow.web.UploadCheck;
import io.dropflow.web.UploadRejected;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes applications, documents and revised agreements in. Everything is checked before anything
 * is written: a refused request leaves no trace, an accepted application is stored with its
 * documents, its applicant registered in the catalog and its process started in one transaction.
 */
@Service
public class ApplicationIntake {

    private final SupplierApplications applications;
    private final SupplierDocuments documents;
    private final ApplicationHistory history;
    private final SupplierLifecycle catalog;
    private final OnboardingProcess process;
    private final OnboardingSettings settings;
    private final ApplicantCodeHolder codeHolder;
    private final SellerTime time;
    private final Clock clock;

    ApplicationIntake(SupplierApplications applications, SupplierDocuments documents, ApplicationHistory history,
            SupplierLifecycle catalog, OnboardingProcess process, OnboardingSettings settings,
            ApplicantCodeHolder codeHolder, SellerTime time, Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.history = history;
        this.catalog = catalog;
        this.process = process;
        this.settings = settings;
        this.codeHolder = codeHolder;
        this.time = time;
        this.clock = clock;
    }

    @Transactional
    public SupplierApplication submit(ApplicationForm form, List<DocumentFile> files) {
        checkDocuments(form.documentList(), files);
        checkAgreement(form.categories(), form.agreement());
        applications.openFor(form.code()).ifPresent(open -> {
            throw new ApplicationOpenException(form.code(), open.getId(), open.number());
        });
        try {
            catalog.registerApplicant(new SupplierLifecycle.Applicant(form.code(), form.companyName(), form.region(),
                    form.contact().email()));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException | SupplierCodeTakenException e) {
            // Another request wrote the code's supplier at the same moment and committed while this one waited
            // for it (a new code's row: its unique key; a turned-down applicant's row, which applying again
            // changes: its version), or between the check above and the catalog's. What holds the code now
            // says which refusal it is.
            throw codeHolder.refusal(form.code(), e);
        }
        SupplierApplication application = applications.saveAndFlush(new SupplierApplication(form,
                settings.crossBorder(form.region()), clock.instant()));
        store(application, form.documentList(), files);
        history.record(application, Party.APPLICANT, form.companyName() + " (" + form.region() + ") applied as "
                + form.code() + " for " + String.join(", ", application.categoryList()) + " with "
                + files.size() + " document(s) and " + form.agreement().offers().size() + " offer(s) in "
                + form.agreement().currency());
        application.attachProcess(process.start(application));
        return application;
    }

    /**
     * Documents sent during the onboarding; an application waiting for them goes back to its audit.
     *
     * <p>A document the application holds already (the same type, reference, expiry date and file content as a
     * version sent before, as for a renewal) is not stored again: a portal that retries an upload whose answer it
     * lost gets the answer of the first. An upload of nothing new changes nothing (no history line, the process
     * is not told again, no task's form is refreshed), even once the application is closed; what is new in an
     * upload is stored as usual.
     */
    @Transactional
    public SupplierApplication addDocuments(Long applicationId, List<ApplicationForm.DocumentInfo> infos,
            List<DocumentFile> files) {
        SupplierApplication application = applications.locked(applicationId);
        if (!files.isEmpty()) {
            checkDocuments(infos, files); // each described document with its file, each file described, once
        }
        // Read under the application's lock: two identical uploads at once take turns, the second finds the first's
        List<SupplierDocuments.Listed> held = documents.listOf(application.getId());
        List<ApplicationForm.DocumentInfo> fresh = infos.stream()
                .filter(info -> files.stream().noneMatch(file -> file.type() == info.type()
                        && heldAlready(held, info, UploadCheck.sha256(file.content()))))
                .toList();
        if (fresh.isEmpty() && !files.isEmpty()) {
            return application; // sent before: taken then
        }
        if (!application.isOpen()) {
            throw new ApplicationRefusedException("application " + application.number() + " is "
                    + application.getStatus() + "; an onboarded supplier renews its documents instead");
        }
        if (files.isEmpty()) {
            throw new DocumentsRejectedException(UploadRejected.Reason.TOO_MANY,
                    "no documents sent: add files in parts named by their type, e.g. BUSINESS_LICENCE");
        }
        List<Long> stored = store(application, fresh,
                files.stream().filter(file -> fresh.stream().anyMatch(info -> info.type() == file.type())).toList());
        history.record(application, Party.APPLICANT, "Sent " + describe(fresh));
        if (application.getStatus() == ApplicationStatus.AWAITING_DOCUMENTS) {
            process.documentsAdded(application, stored.get(0));
        }
        process.showPapersOnOpenTasks(application.getId());
        return application;
    }

    /** The revised agreement a supervisor asked for, from the applicant or entered by a supervisor. */
    @Transactional
    public SupplierApplication reviseAgreement(Long applicationId, ApplicationForm.ProposedAgreement agreement,
            Party from) {
        SupplierApplication application = applications.locked(applicationId);
        checkAgreement(application.categoryList(), agreement);
        application.reviseAgreement(agreement, clock.instant());
        history.record(application, from, "Revised the agreement: " + agreement.offers().size() + " offer(s) in "
                + agreement.currency() + "; quality terms: " + agreement.qualityTerms());
        process.agreementRevised(application);
        return application;
    }

    /**
     * An onboarded supplier's renewed document; it supersedes the version it renews. The same document
     * sent again (a partner's retry: type, reference, expiry and file as a version already held) changes
     * nothing and is answered as the first. A renewal that expires before the version in force is refused:
     * a late delivery of an older paper never replaces a newer one. Renewals of one supplier are taken one
     * at a time (the application's row lock), so a retry sent at the same moment finds the first.
     */
    @Transactional
    public SupplierApplication renewDocument(String supplierCode, ApplicationForm.DocumentInfo info,
            List<DocumentFile> files, Party from) {
        SupplierApplication found = applications
                .findFirstBySupplierCodeAndStatusOrderByIdDesc(supplierCode, ApplicationStatus.ONBOARDED)
                .orElseThrow(() -> NotFound.of("onboarded supplier", supplierCode));
        checkDocuments(List.of(info), files);
        if (found.expiringDocumentTypes().contains(info.type()) && info.expiresOn() == null) {
            throw new InvalidApplicationException(info.type() + " must carry an expiry date (expiresOn)");
        }
        SupplierApplication application = applications.locked(found.getId());
        List<SupplierDocuments.Listed> held = documents.listOf(application.getId()).stream()
                .filter(d -> d.type() == info.type()).toList();
        String sha256 = UploadCheck.sha256(files.get(0).content());
        if (heldAlready(held, info, sha256)) {
            return application;
        }
        held.stream().filter(SupplierDocuments.Listed::isCurrent)
                .filter(inForce -> inForce.expiresOn() != null && info.expiresOn() != null
                        && info.expiresOn().isBefore(inForce.expiresOn()))
                .findFirst().ifPresent(inForce -> {
                    throw new RenewalOutdatedException(supplierCode, info.type(), info.expiresOn(), inForce.id(),
                            inForce.reference(), inForce.expiresOn());
                });
        Long stored = store(application, List.of(info), files).get(0);
        history.record(application, from, "Renewed " + describe(List.of(info)));
        process.documentRenewed(application, stored);
        process.showPapersOnOpenTasks(application.getId());
        return application;
    }

    /**
     * The version in force is this document: its type, reference, expiry date and file content (by SHA-256). A
     * version another one superseded, sent again, is the applicant's latest word and supersedes in turn.
     */
    private static boolean heldAlready(List<SupplierDocuments.Listed> held, ApplicationForm.DocumentInfo info,
            String sha256) {
        return held.stream().filter(SupplierDocuments.Listed::isCurrent)
                .anyMatch(d -> d.type() == info.type() && Objects.equals(d.reference(), info.reference())
                && Objects.equals(d.expiresOn(), info.expiresOn()) && sha256.equals(d.sha256()));
    }

    /**
     * Each described document has its file (the part named by its type) and each file its
     * description; files as every upload is checked; no document expired or expiring today (its last valid day
     * after today in the seller's calendar, {@code dropflow.seller.time-zone}, as {@link Papers} reads it).
     */
    private void checkDocuments(List<ApplicationForm.DocumentInfo> infos, List<DocumentFile> files) {
        if (files.size() > settings.maxFiles()) {
            throw new DocumentsRejectedException(UploadRejected.Reason.TOO_MANY, "at most " + settings.maxFiles()
                    + " documents at a time; " + files.size() + " were sent");
        }
        // api.md: each of these is documents-rejected, as the size, type and count are (s15 D5: they were
        // invalid-application, which a portal branching on the documented type missed)
        Set<DocumentType> described = new HashSet<>();
        java.time.LocalDate today = time.date(clock.instant());
        for (ApplicationForm.DocumentInfo info : infos) {
            if (!described.add(info.type())) {
                throw notAsDescribed(info.type() + " is described twice");
            }
            if (info.expiresOn() != null && info.expiresOn().isBefore(today)) {
                throw notAsDescribed(info.type() + " expired on " + info.expiresOn() + ": send a valid one");
            }
            if (today.equals(info.expiresOn())) { // its last valid day: not expired, but a paper must outlast today
                throw notAsDescribed(info.type() + " is valid only until today, " + today
                        + ": send one valid beyond today");
            }
        }
        Set<DocumentType> sent = new HashSet<>();
        for (DocumentFile file : files) {
            if (!sent.add(file.type())) {
                throw notAsDescribed("two files for " + file.type() + ": send one per document");
            }
        }
        if (!described.equals(sent)) {
            throw notAsDescribed("every document needs its description and its file (the part "
                    + "named by its type): described " + sorted(described) + ", files for " + sorted(sent));
        }
        UploadCheck.check(files, new UploadCheck.Limits(settings.maxFileSize(), settings.contentTypes()),
                DocumentsRejectedException::new);
    }

    private static DocumentsRejectedException notAsDescribed(String detail) {
        return new DocumentsRejectedException(UploadRejected.Reason.NOT_AS_DESCRIBED, detail);
    }

    /** Offers only in the categories applied for, each SKU once, each as the catalog would take it. */
    private void checkAgreement(List<String> categories, ApplicationForm.ProposedAgreement agreement) {
        List<String> problems = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (ApplicationForm.ProposedOffer offer : agreement.offers()) {
            if (!skus.add(offer.sku())) {
                problems.add(offer.sku() + " is offered twice");
            }
            if (!categories.contains(offer.category())) {
                problems.add(offer.sku() + " is in category " + offer.category() + ", which the application does not cover "
                        + categories);
            }
        }
        problems.addAll(catalog.problemsOf(Agreements.offers(agreement)));
        if (!problems.isEmpty()) {
            throw new InvalidApplicationException(String.join("; ", problems));
        }
    }

    private List<Long> store(SupplierApplication application, List<ApplicationForm.DocumentInfo> infos,
            List<DocumentFile> files) {
        Map<DocumentType, ApplicationForm.DocumentInfo> byType = infos.stream()
                .collect(Collectors.toMap(ApplicationForm.DocumentInfo::type, Function.identity()));
        List<Long> ids = new ArrayList<>();
        for (DocumentFile file : files) {
            ApplicationForm.DocumentInfo info = byType.get(file.type());
            documents.supersede(application.getId(), file.type(), clock.instant());
            ids.add(documents.save(new SupplierDocument(application.getId(), file.type(), info.reference(),
                    info.expiresOn(), file.fileName(), UploadCheck.typeOf(file), file.content(),
                    UploadCheck.sha256(file.content()), clock.instant())).getId());
        }
        return ids;
    }

    private static String describe(List<ApplicationForm.DocumentInfo> infos) {
        return infos.stream().map(i -> i.type().label() + (i.expiresOn() == null ? "" : ", valid until " + i.expiresOn()))
                .collect(Collectors.joining("; "));
    }

    private static List<DocumentType> sorted(Set<DocumentType> types) {
        return types.stream().sorted().toList();
    }
}
