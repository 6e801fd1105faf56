package io.dropflow.onboarding.internal;

import io.dropflow.security.Groups;
import io.dropflow.web.MostRows;
import io.dropflow.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The seller's side of onboarding: anyone logged in reads applications and their documents (the
 * auditors open them from their Tasklist forms); only supervisors and analysts act on them through
 * the API: an application received on paper, an agreement amended after a call with the applicant,
 * a renewal received by mail. The decisions themselves are Tasklist tasks.
 */
@RestController
@RequestMapping("/api/onboarding")
@Tag(name = "Supplier onboarding")
@SecurityRequirement(name = "basic")
class OnboardingController {

    /** Who may act on applications; operators read them. */
    static final String ONBOARDING_EDITORS = "hasAnyAuthority('GROUP_" + Groups.SUPERVISORS + "', 'GROUP_"
            + Groups.ANALYSTS + "')";

    private final ApplicationIntake intake;
    private final ApplicationViews views;

    OnboardingController(ApplicationIntake intake, ApplicationViews views) {
        this.intake = intake;
        this.views = views;
    }

    @GetMapping("/applications")
    @Operation(summary = "Applications, newest first, a page at a time", description = "Filter: status. Sort by id "
            + "(id,desc, newest first, unless asked otherwise).")
    PageView<ApplicationView> applications(@RequestParam(required = false) ApplicationStatus status,
            @PageableDefault(size = 20) @MostRows(100) Pageable page) {
        return PageView.of(views.page(status, PageRequest.of(page.getPageNumber(), page.getPageSize(),
                io.dropflow.web.ListSorting.orElse(page.getSort(), java.util.List.of("id"), Sort.by(Sort.Direction.DESC, "id")))));
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "An application: papers, what is not in order, sample, agreement, supplier status, history")
    ApplicationView application(@PathVariable Long id) {
        return views.of(id);
    }

    @GetMapping("/applications/{id}/documents/{documentId}")
    @Operation(summary = "Download a document's file")
    ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long documentId) {
        SupplierDocument document = views.file(id, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(
                        document.getFileName() == null ? "document-" + documentId : document.getFileName()).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.getContent());
    }

    @PostMapping(path = "/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ONBOARDING_EDITORS)
    @Operation(summary = "Enter an application received on paper", description = "As the applicants' "
            + "POST /api/webhooks/onboarding/applications: part 'application' and one file part per document.")
    @ApiResponse(responseCode = "201", description = "Application entered; its onboarding has started")
    @ApiResponse(responseCode = "409", description = "The code belongs to another supplier, or an application with it is open")
    ResponseEntity<ApplicationView> apply(@Valid @RequestPart(ApplicantController.APPLICATION_PART)
            ApplicationForm application, @RequestParam MultiValueMap<String, MultipartFile> parts) {
        SupplierApplication submitted = intake.submit(application,
                DocumentParts.files(parts, Set.of(ApplicantController.APPLICATION_PART)));
        return ResponseEntity.created(URI.create("/api/onboarding/applications/" + submitted.getId()))
                .body(views.of(submitted.getId()));
    }

    @PutMapping(path = "/applications/{id}/agreement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ONBOARDING_EDITORS)
    @Operation(summary = "A supervisor enters the revised agreement agreed with the applicant",
            description = "409 unless the agreement was sent back for changes.")
    @ApiResponse(responseCode = "202", description = "Revised agreement taken; the review goes on")
    @ApiResponse(responseCode = "409", description = "The agreement was not sent back for changes")
    ResponseEntity<ApplicationView> reviseAgreement(@PathVariable Long id,
            @Valid @RequestBody ApplicationForm.ProposedAgreement agreement) {
        intake.reviseAgreement(id, agreement, Party.SUPERVISOR);
        return ResponseEntity.accepted().body(views.of(id));
    }

    @PostMapping(path = "/suppliers/{code}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ONBOARDING_EDITORS)
    @Operation(summary = "Enter a renewed document an onboarded supplier sent by mail",
            description = "As the applicants' POST /api/webhooks/onboarding/suppliers/{code}/documents.")
    @ApiResponse(responseCode = "202", description = "Renewal taken, or the same renewal again (nothing changes)")
    ResponseEntity<ApplicationView> renew(@PathVariable String code,
            @Valid @RequestPart(ApplicantController.DOCUMENT_PART) ApplicationForm.DocumentInfo document,
            @RequestParam MultiValueMap<String, MultipartFile> parts) {
        SupplierApplication application = intake.renewDocument(code, document,
                DocumentParts.files(parts, Set.of(ApplicantController.DOCUMENT_PART)), Party.SUPERVISOR);
        return ResponseEntity.accepted().body(views.of(application.getId()));
    }
}
