package io.dropflow.claim.internal;

import io.dropflow.claim.EvidenceUpload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The claims API: filing, evidence, and what a claim looks like now. */
@RestController
@Tag(name = "Defect claims")
@SecurityRequirement(name = "basic")
class ClaimController {

    private final ClaimIntake intake;
    private final ClaimViews views;

    ClaimController(ClaimIntake intake, ClaimViews views) {
        this.intake = intake;
        this.views = views;
    }

    @PostMapping(path = "/api/orders/{orderId}/claims", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "File a defect claim about a delivered order, with links to evidence",
            description = "Only for a delivered order within the claim window (or one whose delivery is overdue); "
                    + "a second open claim about the same lines is refused. To upload photos or videos, send "
                    + "multipart/form-data instead: the claim as JSON in part 'claim', the files in parts 'evidence'.")
    @ApiResponse(responseCode = "201", description = "Claim filed; its process has started")
    @ApiResponse(responseCode = "400", description = "Invalid claim; the problem lists each bad field")
    @ApiResponse(responseCode = "409", description = "Not delivered, claim window closed, or an open claim on these lines")
    @ApiResponse(responseCode = "422", description = "Lines or quantities the order does not have")
    ResponseEntity<ClaimView> file(@PathVariable Long orderId, @Valid @RequestBody FileClaim claim) {
        return created(intake.file(orderId, claim, List.of()));
    }

    @PostMapping(path = "/api/orders/{orderId}/claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "File a defect claim with uploaded photos or videos",
            description = "Part 'claim': the claim as JSON; parts 'evidence': the files (limits: dropflow.claims.*).")
    @ApiResponse(responseCode = "201", description = "Claim filed with its evidence")
    @ApiResponse(responseCode = "413", description = "A file is larger than the limit")
    @ApiResponse(responseCode = "415", description = "A file's type is not accepted, or its content is not of its declared type")
    ResponseEntity<ClaimView> fileWithUploads(@PathVariable Long orderId, @Valid @RequestPart("claim") FileClaim claim,
            @RequestPart(name = "evidence", required = false) List<MultipartFile> evidence) {
        return created(intake.file(orderId, claim, uploads(evidence)));
    }

    @GetMapping("/api/claims/{id}")
    @Operation(summary = "A claim: state, negotiation with the supplier, outcome, money and history")
    ClaimView get(@PathVariable Long id) {
        return views.of(id);
    }

    @GetMapping("/api/orders/{orderId}/claims")
    @Operation(summary = "The claims filed about an order")
    List<ClaimView> ofOrder(@PathVariable Long orderId) {
        return views.ofOrder(orderId);
    }

    @PostMapping(path = "/api/claims/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The consumer adds photos, videos (parts 'evidence') or links (fields 'url')",
            description = "A claim waiting for evidence goes back to the operator.")
    @ApiResponse(responseCode = "202", description = "Evidence taken; a claim waiting for it goes back to the operator")
    ResponseEntity<ClaimView> addEvidence(@PathVariable Long id,
            @RequestPart(name = "evidence", required = false) List<MultipartFile> evidence,
            @RequestParam(name = "url", required = false) List<String> urls) {
        List<String> links = urls == null ? List.of() : urls;
        for (String url : links) {
            if (url == null || url.length() > 2000 || !url.matches("https?://\\S+")) {
                throw new InvalidEvidenceLinkException("url must be an http(s) URL of at most 2000 characters");
            }
        }
        intake.addEvidence(id, uploads(evidence), links);
        return ResponseEntity.accepted().body(views.of(id));
    }

    @PostMapping(path = "/api/claims/{id}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The consumer adds links to photos or videos: {\"evidenceUrls\": [...]}")
    @ApiResponse(responseCode = "202", description = "Evidence taken; a claim waiting for it goes back to the operator")
    ResponseEntity<ClaimView> addEvidenceLinks(@PathVariable Long id, @Valid @RequestBody EvidenceLinks links) {
        intake.addEvidence(id, List.of(), links.evidenceUrls());
        return ResponseEntity.accepted().body(views.of(id));
    }

    @GetMapping("/api/claims/{id}/evidence/{evidenceId}")
    @Operation(summary = "Download an uploaded photo or video",
            description = "Besides HTTP Basic and API keys, this GET also accepts the login to Camunda's webapps "
                    + "(their session cookie), so the link on a claim's Tasklist form opens without a second login; "
                    + "the same roles apply.")
    ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long evidenceId) {
        ClaimEvidence file = views.file(id, evidenceId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.getFileName() == null ? "evidence-" + evidenceId : file.getFileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.getContent());
    }

    record EvidenceLinks(@jakarta.validation.constraints.NotEmpty @jakarta.validation.constraints.Size(max = 10)
            List<@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000)
            @jakarta.validation.constraints.Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> evidenceUrls) {
    }

    private ResponseEntity<ClaimView> created(Claim claim) {
        return ResponseEntity.created(URI.create("/api/claims/" + claim.getId())).body(views.of(claim.getId()));
    }

    private static List<EvidenceUpload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> !f.isEmpty() || f.getOriginalFilename() != null).map(f -> {
            try {
                return new EvidenceUpload(f.getOriginalFilename(), f.getContentType(), f.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
