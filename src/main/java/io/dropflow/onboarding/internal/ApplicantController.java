package io.dropflow.onboarding.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The applicants' side of onboarding, for the seller's supplier portal (an integration holding the
 * partner token, like every webhook caller): applications, documents, revised agreements and an
 * onboarded supplier's renewals. Applicants never log in to Dropflow; staff act through
 * {@link OnboardingController} and Tasklist.
 */
@RestController
@RequestMapping("/api/webhooks/onboarding")
@Tag(name = "Supplier onboarding: applicants")
@SecurityRequirement(name = "webhookToken")
class ApplicantController {

    static final String APPLICATION_PART = "application";
    static final String DOCUMENTS_PART = "documents";
    static final String DOCUMENT_PART = "document";

    private final ApplicationIntake intake;
    private final ApplicationViews views;

    ApplicantController(ApplicationIntake intake, ApplicationViews views) {
        this.intake = intake;
        this.views = views;
    }

    /** The documents a multipart request describes, in its JSON part. */
    record Documents(@NotEmpty @Size(min = 1, max = 12) List<ApplicationForm.@NotNull @Valid DocumentInfo> documents) {
    }

    @PostMapping(path = "/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A supplier applies",
            description = "Part 'application': the application as JSON; one part per document file, named by its type "
                    + "(BUSINESS_LICENCE, TAX_REGISTRATION, QUALITY_CERTIFICATE, ...), each described in the "
                    + "application's 'documents'. The applicant enters the catalog as ONBOARDING under its code.")
    @ApiResponse(responseCode = "201", description = "Application taken; its onboarding has started")
    @ApiResponse(responseCode = "400", description = "Invalid application, a file without its description, or an offer the catalog would refuse")
    @ApiResponse(responseCode = "409", description = "The code belongs to another supplier (supplier-code-taken); an "
            + "application for it is open, also one sent at the same moment (application-open: its applicationId and "
            + "where to read it); or the supplier was changed at the same moment (application-collided: send it again)")
    @ApiResponse(responseCode = "413", description = "A file is larger than the limit")
    @ApiResponse(responseCode = "415", description = "A file's type is not accepted, or its content is not of its declared type")
    ResponseEntity<ApplicationView> apply(@Valid @RequestPart(APPLICATION_PART) ApplicationForm application,
            @RequestParam MultiValueMap<String, MultipartFile> parts) {
        SupplierApplication submitted = intake.submit(application,
                DocumentParts.files(parts, Set.of(APPLICATION_PART)));
        return ResponseEntity.created(URI.create("/api/onboarding/applications/" + submitted.getId()))
                .body(views.of(submitted.getId()).forApplicant());
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "An application: its status, what is missing and by when, its sample and agreement",
            description = "Without the seller's internal history, which staff read at GET /api/onboarding/applications/{id}.")
    ApplicationView application(@PathVariable Long id) {
        return views.of(id).forApplicant();
    }

    @PostMapping(path = "/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The applicant sends documents during its onboarding",
            description = "Part 'documents': {\"documents\": [{\"type\": ..., \"reference\": ..., \"expiresOn\": ...}]}; "
                    + "one file part per document, named by its type. A document sent again supersedes the earlier one. "
                    + "An application waiting for documents goes back to its audit. The same document sent again "
                    + "(type, reference, expiresOn and file as the version in force) is answered as the first and "
                    + "stored once; an earlier version sent again after a newer one supersedes it.")
    @ApiResponse(responseCode = "202", description = "Documents taken, or the same documents sent again (nothing changes)")
    @ApiResponse(responseCode = "400", description = "Invalid document, no file, or a file without its description")
    @ApiResponse(responseCode = "409", description = "The application is closed")
    @ApiResponse(responseCode = "413", description = "A file is larger than the limit")
    @ApiResponse(responseCode = "415", description = "A file's type is not accepted, or its content is not of its declared type")
    ResponseEntity<ApplicationView> addDocuments(@PathVariable Long id,
            @Valid @RequestPart(DOCUMENTS_PART) Documents documents,
            @RequestParam MultiValueMap<String, MultipartFile> parts) {
        intake.addDocuments(id, documents.documents(), DocumentParts.files(parts, Set.of(DOCUMENTS_PART)));
        return ResponseEntity.accepted().body(views.of(id).forApplicant());
    }

    @PutMapping(path = "/applications/{id}/agreement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The applicant sends the revised agreement a supervisor asked for",
            description = "409 unless the agreement was sent back for changes.")
    ResponseEntity<ApplicationView> reviseAgreement(@PathVariable Long id,
            @Valid @RequestBody ApplicationForm.ProposedAgreement agreement) {
        intake.reviseAgreement(id, agreement, Party.APPLICANT);
        return ResponseEntity.accepted().body(views.of(id).forApplicant());
    }

    @PostMapping(path = "/suppliers/{code}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "An onboarded supplier renews a document",
            description = "Part 'document': {\"type\": ..., \"reference\": ..., \"expiresOn\": ...}; the file in the part "
                    + "named by its type. It supersedes the version it renews; a supplier suspended because that "
                    + "document lapsed is reinstated once its papers are in order. The same document sent again "
                    + "(type, reference, expiresOn and file as a version sent before) is answered as the first and "
                    + "stored once.")
    @ApiResponse(responseCode = "202", description = "Renewal taken, or the same renewal sent again (nothing changes)")
    @ApiResponse(responseCode = "400", description = "Invalid document, or one that must expire without expiresOn")
    @ApiResponse(responseCode = "404", description = "No onboarded supplier with this code")
    @ApiResponse(responseCode = "409", description = "renewal-outdated: it expires before the version in force, "
            + "which the problem names (inForce) and which stays in force")
    @ApiResponse(responseCode = "413", description = "The file is larger than the limit")
    @ApiResponse(responseCode = "415", description = "The file's type is not accepted, or its content is not of its declared type")
    ResponseEntity<ApplicationView> renew(@PathVariable String code,
            @Valid @RequestPart(DOCUMENT_PART) ApplicationForm.DocumentInfo document,
            @RequestParam MultiValueMap<String, MultipartFile> parts) {
        List<DocumentFile> files = DocumentParts.files(parts, Set.of(DOCUMENT_PART));
        SupplierApplication application = intake.renewDocument(code, document, files, Party.APPLICANT);
        return ResponseEntity.accepted().body(views.of(application.getId()).forApplicant());
    }
}
