package io.dropflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.onboarding.process.SupplierOnboardingProcess;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.OnboardingDriver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The onboarding API: who may do what, bad input as problems naming what is wrong, uploads checked
 * like claim evidence, nothing written on a refusal, and an applicant that no order ever reaches.
 */
@DropflowTest
class OnboardingApiTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;
    OnboardingDriver onboarding;

    @BeforeEach
    void setUp() {
        dropflow = new DropflowDriver(port, engine);
        onboarding = new OnboardingDriver(port, engine);
    }

    private static String code() {
        return "APPLY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static List<Map<String, Object>> papers() {
        return OnboardingDriver.crossBorderPapers(LocalDate.now().plusYears(2));
    }

    private static Map<String, Object> application(String code) {
        return new LinkedHashMap<>(OnboardingDriver.application(code, "CN", "TEST-API-" + code, papers()));
    }

    /** Rows of the tables a refused request must not touch. */
    private List<Long> written() {
        List<Long> counts = new ArrayList<>();
        for (String table : List.of("supplier", "supplier_application", "supplier_document", "supplier_application_history")) {
            counts.add(jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String detailPart) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(DropflowDriver.read(response.getBody()).path("detail").asText()).contains(detailPart);
    }

    private ResponseEntity<String> applyWith(Map<String, Object> application, LinkedMultiValueMap<String, Object> files) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("application", OnboardingDriver.part(application, MediaType.APPLICATION_JSON));
        body.addAll(files);
        return onboarding.postMultipart("/api/webhooks/onboarding/applications", body, DropflowDriver.asPartner());
    }

    private static LinkedMultiValueMap<String, Object> pdfs(String... types) {
        LinkedMultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        for (String type : types) {
            files.add(type, OnboardingDriver.file(type + ".pdf", "application/pdf", OnboardingDriver.PDF));
        }
        return files;
    }

    private static final String[] PAPERS = {"BUSINESS_LICENCE", "TAX_REGISTRATION", "QUALITY_CERTIFICATE",
            "EXPORT_REGISTRATION"};

    @Test
    void applicantsComeWithThePartnerTokenAndStaffLogIn() {
        ResponseEntity<String> anonymous = onboarding.postMultipart("/api/webhooks/onboarding/applications",
                OnboardingDriver.multipart("application", application(code()), papers()), h -> { });
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(dropflow.get("/api/onboarding/applications", DropflowDriver.anonymous()).getStatusCode().value())
                .isEqualTo(401);

        ResponseEntity<String> applied = onboarding.apply(application(code()));
        assertThat(applied.getStatusCode().value()).as(applied.getBody()).isEqualTo(201);
        assertThat(applied.getHeaders().getLocation().getPath()).startsWith("/api/onboarding/applications/");
        JsonNode page = DropflowDriver.read(dropflow.get("/api/onboarding/applications?status=SUBMITTED",
                DropflowDriver.asOperator()).getBody());
        assertThat(page.path("content").findValuesAsText("number"))
                .contains(DropflowDriver.read(applied.getBody()).path("number").asText());
        // Sorted by id only, newest first unless asked otherwise; another sort is a 400, not ignored
        JsonNode oldestFirst = DropflowDriver.read(dropflow.get("/api/onboarding/applications?sort=id,asc&size=100",
                DropflowDriver.asOperator()).getBody());
        List<Long> ids = new java.util.ArrayList<>();
        oldestFirst.path("content").forEach(a -> ids.add(a.path("id").asLong()));
        assertThat(ids).isSorted();
        ResponseEntity<String> byStatus = dropflow.get("/api/onboarding/applications?sort=status", DropflowDriver.asOperator());
        assertThat(byStatus.getStatusCode().value()).isEqualTo(400);
        assertThat(DropflowDriver.read(byStatus.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("sort");

        // The portal reads the application's state, not the seller's internal history
        long id = DropflowDriver.read(applied.getBody()).path("id").asLong();
        // (a portal's cache-buster is no reason to refuse it: no query parameter is checked under /api/webhooks)
        JsonNode forApplicant = DropflowDriver.read(dropflow.get("/api/webhooks/onboarding/applications/" + id
                + "?_=1733500000000", DropflowDriver.asPartner()).getBody());
        assertThat(forApplicant.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(forApplicant.path("history")).isEmpty();
        assertThat(onboarding.application(id).path("history")).isNotEmpty();
    }

    @Test
    void invalidApplicationsAreProblemsNamingWhatIsWrongAndWriteNothing() {
        List<Long> before = written();

        Map<String, Object> noCode = application(code());
        noCode.remove("code");
        assertProblem(applyWith(noCode, pdfs(PAPERS)), 400, "code");
        Map<String, Object> badRegion = application(code());
        badRegion.put("region", "China");
        assertProblem(applyWith(badRegion, pdfs(PAPERS)), 400, "region must be an ISO 3166 alpha-2 country code");
        Map<String, Object> outside = application(code());
        Map<String, Object> offer = OnboardingDriver.offer("TEST-LAMP", "9.00");
        offer.put("category", "lighting");
        outside.put("agreement", OnboardingDriver.agreement(List.of(offer)));
        assertProblem(applyWith(outside, pdfs(PAPERS)), 400, "TEST-LAMP is in category lighting, which the application does not cover");
        Map<String, Object> badCurrency = application(code());
        Map<String, Object> agreement = OnboardingDriver.agreement(List.of(OnboardingDriver.offer("TEST-X", "9.00")));
        agreement.put("currency", "XXX");
        badCurrency.put("agreement", agreement);
        assertProblem(applyWith(badCurrency, pdfs(PAPERS)), 400, "currency 'XXX' is not an ISO 4217 currency in circulation");

        Map<String, Object> expired = application(code());
        expired.put("documents", List.of(OnboardingDriver.document("BUSINESS_LICENCE", LocalDate.now().minusDays(1))));
        ResponseEntity<String> expiredAnswer = applyWith(expired, pdfs("BUSINESS_LICENCE"));
        assertProblem(expiredAnswer, 400, "BUSINESS_LICENCE expired on");
        ResponseEntity<String> undescribed = applyWith(application(code()), pdfs("BUSINESS_LICENCE", "TAX_REGISTRATION"));
        assertProblem(undescribed, 400, "every document needs its description and its file");
        for (ResponseEntity<String> papers : List.of(expiredAnswer, undescribed)) { // api.md's type (s15 D5)
            assertThat(DropflowDriver.read(papers.getBody()).path("type").asText())
                    .isEqualTo("https://dropflow.io/problems/documents-rejected");
        }
        assertProblem(applyWith(application(code()), pdfs("PASSPORT")), 400, "part 'PASSPORT' is not a document");
        assertProblem(onboarding.postMultipart("/api/webhooks/onboarding/applications", pdfs(PAPERS),
                DropflowDriver.asPartner()), 400, "application");
        LinkedMultiValueMap<String, Object> broken = new LinkedMultiValueMap<>();
        broken.add("application", OnboardingDriver.part("{\"code\": ", MediaType.APPLICATION_JSON));
        assertProblem(onboarding.postMultipart("/api/webhooks/onboarding/applications", broken,
                DropflowDriver.asPartner()), 400, "not valid JSON");

        assertThat(written()).isEqualTo(before);
    }

    @Test
    void documentsAreCheckedLikeClaimEvidenceAndNothingIsStoredOnARefusal() {
        List<Long> before = written();
        Map<String, Object> one = application(code());
        one.put("documents", List.of(OnboardingDriver.document("BUSINESS_LICENCE", null)));

        LinkedMultiValueMap<String, Object> huge = new LinkedMultiValueMap<>();
        huge.add("BUSINESS_LICENCE", OnboardingDriver.file("licence.pdf", "application/pdf", OnboardingDriver.pdf(70 * 1024)));
        assertProblem(applyWith(one, huge), 413, "licence.pdf is 71680 bytes");
        LinkedMultiValueMap<String, Object> text = new LinkedMultiValueMap<>();
        text.add("BUSINESS_LICENCE", OnboardingDriver.file("licence.txt", "text/plain", "licence".getBytes()));
        assertProblem(applyWith(one, text), 415, "accepted are application/pdf, image/jpeg, image/png");
        LinkedMultiValueMap<String, Object> renamed = new LinkedMultiValueMap<>();
        renamed.add("BUSINESS_LICENCE", OnboardingDriver.file("licence.pdf", "application/pdf", JPEG));
        assertProblem(applyWith(one, renamed), 415, "declared as application/pdf but its content is not");
        Map<String, Object> five = application(code());
        List<Map<String, Object>> documents = new ArrayList<>(papers());
        documents.add(OnboardingDriver.document("FOOD_LICENCE", LocalDate.now().plusYears(1)));
        five.put("documents", documents);
        assertProblem(applyWith(five, pdfs("BUSINESS_LICENCE", "TAX_REGISTRATION", "QUALITY_CERTIFICATE",
                "EXPORT_REGISTRATION", "FOOD_LICENCE")), 400, "at most 4 documents at a time");
        ResponseEntity<String> scan = applyWith(one, new LinkedMultiValueMap<>(Map.of("BUSINESS_LICENCE",
                List.of(OnboardingDriver.file("licence.jpg", "image/jpeg", JPEG)))));
        assertThat(scan.getStatusCode().value()).as("a JPEG scan is taken").isEqualTo(201);

        assertThat(written().get(2)).isEqualTo(before.get(2) + 1);
        assertThat(DropflowDriver.read(scan.getBody()).path("documents").get(0).path("contentType").asText())
                .isEqualTo("image/jpeg");
    }

    @Test
    void aTakenCodeIsA409AndATurnedDownApplicantMayApplyAgain() {
        assertProblem(onboarding.apply(application("ACME")), 409, "the catalog has a supplier ACME already (ACTIVE)");
        String code = code();
        long first = onboarding.applied(application(code));
        assertProblem(onboarding.apply(application(code)), 409, "an application for supplier " + code + " is open already");

        onboarding.runJobs(first);
        onboarding.complete(first, SupplierOnboardingProcess.Element.AUDIT_DOCUMENTS.id(), "mary",
                Map.of("auditDecision", "reject", "auditNote", "blurred licence"));
        ResponseEntity<String> again = onboarding.apply(application(code));
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(201);
        assertThat(DropflowDriver.read(again.getBody()).path("supplierStatus").asText()).isEqualTo("ONBOARDING");
    }

    @Test
    void operatorsReadApplicationsAndTheirFilesOnlySupervisorsAndAnalystsActOnThem() {
        String code = code();
        long application = onboarding.applied(application(code));
        JsonNode view = onboarding.application(application);
        String download = view.path("documents").get(0).path("download").asText();

        ResponseEntity<String> file = dropflow.get(download, DropflowDriver.asOperator());
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertProblem(dropflow.get("/api/onboarding/applications/" + application + "/documents/999999",
                DropflowDriver.asOperator()), 404, "application " + application + " has no document 999999");
        assertProblem(dropflow.get("/api/onboarding/applications/999999", DropflowDriver.asOperator()), 404,
                "no supplier application 999999");

        Map<String, Object> agreement = OnboardingDriver.agreement(List.of(OnboardingDriver.offer("TEST-Y", "5.00")));
        Consumer<HttpHeaders> sam = h -> h.setBasicAuth("sam", "sam");
        assertProblem(dropflow.put("/api/onboarding/applications/" + application + "/agreement", agreement,
                DropflowDriver.asOperator()), 403, "your groups may not do this");
        assertProblem(dropflow.put("/api/onboarding/applications/" + application + "/agreement", agreement, sam), 409,
                "a revised agreement is taken when a supervisor sent the agreement back");
        // the agreement sent back as the application's GET shows it (with revisions, revisionNote, revisionDueBy)
        assertProblem(dropflow.put("/api/onboarding/applications/" + application + "/agreement", view.path("agreement"),
                sam), 409, "a revised agreement is taken when a supervisor sent the agreement back");
        assertProblem(onboarding.reviseAgreement(application, agreement), 409, "sent the agreement back");
        assertProblem(onboarding.postMultipart("/api/onboarding/suppliers/" + code + "/documents",
                OnboardingDriver.multipart("document", OnboardingDriver.document("TAX_REGISTRATION", null),
                        List.of(OnboardingDriver.document("TAX_REGISTRATION", null))), DropflowDriver.asOperator()),
                403, "your groups may not do this");
        assertProblem(onboarding.renew(code, OnboardingDriver.document("TAX_REGISTRATION", null)), 404,
                "no onboarded supplier " + code);
    }

    @Test
    void anApplicantIsNeverSelectedForAnOrderAndOnlyItsOnboardingChangesIt() {
        String code = code();
        onboarding.applied(application(code));
        Consumer<HttpHeaders> sam = h -> h.setBasicAuth("sam", "sam");
        // The catalog changes nothing of an applicant's: its offers and terms come with its agreement
        String previewSku = "TEST-PREVIEW-" + code;
        Map<String, Object> offer = new LinkedHashMap<>(Map.of("sku", previewSku, "supplierSku", "PV-1", "supplyPrice",
                "5.00", "currency", "EUR", "shippingCost", "1.00", "stock", 100, "shipFrom", "CN", "shipByHours", 72,
                "category", "homeware"));
        assertProblem(dropflow.post("/api/suppliers/" + code + "/offers", offer, sam), 409,
                "its offers are those of the agreement its onboarding approves");
        JsonNode applicant = DropflowDriver.read(dropflow.get("/api/suppliers/" + code, sam).getBody());
        Map<String, Object> promoted = new LinkedHashMap<>(Map.of("code", code, "name", applicant.path("name").asText(), "region",
                applicant.path("region").asText(), "score", 99, "tier", 1, "version", applicant.path("version").asLong()));
        assertProblem(dropflow.put("/api/suppliers/" + code, promoted, sam), 409,
                "its details and terms come from its application and agreement");
        assertProblem(dropflow.postRaw("/api/suppliers/" + code + "/offers/import",
                "sku,supplierSku,supplyPrice,currency,shippingCost,stock,shipFrom,shipByHours,category,active\n"
                        + previewSku + ",PV-1,5.00,EUR,1.00,100,CN,72,homeware,true\n", h -> {
            sam.accept(h);
            h.setContentType(MediaType.valueOf("text/csv"));
        }), 409, "its offers are those of the agreement");

        // What it applied to sell goes to no order before it is activated
        DropflowDriver.Placed placed = dropflow.placeOrder("TEST-API-" + code, 1, "19.00");
        assertThat(placed.status()).as(placed.body().toString()).isIn(201, 422);
        if (placed.status() == 201) {
            dropflow.runJobs(placed.orderId());
            assertThat(dropflow.getOrder(placed.orderId()).path("purchaseOrders")).isEmpty();
        }

        assertProblem(dropflow.post("/api/suppliers/" + code + "/suspension", Map.of("reason", "test"), sam), 409,
                "its onboarding activates it or turns it down");
        JsonNode applicants = DropflowDriver.read(dropflow.get("/api/suppliers?status=ONBOARDING&size=200",
                DropflowDriver.asOperator()).getBody());
        assertThat(applicants.path("content").findValuesAsText("code")).contains(code);
    }

    /** The versions of one type of document the application holds. */
    private long stored(long application, String type) {
        return jdbc.queryForObject("select count(*) from supplier_document where application_id = ? and document_type = ?",
                Long.class, application, type);
    }

    private List<String> historyLines(long application, String start) {
        return onboarding.application(application).path("history").findValuesAsText("what").stream()
                .filter(line -> line.startsWith(start)).toList();
    }

    @Test
    void theSameDocumentsSentAgainAreAnsweredAsTheFirstAndStoredOnce() {
        ResponseEntity<String> applied = onboarding.apply(application(code()));
        assertThat(applied.getStatusCode().value()).as(applied.getBody()).isEqualTo(201);
        long id = DropflowDriver.read(applied.getBody()).path("id").asLong();
        Map<String, Object> certificate = new LinkedHashMap<>(OnboardingDriver.document("QUALITY_CERTIFICATE",
                LocalDate.now().plusYears(3)));
        certificate.put("reference", "ISO-RETRY");
        ResponseEntity<String> first = onboarding.sendDocuments(id, List.of(certificate));
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(202);
        JsonNode firstDocuments = DropflowDriver.read(first.getBody()).path("documents");

        // When the portal, its answer lost, sends the same certificate (type, reference, expiry, file) again, twice
        for (int retry = 0; retry < 2; retry++) {
            ResponseEntity<String> again = onboarding.sendDocuments(id, List.of(certificate));
            assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(202);
            assertThat(DropflowDriver.read(again.getBody()).path("documents")).isEqualTo(firstDocuments);
        }

        // Then it is held once (beside the application's own), and its history says it was sent once
        assertThat(stored(id, "QUALITY_CERTIFICATE")).isEqualTo(2);
        assertThat(historyLines(id, "Sent quality management certificate")).hasSize(1);

        // What is new in an upload is stored: the same certificate beside a corrected tax registration
        Map<String, Object> tax = new LinkedHashMap<>(OnboardingDriver.document("TAX_REGISTRATION", null));
        tax.put("reference", "TAX-CORRECTED");
        ResponseEntity<String> withNew = onboarding.sendDocuments(id, List.of(certificate, tax));
        assertThat(withNew.getStatusCode().value()).as(withNew.getBody()).isEqualTo(202);
        assertThat(stored(id, "QUALITY_CERTIFICATE")).isEqualTo(2);
        assertThat(stored(id, "TAX_REGISTRATION")).isEqualTo(2);
        assertThat(historyLines(id, "Sent ")).containsExactly("Sent quality management certificate, e.g. ISO 9001, "
                + "valid until " + certificate.get("expiresOn"), "Sent tax registration (税务登记)");
    }

    /**
     * Second review of session 11, M1: the retry check matched superseded versions too. Certificate ISO-A, then ISO-B
     * (superseding it), then ISO-A again: a 202 that stored nothing, ISO-B stayed in force and nobody was told.
     */
    @Test
    void anEarlierVersionSentAgainIsInForceAgain() {
        long id = DropflowDriver.read(onboarding.apply(application(code())).getBody()).path("id").asLong();
        Map<String, Object> a = new LinkedHashMap<>(OnboardingDriver.document("QUALITY_CERTIFICATE",
                LocalDate.now().plusYears(3)));
        a.put("reference", "ISO-A");
        Map<String, Object> b = new LinkedHashMap<>(a);
        b.put("reference", "ISO-B");
        assertThat(onboarding.sendDocuments(id, List.of(a)).getStatusCode().value()).isEqualTo(202);
        assertThat(onboarding.sendDocuments(id, List.of(b)).getStatusCode().value()).isEqualTo(202);

        ResponseEntity<String> again = onboarding.sendDocuments(id, List.of(a));

        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(202);
        List<String> inForce = new java.util.ArrayList<>();
        DropflowDriver.read(again.getBody()).path("documents").forEach(d -> {
            boolean current = d.path("supersededAt").isNull() || d.path("supersededAt").isMissingNode();
            if (d.path("type").asText().equals("QUALITY_CERTIFICATE") && current
                    && d.path("reference").asText().startsWith("ISO-")) {
                inForce.add(d.path("reference").asText());
            }
        });
        assertThat(inForce).containsExactly("ISO-A");
        assertThat(historyLines(id, "Sent quality management certificate")).hasSize(3);
    }
}
