package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.Element.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.onboarding.internal.ApplicationForm;
import io.dropflow.onboarding.internal.ApplicationIntake;
import io.dropflow.onboarding.internal.Party;
import io.dropflow.processengine.Escalation;
import io.dropflow.supplier.sandbox.SandboxSupplier;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.OnboardingDriver;
import io.dropflow.support.ProcessCoverage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of bpmn/supplier-onboarding.bpmn, driven as in production: applications, documents,
 * agreements and the applicant's sample events over HTTP, decisions as Tasklist completes tasks,
 * timers fired as jobs or by moving the engine's clock.
 */
@DropflowTest
class SupplierOnboardingProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SandboxSupplier supplier;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationIntake intake;
    @Autowired
    TransactionTemplate transactions;

    DropflowDriver dropflow;
    OnboardingDriver onboarding;
    private final Map<Long, ProcessInstance> instances = new HashMap<>();

    private static Date classStarted;

    @BeforeAll
    static void rememberWhenTheseTestsStarted() {
        classStarted = new Date();
    }

    @AfterAll
    static void theModelIsCovered(@Autowired ProcessEngine engine) {
        ProcessCoverage.assertCovered(engine, "supplier-onboarding.bpmn", classStarted);
        ProcessCoverage.assertCovered(engine, "supplier-onboarding-papers.bpmn", classStarted);
    }

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
        onboarding = new OnboardingDriver(port, engine);
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    // ---- helpers

    private static String code() {
        return "JADE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String sku() {
        return "TEST-WOK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    }

    private ProcessInstance process(long application) {
        return instances.computeIfAbsent(application, id -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(SupplierOnboardingProcess.businessKey(id)).singleResult());
    }

    private static String sample(long application, int attempt) {
        return "DF-ON" + application + "-SAMPLE" + attempt;
    }

    /** Applies with {@code papers} and runs the application to its audit. */
    private long underAudit(String code, String region, String sku, List<Map<String, Object>> papers) {
        long application = onboarding.applied(OnboardingDriver.application(code, region, sku, papers));
        assertThat(process(application)).isWaitingAt(APPLY_REQUIREMENTS.id());
        onboarding.runJobs(application);
        assertThat(process(application)).isWaitingAt(AUDIT_DOCUMENTS.id());
        return application;
    }

    /** The audit accepts the papers and the sample is ordered; @return the sample's number */
    private String sampleOrdered(long application, String auditor, int attempt) {
        onboarding.complete(application, AUDIT_DOCUMENTS.id(), auditor, Map.of("auditDecision", "accept"));
        onboarding.runJobs(application);
        assertThat(process(application)).isWaitingAt(AWAIT_SAMPLE.id());
        return sample(application, attempt);
    }

    /** The applicant ships sample {@code number}: its quality check is next. */
    private void sampleShipped(long application, String code, String number) {
        dropflow.supplierSays(code, number, "ACCEPTED");
        dropflow.supplierShipped(code, number, "TRK-" + number);
        assertThat(process(application)).isWaitingAt(CHECK_SAMPLE_QUALITY.id());
    }

    /** A cross-border applicant from China, onboarded up to its active standing. */
    private long onboarded(String code, String sku, LocalDate certificateUntil) {
        return onboarded(code, "CN", sku, OnboardingDriver.crossBorderPapers(certificateUntil));
    }

    private long onboarded(String code, String region, String sku, List<Map<String, Object>> papers) {
        long application = underAudit(code, region, sku, papers);
        sampleShipped(application, code, sampleOrdered(application, "mary", 1));
        onboarding.complete(application, CHECK_SAMPLE_QUALITY.id(), "mary",
                Map.of("qualityResult", "passed", "qualityNotes", "glaze even, no chips, blind packaging"));
        onboarding.complete(application, REVIEW_AGREEMENT.id(), "sam", Map.of("agreementDecision", "approve"));
        assertThat(process(application)).hasPassed(ACTIVATE_SUPPLIER.id());
        return application;
    }

    private String supplierStatus(String code) {
        return DropflowDriver.read(dropflow.get("/api/suppliers/" + code, DropflowDriver.asOperator()).getBody())
                .path("status").asText();
    }

    private List<String> history(long application) {
        List<String> entries = new ArrayList<>();
        onboarding.application(application).path("history").forEach(e -> entries.add(e.path("what").asText()));
        return entries;
    }

    /** Every fact the task's form shows (rows as their JSON). */
    private String summary(Task task) {
        Map<String, Object> facts = dropflow.facts(task);
        return facts.keySet().stream().map(name -> name + "=" + json(facts.get(name)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Object json(Object fact) {
        try {
            return fact instanceof java.util.Collection<?> || fact instanceof Map<?, ?>
                    ? new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fact) : fact;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> withReference(Map<String, Object> document, String reference) {
        Map<String, Object> changed = new HashMap<>(document);
        changed.put("reference", reference);
        return changed;
    }

    /** The versions of one type of document the application holds (current and superseded). */
    private List<JsonNode> documentsOf(long application, String type) {
        List<JsonNode> versions = new ArrayList<>();
        onboarding.application(application).path("documents").forEach(d -> {
            if (d.path("type").asText().equals(type)) {
                versions.add(d);
            }
        });
        return versions;
    }

    private void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    // ---- the application

    @Test
    void aNewSupplierIsOnboardedEndToEndThroughTheApiAndTasklistTasksAndItsFirstOrderRoutesToIt() {
        String code = code();
        String sku = sku();

        // Given the supplier portal sends an application with its papers and the agreement it proposes
        long application = underAudit(code, "CN", sku, OnboardingDriver.crossBorderPapers(today().plusYears(2)));

        // Then the applicant is in the catalog, but gets no orders yet; an operator audits its papers
        JsonNode applied = onboarding.application(application);
        assertThat(applied.path("status").asText()).isEqualTo("UNDER_AUDIT");
        assertThat(applied.path("supplierStatus").asText()).isEqualTo("ONBOARDING");
        assertThat(applied.path("crossBorder").asBoolean()).isTrue();
        assertThat(applied.path("requiredDocuments").findValuesAsText("type"))
                .containsExactlyInAnyOrder("BUSINESS_LICENCE", "TAX_REGISTRATION", "QUALITY_CERTIFICATE", "EXPORT_REGISTRATION");
        assertThat(applied.path("notInOrder")).isEmpty();
        Task audit = onboarding.task(application, AUDIT_DOCUMENTS.id());
        assertThat(onboarding.candidateGroups(audit)).containsExactly("operators");
        assertThat(audit.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat(summary(audit)).contains(code, "quality management certificate", "/api/onboarding/applications/"
                + application + "/documents/", "papersInOrder=true");
        assertThat(supplierStatus(code)).isEqualTo("ONBOARDING");

        // When Mary accepts the papers
        String sample = sampleOrdered(application, "mary", 1);

        // Then a sample is ordered from the applicant, to the seller's quality check, once
        SandboxSupplier.Received received = supplier.received(sample);
        assertThat(received).isNotNull();
        assertThat(received.order().shipTo().city()).isEqualTo("Berlin");
        assertThat(received.order().lines()).extracting("supplierSku", "quantity").containsExactly(
                org.assertj.core.groups.Tuple.tuple("SUP-" + sku, 1));
        assertThat(onboarding.application(application).path("sample").path("purchaseOrderNumber").asText())
                .isEqualTo(sample);

        // When the applicant ships it
        sampleShipped(application, code, sample);

        // Then Mary checks it against the category's checks and the proposed quality terms
        Task check = onboarding.task(application, CHECK_SAMPLE_QUALITY.id());
        assertThat(summary(check)).contains(sample, "the goods match the offered SKUs", "AQL 2.5");
        assertThat(onboarding.application(application).path("status").asText()).isEqualTo("QUALITY_CHECK");
        assertThat(history(application)).anyMatch(e -> e.contains("Shipped sample " + sample));
        onboarding.complete(application, CHECK_SAMPLE_QUALITY.id(), "mary",
                Map.of("qualityResult", "passed", "qualityNotes", "glaze even, no chips, blind packaging"));

        // And a supervisor reviews the agreement
        Task review = onboarding.task(application, REVIEW_AGREEMENT.id());
        assertThat(onboarding.candidateGroups(review)).containsExactly("supervisors");
        assertThat(summary(review)).contains("agreementCurrency=EUR", sku, "\"supplyPrice\":\"7.80 EUR\",\"shipping\":\"2.00 EUR\"",
                "sampleQualityResult=Passed");
        onboarding.complete(application, REVIEW_AGREEMENT.id(), "sam", Map.of("agreementDecision", "approve"));

        // Then the supplier is active with its agreed offer, on probation, and its standing is watched
        assertThat(process(application)).hasPassed(ACTIVATE_SUPPLIER.id())
                .isWaitingAt(AWAIT_EXPIRY_REMINDER.id(), NEXT_SCORECARD_CHECK.id());
        assertThat(process(application)).hasPassed("start_audit_documents", "end_papers_accepted", "start_sample_check",
                "end_sample_passed", "start_agreement", "end_terms_agreed", "start_supplier_active");
        JsonNode onboarded = onboarding.application(application);
        assertThat(onboarded.path("status").asText()).isEqualTo("ONBOARDED");
        assertThat(onboarded.path("supplierStatus").asText()).isEqualTo("ACTIVE");
        JsonNode listed = DropflowDriver.read(dropflow.get("/api/suppliers/" + code, DropflowDriver.asOperator()).getBody());
        assertThat(listed.path("tier").asInt()).isEqualTo(3);
        assertThat(listed.path("score").asInt()).isEqualTo(70);
        assertThat(history(application)).anyMatch(e -> e.contains("sam decided 'Review the supply agreement': Approve"));

        // And the next order for its SKU goes to it
        long order = dropflow.placeOrder(sku, 1, "19.00").orderId();
        dropflow.runJobs(order);
        JsonNode purchaseOrder = dropflow.getOrder(order).path("purchaseOrders").get(0);
        assertThat(purchaseOrder.toString()).contains(code);
        assertThat(supplier.receivedFor(order)).hasSize(1);
    }

    @Test
    void missingDocumentsAreAskedForAndTheAuditGoesOnWhenTheyArrive() {
        String code = code();
        List<Map<String, Object>> withoutCertificate = OnboardingDriver.crossBorderPapers(today().plusYears(2)).stream()
                .filter(d -> !d.get("type").equals("QUALITY_CERTIFICATE")).toList();
        long application = underAudit(code, "CN", sku(), withoutCertificate);
        assertThat(onboarding.application(application).path("notInOrder").toString()).contains("not sent");

        // Accepting papers that are not in order is refused; the task stays open
        assertThatThrownBy(() -> onboarding.complete(application, AUDIT_DOCUMENTS.id(), "mary",
                Map.of("auditDecision", "accept"))).hasMessageContaining("not in order");
        assertThat(process(application)).isWaitingAt(AUDIT_DOCUMENTS.id());

        // The operator asks for the certificate
        onboarding.complete(application, AUDIT_DOCUMENTS.id(), "mary", Map.of("auditDecision", "missing_documents",
                "auditNote", "Please send your ISO 9001 certificate"));
        assertThat(process(application)).hasPassed(REQUEST_DOCUMENTS.id()).isWaitingAt(AWAIT_DOCUMENTS.id());
        JsonNode waiting = onboarding.application(application);
        assertThat(waiting.path("status").asText()).isEqualTo("AWAITING_DOCUMENTS");
        assertThat(waiting.path("documentRequest").path("note").asText()).isEqualTo("Please send your ISO 9001 certificate");
        assertThat(waiting.path("documentRequest").path("dueBy").asText()).isNotBlank();

        // The applicant sends it: the audit goes on, with an empty form
        ResponseEntity<String> sent = onboarding.sendDocuments(application,
                List.of(OnboardingDriver.document("QUALITY_CERTIFICATE", today().plusYears(3))));
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(202);
        assertThat(process(application)).hasPassed(DOCUMENTS_ADDED.id()).isWaitingAt(AUDIT_DOCUMENTS.id());
        Task again = onboarding.task(application, AUDIT_DOCUMENTS.id());
        assertThat(engine.getTaskService().getVariable(again.getId(), "auditDecision")).isNull();
        assertThat(summary(again)).contains("papersInOrder=true");
        sampleOrdered(application, "mary", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void documentsSentWhileTheAuditIsOpenShowOnItsForm() {
        // The applicant's certificate has no expiry date: the audit's form says the papers are not in order
        String code = code();
        List<Map<String, Object>> papers = OnboardingDriver.crossBorderPapers(null);
        long application = underAudit(code, "CN", sku(), papers);
        Task audit = onboarding.task(application, AUDIT_DOCUMENTS.id());
        assertThat(summary(audit)).contains("papersInOrder=false", "no expiry date given");

        // While the audit is open, the applicant sends the corrected certificate
        LocalDate until = today().plusYears(3);
        ResponseEntity<String> sent = onboarding.sendDocuments(application,
                List.of(withReference(OnboardingDriver.document("QUALITY_CERTIFICATE", until), "ISO-V3")));
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(202);
        assertThat(onboarding.application(application).path("notInOrder")).isEmpty();

        // The upload wrote the refresh of the open tasks as a job of its own, which the job executor runs
        assertThat(onboarding.papersJobs(application)).hasSize(1);
        assertThat(dropflow.facts(audit).get("papersInOrder")).as("until the job runs").isEqualTo(false);
        onboarding.showPapers(application);
        assertThat(onboarding.papersJobs(application)).isEmpty();

        // The same open task now shows what the application holds: the new certificate, papers in order,
        // and the upload in its history
        Task open = onboarding.task(application, AUDIT_DOCUMENTS.id());
        assertThat(open.getId()).isEqualTo(audit.getId());
        Map<String, Object> facts = dropflow.facts(open);
        assertThat(facts.get("papersInOrder")).isEqualTo(true);
        assertThat(facts.get("paperProblems")).isNull();
        List<Map<String, Object>> shown = (List<Map<String, Object>>) facts.get("papers");
        assertThat(shown).hasSize(4).filteredOn(row -> "ISO-V3".equals(row.get("reference"))).singleElement()
                .satisfies(row -> assertThat(row.get("validUntil")).isEqualTo(until.toString()));
        long current = documentsOf(application, "QUALITY_CERTIFICATE").stream()
                .filter(d -> d.path("supersededAt").isMissingNode() || d.path("supersededAt").isNull())
                .mapToLong(d -> d.path("id").asLong()).findFirst().orElseThrow();
        assertThat(json(facts.get("papers")).toString()).contains("/documents/" + current + "\"");
        assertThat(json(facts.get("history")).toString()).contains("Sent quality management certificate");

        // The applicant sends another paper as the operator accepts them: the refresh, run after the audit
        // ended, finds no open task and ends; neither the upload nor the decision failed
        ResponseEntity<String> another = onboarding.sendDocuments(application,
                List.of(withReference(OnboardingDriver.document("EXPORT_REGISTRATION", null), "EXP-V2")));
        assertThat(another.getStatusCode().value()).as(another.getBody()).isEqualTo(202);
        sampleOrdered(application, "mary", 1);
        onboarding.showPapers(application);
        assertThat(onboarding.papersJobs(application)).isEmpty();
        assertThat(engine.getRuntimeService().createIncidentQuery().processDefinitionKeyIn(
                OnboardingPapersProcess.PROCESS_KEY).count()).isZero();
    }

    @Test
    void papersThatCannotBeShownAreTriedAgainThenAnIncidentAndShownOnceRetried() {
        long application = underAudit(code(), "CN", sku(), OnboardingDriver.crossBorderPapers(null));
        Task audit = onboarding.task(application, AUDIT_DOCUMENTS.id());
        // The audit's form cannot be rewritten for now (here: its facts are not JSON)
        var shown = engine.getTaskService().getVariableLocalTyped(audit.getId(), "facts", false);
        engine.getTaskService().setVariableLocal(audit.getId(), "facts", "not the form's facts");

        // The corrected certificate is taken all the same
        LocalDate until = today().plusYears(3);
        ResponseEntity<String> sent = onboarding.sendDocuments(application,
                List.of(withReference(OnboardingDriver.document("QUALITY_CERTIFICATE", until), "ISO-V4")));
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(202);

        // Its refresh fails, is tried again every two minutes, and after the fifth try is an incident
        Job refresh = onboarding.papersJobs(application).get(0);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(refresh.getId()))
                    .hasMessageContaining("not a JSON object");
            assertThat(engine.getManagementService().createJobQuery().jobId(refresh.getId()).singleResult()
                    .getRetries()).as("after try " + attempt).isEqualTo(5 - attempt);
        }
        var incident = engine.getRuntimeService().createIncidentQuery().configuration(refresh.getId()).singleResult();
        assertThat(incident).as("an incident in Cockpit").isNotNull();
        assertThat(engine.getRepositoryService().getProcessDefinition(incident.getProcessDefinitionId()).getKey())
                .isEqualTo(OnboardingPapersProcess.PROCESS_KEY);

        // Once the cause is mended, the operator retries it in Cockpit: the open audit shows the papers held
        engine.getTaskService().setVariableLocal(audit.getId(), "facts", shown);
        engine.getManagementService().setJobRetries(refresh.getId(), 1);
        onboarding.showPapers(application);
        assertThat(onboarding.papersJobs(application)).isEmpty();
        assertThat(engine.getRuntimeService().createIncidentQuery().configuration(refresh.getId()).count()).isZero();
        assertThat(summary(onboarding.task(application, AUDIT_DOCUMENTS.id()))).contains("papersInOrder=true",
                "\"reference\":\"ISO-V4\"", "\"validUntil\":\"" + until + "\"");
    }

    @Test
    void anOverdueAuditAndASilentApplicantGoToSupervisorsWhoTurnTheApplicationDown() {
        String code = code();
        long application = underAudit(code, "DE", sku(), List.of(OnboardingDriver.document("BUSINESS_LICENCE", null)));

        // Nobody audits in time: supervisors get the task too, at the top of their lists
        onboarding.fireTimer(application, AUDIT_OVERDUE.id());
        Task audit = onboarding.task(application, AUDIT_DOCUMENTS.id());
        assertThat(onboarding.candidateGroups(audit)).containsExactlyInAnyOrder("operators", "supervisors");
        assertThat(audit.getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY);
        assertThat(process(application)).hasPassed(AUDIT_ESCALATED.id());
        assertThat(onboarding.application(application).path("escalated").asBoolean()).isTrue();

        // The applicant does not send the missing tax registration in time
        onboarding.complete(application, AUDIT_DOCUMENTS.id(), "mary", Map.of("auditDecision", "missing_documents",
                "auditNote", "Your tax registration is missing"));
        onboarding.fireTimer(application, DOCUMENTS_OVERDUE.id());
        Task escalated = onboarding.task(application, AUDIT_DOCUMENTS.id());
        assertThat(onboarding.candidateGroups(escalated)).containsExactly("supervisors");
        assertThat(history(application)).anyMatch(e -> e.contains("the applicant sent no documents in time"));

        // A supervisor turns it down: the applicant's code stays known as REJECTED
        onboarding.complete(application, AUDIT_DOCUMENTS.id(), "sam", Map.of("auditDecision", "reject",
                "auditNote", "No tax registration after two weeks"));
        assertThat(process(application)).hasPassed(REJECT_APPLICATION.id()).isEnded();
        assertThat(process(application)).hasPassed("end_papers_turned_down", "boundary_papers_turned_down",
                APPLICATION_REJECTED.id());
        JsonNode rejected = onboarding.application(application);
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("rejectionReason").asText()).isEqualTo("No tax registration after two weeks");
        assertThat(supplierStatus(code)).isEqualTo("REJECTED");
        // The catalog names the reason what it is, as the application does (the tester read suspensionReason)
        JsonNode supplier = DropflowDriver.read(dropflow.get("/api/suppliers/" + code, DropflowDriver.asOperator())
                .getBody());
        assertThat(supplier.path("rejectionReason").asText()).isEqualTo("No tax registration after two weeks");
        assertThat(supplier.hasNonNull("suspensionReason")).as(supplier.toString()).isFalse();
    }

    @Test
    void aSampleRefusedAtOnceAndOneNotShippedInTimeGoBackToTheSupervisors() {
        String code = code();
        long application = underAudit(code, "CN", sku(), OnboardingDriver.crossBorderPapers(today().plusYears(2)));

        // The applicant refuses the sample in its answer to our call
        supplier.refuseNextCalls(code, 1);
        onboarding.complete(application, AUDIT_DOCUMENTS.id(), "mary", Map.of("auditDecision", "accept"));
        onboarding.runJobs(application);
        assertThat(process(application)).hasPassed(ORDER_SAMPLE.id(), SAMPLE_REFUSED.id(), ESCALATE_FAILED_SAMPLE.id(),
                "end_no_sample", "boundary_no_sample").isWaitingAt(AUDIT_DOCUMENTS.id());
        assertThat(onboarding.candidateGroups(onboarding.task(application, AUDIT_DOCUMENTS.id())))
                .containsExactly("supervisors");
        assertThat(history(application)).anyMatch(e -> e.startsWith("Refused sample " + sample(application, 1)))
                .anyMatch(e -> e.contains("the applicant refused the sample order"));

        // A supervisor orders another; it is not shipped in time
        String second = sampleOrdered(application, "sam", 2);
        assertThat(supplier.received(second)).isNotNull();
        onboarding.fireTimer(application, SAMPLE_LATE.id());
        assertThat(process(application)).isWaitingAt(AUDIT_DOCUMENTS.id());
        assertThat(history(application)).anyMatch(e -> e.contains("the sample was not shipped in time"));

        onboarding.complete(application, AUDIT_DOCUMENTS.id(), "sam", Map.of("auditDecision", "reject",
                "auditNote", "Two samples failed to come"));
        assertThat(process(application)).isEnded();
    }

    @Test
    void aDeclinedSampleIsOrderedAgainOnceEvenWhenTheCallIsRetriedAndAFailedQualityCheckTurnsItDown() {
        String code = code();
        long application = underAudit(code, "CN", sku(), OnboardingDriver.crossBorderPapers(today().plusYears(2)));

        // The applicant's first answer to our sample order is lost: the engine retries, the sample is ordered once
        supplier.failNextCalls(code, 1);
        onboarding.complete(application, AUDIT_DOCUMENTS.id(), "mary", Map.of("auditDecision", "accept"));
        onboarding.runJobs(application);
        Job failed = engine.getManagementService().createJobQuery().processInstanceId(onboarding.processInstanceId(
                application)).activityId(ORDER_SAMPLE.id()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        engine.getManagementService().setJobDuedate(failed.getId(), null);
        onboarding.runJobs(application);
        String first = sample(application, 1);
        assertThat(supplier.received(first).deliveries()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where application_id = ?", Long.class,
                application)).isEqualTo(1L);
        assertThat(process(application)).isWaitingAt(AWAIT_SAMPLE.id());

        // The applicant declines it; supervisors order another, which ships
        dropflow.supplierSays(code, first, "REJECTED", "OUT_OF_SAMPLES", null, null);
        assertThat(process(application)).hasPassed(SAMPLE_DECLINED.id()).isWaitingAt(AUDIT_DOCUMENTS.id());
        // Its portal sees, as staff do, that the application went to the supervisors
        assertThat(DropflowDriver.read(dropflow.get("/api/webhooks/onboarding/applications/" + application,
                DropflowDriver.asPartner()).getBody()).path("escalated").asBoolean()).isTrue();

        // It ships the declined sample all the same: the operator's task speaks of a sample, not of a consumer's order
        String shippedAnyway = "declined-sample-shipped-" + application;
        assertThat(dropflow.postRaw("/api/webhooks/suppliers/" + code + "/events", "{\"eventId\":\"" + shippedAnyway
                + "\",\"type\":\"SHIPPED\",\"purchaseOrderNumber\":\"" + first
                + "\",\"carrierCode\":\"SF\",\"trackingNumber\":\"SF" + application + "\"}", DropflowDriver.asPartner())
                .getBody()).contains("\"STALE\"");
        Task attention = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(
                io.dropflow.partners.process.PartnerAttentionProcess.businessKey(jdbc.queryForObject("select id from"
                        + " partner_delivery where partner = 'supplier' and account = ? and delivery_id = ?", Long.class,
                        code, shippedAnyway))).singleResult();
        assertThat(attention.getName()).isEqualTo("Supplier shipped a declined purchase order");
        assertThat(String.valueOf(dropflow.facts(attention).get("lastError")))
                .startsWith(code + " shipped sample purchase order " + first + " as SF SF" + application
                        + " after it had declined it: Dropflow does not follow this parcel. It is the applicant's sample")
                .contains("went back to the supervisors' audit").doesNotContain("refunded");
        sampleShipped(application, code, sampleOrdered(application, "sam", 2));

        // Not conclusive: a third sample; it fails
        onboarding.complete(application, CHECK_SAMPLE_QUALITY.id(), "sam",
                Map.of("qualityResult", "new_sample", "qualityNotes", "the glaze differs from the photos; send another"));
        onboarding.runJobs(application);
        sampleShipped(application, code, sample(application, 3));
        onboarding.complete(application, CHECK_SAMPLE_QUALITY.id(), "sam",
                Map.of("qualityResult", "failed", "qualityNotes", "cracks in two of three woks"));

        assertThat(process(application)).hasPassed("end_sample_failed", "boundary_sample_failed", REJECT_APPLICATION.id())
                .isEnded();
        assertThat(onboarding.application(application).path("rejectionReason").asText())
                .isEqualTo("the sample failed its quality check: cracks in two of three woks");
        assertThat(onboarding.application(application).path("sample").path("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void overdueChecksEscalateAndTheAgreementIsSentBackUntilItIsRevisedOrTurnedDown() {
        String code = code();
        long application = underAudit(code, "CN", sku(), OnboardingDriver.crossBorderPapers(today().plusYears(2)));
        sampleShipped(application, code, sampleOrdered(application, "mary", 1));

        // The quality check is overdue: supervisors get it too
        onboarding.fireTimer(application, QUALITY_CHECK_OVERDUE.id());
        assertThat(onboarding.candidateGroups(onboarding.task(application, CHECK_SAMPLE_QUALITY.id())))
                .contains("supervisors");
        assertThat(process(application)).hasPassed(QUALITY_CHECK_ESCALATED.id());
        onboarding.complete(application, CHECK_SAMPLE_QUALITY.id(), "sam",
                Map.of("qualityResult", "passed", "qualityNotes", "fine"));

        // The review is overdue: it moves to the top
        onboarding.fireTimer(application, AGREEMENT_REVIEW_OVERDUE.id());
        assertThat(onboarding.task(application, REVIEW_AGREEMENT.id()).getPriority()).isEqualTo(Escalation.ESCALATED_PRIORITY);
        assertThat(process(application)).hasPassed(AGREEMENT_REVIEW_ESCALATED.id());

        // Sent back; the applicant stays silent; sent back again; the revision comes
        onboarding.complete(application, REVIEW_AGREEMENT.id(), "sam", Map.of("agreementDecision", "revise",
                "agreementNote", "7.80 EUR is above the market: offer 7.20"));
        assertThat(process(application)).isWaitingAt(AWAIT_REVISED_AGREEMENT.id());
        assertThat(onboarding.application(application).path("status").asText()).isEqualTo("AWAITING_REVISED_AGREEMENT");
        onboarding.fireTimer(application, REVISION_OVERDUE.id());
        assertThat(process(application)).isWaitingAt(REVIEW_AGREEMENT.id());
        assertThat(history(application)).anyMatch(e -> e.contains("the applicant sent no revised agreement in time"));
        onboarding.complete(application, REVIEW_AGREEMENT.id(), "sam", Map.of("agreementDecision", "revise",
                "agreementNote", "Last call: 7.20"));
        ResponseEntity<String> revised = onboarding.reviseAgreement(application,
                OnboardingDriver.agreement(List.of(OnboardingDriver.offer("TEST-WOK-REVISED", "7.50"))));
        assertThat(revised.getStatusCode().value()).as(revised.getBody()).isEqualTo(202);
        assertThat(process(application)).hasPassed(AGREEMENT_REVISED.id()).isWaitingAt(REVIEW_AGREEMENT.id());
        JsonNode agreement = onboarding.application(application).path("agreement");
        assertThat(agreement.path("revisions").asInt()).isEqualTo(2);
        assertThat(agreement.path("offers").get(0).path("supplyPrice").decimalValue()).isEqualByComparingTo("7.50");

        onboarding.complete(application, REVIEW_AGREEMENT.id(), "sam", Map.of("agreementDecision", "reject",
                "agreementNote", "no agreement on price"));
        assertThat(process(application)).hasPassed("end_agreement_turned_down", "boundary_agreement_turned_down",
                REJECT_APPLICATION.id()).isEnded();
        assertThat(supplierStatus(code)).isEqualTo("REJECTED");
    }

    /** An application whose agreement a supervisor sent back: the process waits for the revision or its deadline. */
    private long awaitingRevision(String code) {
        long application = underAudit(code, "CN", sku(), OnboardingDriver.crossBorderPapers(today().plusYears(2)));
        sampleShipped(application, code, sampleOrdered(application, "mary", 1));
        onboarding.complete(application, CHECK_SAMPLE_QUALITY.id(), "sam",
                Map.of("qualityResult", "passed", "qualityNotes", "fine"));
        onboarding.complete(application, REVIEW_AGREEMENT.id(), "sam", Map.of("agreementDecision", "revise",
                "agreementNote", "7.80 EUR is above the market: offer 7.20"));
        assertThat(process(application)).isWaitingAt(AWAIT_REVISED_AGREEMENT.id());
        return application;
    }

    private static ApplicationForm.ProposedAgreement revisedAt(String price) {
        return new ApplicationForm.ProposedAgreement("EUR", "AQL 2.5", List.of(new ApplicationForm.ProposedOffer(
                "TEST-WOK-REVISED", "SUP-TEST-WOK-REVISED", new BigDecimal(price), new BigDecimal("2.00"), 300, "CN", 72,
                "homeware")));
    }

    @Test
    void aRevisionTakenAsItsDeadlinesTimerRunsIsReviewedAsRevisedNeverAsOverdue() {
        String code = code();
        long application = awaitingRevision(code);
        Job deadline = onboarding.timer(application, REVISION_OVERDUE.id());
        ClockUtil.setCurrentTime(deadline.getDuedate());

        // The revision is taken (the application is under review with its terms, its message in the inbox), and
        // the deadline's timer runs before that message reaches the process, as when the job executor took the
        // timer while the revision came: the message then finds no wait and stays in the inbox.
        transactions.executeWithoutResult(tx -> {
            intake.reviseAgreement(application, revisedAt("7.20"), Party.APPLICANT);
            engine.getManagementService().executeJob(deadline.getId());
        });

        JsonNode view = onboarding.application(application);
        assertThat(view.path("status").asText()).isEqualTo("AGREEMENT_REVIEW");
        assertThat(view.path("agreement").path("offers").get(0).path("supplyPrice").decimalValue())
                .isEqualByComparingTo("7.20");
        assertThat(history(application)).anyMatch(e -> e.startsWith("Revised the agreement"))
                .noneMatch(e -> e.contains("no revised agreement in time"));
        assertThat(view.path("escalated").asBoolean()).as("escalated for a silence that was not").isFalse();
        assertThat(process(application)).isWaitingAt(REVIEW_AGREEMENT.id()).hasNotPassed(ESCALATE_SILENT_REVISION.id())
                .hasPassed(REVISION_OVERDUE.id(), CHECK_REVISION_TAKEN.id());
        assertThat(onboarding.candidateGroups(onboarding.task(application, REVIEW_AGREEMENT.id())))
                .containsExactly("supervisors");

        // The first revision's message, left in the inbox, moves nothing later: the next revision asked for is taken
        onboarding.complete(application, REVIEW_AGREEMENT.id(), "sam", Map.of("agreementDecision", "revise",
                "agreementNote", "7.20 without the shipping cost"));
        ResponseEntity<String> next = onboarding.reviseAgreement(application,
                OnboardingDriver.agreement(List.of(OnboardingDriver.offer("TEST-WOK-REVISED", "7.10"))));
        assertThat(next.getStatusCode().value()).as(next.getBody()).isEqualTo(202);
        assertThat(process(application)).hasPassed(AGREEMENT_REVISED.id()).isWaitingAt(REVIEW_AGREEMENT.id());
        assertThat(onboarding.application(application).path("agreement").path("revisions").asInt()).isEqualTo(2);
    }

    @Test
    void aRevisionSentWhileItsDeadlinesTimerRunsIsRefusedAndTheApplicationIsOnlyOverdue() throws Exception {
        String code = code();
        long application = awaitingRevision(code);
        Job deadline = onboarding.timer(application, REVISION_OVERDUE.id());
        ClockUtil.setCurrentTime(deadline.getDuedate());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The deadline's timer runs and holds its transaction until the revision waits for the application
            CountDownLatch ran = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> timer = pool.submit(() -> transactions.executeWithoutResult(tx -> {
                engine.getManagementService().executeJob(deadline.getId());
                ran.countDown();
                awaitQuietly(commit);
            }));
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
            Future<ResponseEntity<String>> revision = pool.submit(() ->
                    onboarding.reviseAgreement(application, OnboardingDriver.agreement(List.of(
                            OnboardingDriver.offer("TEST-WOK-REVISED", "7.20")))));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) == 0) {
                assertThat(revision.isDone()).as("the revision went through without waiting for the timer").isFalse();
                assertThat(System.nanoTime()).as("the revision waits for the timer's lock").isLessThan(until);
                Thread.sleep(10);
            }
            commit.countDown();
            timer.get(30, TimeUnit.SECONDS);

            ResponseEntity<String> refused = revision.get(30, TimeUnit.SECONDS);
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
            assertThat(DropflowDriver.read(refused.getBody()).path("detail").asText())
                    .contains("is AGREEMENT_REVIEW: a revised agreement is taken when a supervisor sent the agreement back; "
                            + "the one asked for was due by " + deadline.getDuedate().toInstant() + " and is awaited no more");
        } finally {
            pool.shutdownNow();
        }
        assertThat(process(application)).isWaitingAt(REVIEW_AGREEMENT.id()).hasPassed(ESCALATE_SILENT_REVISION.id());
        JsonNode view = onboarding.application(application);
        assertThat(view.path("escalated").asBoolean()).isTrue();
        assertThat(view.path("agreement").path("offers").get(0).path("supplyPrice").decimalValue())
                .as("the terms under review are those the supervisor sent back").isEqualByComparingTo("7.80");
        assertThat(history(application)).anyMatch(e -> e.contains("no revised agreement in time"))
                .noneMatch(e -> e.startsWith("Revised the agreement"));
        assertThat(jdbc.queryForObject("select count(*) from inbox_message where business_key = ? and message_name = ?",
                Integer.class, SupplierOnboardingProcess.businessKey(application),
                SupplierOnboardingProcess.Message.AGREEMENT_REVISED.messageName())).as("no revision kept for later").isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the supplier's standing

    @Test
    void aLapsedCertificateSuspendsTheSupplierUntilItIsRenewed() {
        String code = code();
        String sku = sku();
        LocalDate validUntil = today().plusDays(60);
        long application = onboarded(code, sku, validUntil);
        Instant lapses = validUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(onboarding.timer(application, EXPIRY_REMINDER.id()).getDuedate().toInstant())
                .isEqualTo(lapses.minus(Duration.ofDays(45)));

        // 45 days before it lapses an operator is asked to chase the renewal
        moveClockTo(lapses.minus(Duration.ofDays(44)));
        onboarding.runDueTimers(application);
        Task chase = onboarding.task(application, CHASE_RENEWAL.id());
        assertThat(chase).isNotNull();
        assertThat(chase.getDueDate().toInstant()).isEqualTo(lapses);
        assertThat(summary(chase)).contains("\"validUntil\":\"" + validUntil + "\"");
        assertThat(dropflow.facts(chase)).as("the paper to renew").containsEntry("renewalDocument",
                io.dropflow.onboarding.DocumentType.QUALITY_CERTIFICATE.label())
                .containsEntry("renewalReference", OnboardingDriver.document("QUALITY_CERTIFICATE", null).get("reference"))
                .containsEntry("renewalValidUntil", validUntil.toString());
        assertThat(onboarding.application(application).path("documents").toString()).contains("remindedAt");

        // Nobody gets it renewed: the day it lapses, the supplier is suspended
        moveClockTo(lapses.plusSeconds(60));
        onboarding.runDueTimers(application);
        assertThat(process(application)).hasPassed(DOCUMENT_LAPSED_DURING_CHASE.id(), SUSPEND_FOR_LAPSE.id())
                .isWaitingAt(AWAIT_LATE_RENEWAL.id());
        assertThat(supplierStatus(code)).isEqualTo("SUSPENDED");
        long order = dropflow.placeOrder(sku, 1, "19.00").orderId();
        dropflow.runJobs(order);
        assertThat(supplier.receivedFor(order)).isEmpty();

        // The renewed certificate reinstates it, and its expiry is watched
        ResponseEntity<String> renewed = onboarding.renew(code,
                OnboardingDriver.document("QUALITY_CERTIFICATE", validUntil.plusYears(3)));
        assertThat(renewed.getStatusCode().value()).as(renewed.getBody()).isEqualTo(202);
        assertThat(process(application)).hasPassed(REINSTATE_SUPPLIER.id()).isWaitingAt(AWAIT_EXPIRY_REMINDER.id());
        assertThat(supplierStatus(code)).isEqualTo("ACTIVE");
        assertThat(history(application)).anyMatch(e -> e.contains("the supplier is reinstated"));
    }

    @Test
    void renewalsStartTheWatchOverAndLapsedPapersLeftUnrenewedEndTheRelationship() {
        String code = code();
        LocalDate validUntil = today().plusDays(60);
        long application = onboarded(code, sku(), validUntil);

        // Renewed before the reminder, and again while an operator chases it
        onboarding.renew(code, OnboardingDriver.document("QUALITY_CERTIFICATE", validUntil.plusYears(1)));
        assertThat(process(application)).hasPassed(DOCUMENT_RENEWED_EARLY.id()).isWaitingAt(AWAIT_EXPIRY_REMINDER.id());
        onboarding.fireTimer(application, EXPIRY_REMINDER.id());
        onboarding.renew(code, OnboardingDriver.document("QUALITY_CERTIFICATE", validUntil.plusYears(2)));
        assertThat(process(application)).hasPassed(RENEWED_DURING_CHASE.id()).isWaitingAt(AWAIT_EXPIRY_REMINDER.id());
        assertThat(onboarding.task(application, CHASE_RENEWAL.id())).isNull();

        // Chased; an unrelated renewal does not start the chase again
        onboarding.fireTimer(application, EXPIRY_REMINDER.id());
        onboarding.complete(application, CHASE_RENEWAL.id(), "mary", Map.of("chaseNote", "renewal audit booked for May"));
        assertThat(process(application)).isWaitingAt(AWAIT_RENEWAL.id());
        onboarding.renew(code, withReference(OnboardingDriver.document("TAX_REGISTRATION", null), "TAX-2027"));
        assertThat(process(application)).hasPassed(DOCUMENT_RENEWED.id()).isWaitingAt(AWAIT_RENEWAL.id());
        assertThat(onboarding.task(application, CHASE_RENEWAL.id())).isNull();

        // It lapses; not renewed in time, supervisors decide; their decision is overdue too
        onboarding.fireTimer(application, DOCUMENT_LAPSED.id());
        assertThat(supplierStatus(code)).isEqualTo("SUSPENDED");
        onboarding.fireTimer(application, RENEWAL_OVERDUE.id());
        Task decide = onboarding.task(application, DECIDE_LAPSED_SUPPLIER.id());
        assertThat(onboarding.candidateGroups(decide)).containsExactly("supervisors");
        onboarding.fireTimer(application, LAPSE_DECISION_OVERDUE.id());
        assertThat(onboarding.task(application, DECIDE_LAPSED_SUPPLIER.id()).getPriority())
                .isEqualTo(Escalation.ESCALATED_PRIORITY);
        onboarding.complete(application, DECIDE_LAPSED_SUPPLIER.id(), "sam",
                Map.of("lapseDecision", "keep_waiting", "lapseNote", "the auditor comes next week"));
        assertThat(process(application)).isWaitingAt(AWAIT_LATE_RENEWAL.id());

        onboarding.fireTimer(application, RENEWAL_OVERDUE.id());
        onboarding.complete(application, DECIDE_LAPSED_SUPPLIER.id(), "sam",
                Map.of("lapseDecision", "end_relationship", "lapseNote", "no certificate for three months"));
        assertThat(process(application)).hasPassed(SUPPLIER_DELISTED.id(), RELATIONSHIP_ENDED.id()).isEnded();
        assertThat(supplierStatus(code)).isEqualTo("SUSPENDED");
        assertThat(history(application)).anyMatch(e -> e.contains("Ended the relationship"));
    }

    @Test
    void aRenewalSentWhileSupervisorsDecideOnTheLapsedSupplierShowsOnTheirForm() {
        String code = code();
        LocalDate validUntil = today().plusDays(60);
        long application = onboarded(code, sku(), validUntil);
        onboarding.fireTimer(application, EXPIRY_REMINDER.id());
        onboarding.complete(application, CHASE_RENEWAL.id(), "mary", Map.of("chaseNote", "asked for the renewal"));
        onboarding.fireTimer(application, DOCUMENT_LAPSED.id());
        onboarding.fireTimer(application, RENEWAL_OVERDUE.id());
        Task decide = onboarding.task(application, DECIDE_LAPSED_SUPPLIER.id());
        assertThat(summary(decide)).contains("\"validUntil\":\"" + validUntil + "\"");

        // The renewal arrives while the supervisors' decision is open: their form shows it
        LocalDate renewedUntil = validUntil.plusYears(3);
        ResponseEntity<String> renewed = onboarding.renew(code,
                withReference(OnboardingDriver.document("QUALITY_CERTIFICATE", renewedUntil), "ISO-LATE"));
        assertThat(renewed.getStatusCode().value()).as(renewed.getBody()).isEqualTo(202);
        onboarding.showPapers(application);
        Task open = onboarding.task(application, DECIDE_LAPSED_SUPPLIER.id());
        assertThat(open.getId()).isEqualTo(decide.getId());
        assertThat(summary(open)).contains("\"reference\":\"ISO-LATE\"", "\"validUntil\":\"" + renewedUntil + "\"",
                "papersInOrder=true", "Renewed quality management certificate")
                .doesNotContain("\"validUntil\":\"" + validUntil + "\"");

        // Waiting longer, the kept renewal reinstates the supplier
        onboarding.complete(application, DECIDE_LAPSED_SUPPLIER.id(), "sam",
                Map.of("lapseDecision", "keep_waiting", "lapseNote", "the renewal has come"));
        assertThat(process(application)).hasPassed(REINSTATE_SUPPLIER.id()).isWaitingAt(AWAIT_EXPIRY_REMINDER.id());
        assertThat(supplierStatus(code)).isEqualTo("ACTIVE");
    }

    @Test
    void aRenewalSentAgainIsTakenOnceAndAnOlderOneNeverReplacesTheCertificateInForce() {
        String code = code();
        LocalDate validUntil = today().plusDays(400);
        long application = onboarded(code, sku(), validUntil);

        // The supplier renews its certificate for two more years
        LocalDate renewedUntil = validUntil.plusYears(2);
        Map<String, Object> renewal = withReference(OnboardingDriver.document("QUALITY_CERTIFICATE", renewedUntil),
                "ISO-2029");
        ResponseEntity<String> renewed = onboarding.renew(code, renewal);
        assertThat(renewed.getStatusCode().value()).as(renewed.getBody()).isEqualTo(202);
        assertThat(process(application)).isWaitingAt(AWAIT_EXPIRY_REMINDER.id());
        Date reminder = onboarding.timer(application, EXPIRY_REMINDER.id()).getDuedate();
        assertThat(reminder.toInstant()).isEqualTo(renewedUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .minus(Duration.ofDays(45)));

        // The portal retries it (same type, reference, expiry and file): answered as the first, stored once
        ResponseEntity<String> again = onboarding.renew(code, renewal);
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(202);
        assertThat(documentsOf(application, "QUALITY_CERTIFICATE")).hasSize(2);
        assertThat(history(application)).filteredOn(e -> e.startsWith("Renewed quality management certificate"))
                .hasSize(1);

        // An older renewal delivered late is refused, naming its expiry and the certificate in force
        LocalDate olderUntil = validUntil.plusDays(30);
        ResponseEntity<String> late = onboarding.renew(code,
                withReference(OnboardingDriver.document("QUALITY_CERTIFICATE", olderUntil), "ISO-OLD"));
        assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(409);
        JsonNode problem = DropflowDriver.read(late.getBody());
        assertThat(problem.path("type").asText()).endsWith("renewal-outdated");
        assertThat(problem.path("detail").asText()).contains(olderUntil.toString(), "ISO-2029", renewedUntil.toString());
        assertThat(problem.path("expiresOn").asText()).isEqualTo(olderUntil.toString());
        assertThat(problem.path("inForce").path("reference").asText()).isEqualTo("ISO-2029");
        assertThat(problem.path("inForce").path("expiresOn").asText()).isEqualTo(renewedUntil.toString());

        // The certificate in force stays, and so does its watch: no earlier lapse, no renewal chase
        List<JsonNode> certificates = documentsOf(application, "QUALITY_CERTIFICATE");
        assertThat(certificates).hasSize(2);
        assertThat(certificates.get(1).path("reference").asText()).isEqualTo("ISO-2029");
        assertThat(onboarding.application(application).path("notInOrder")).isEmpty();
        onboarding.runJobs(application);
        assertThat(onboarding.timer(application, EXPIRY_REMINDER.id()).getDuedate()).isEqualTo(reminder);
        assertThat(onboarding.task(application, CHASE_RENEWAL.id())).isNull();
    }

    @Test
    void aSupplierItsScorecardFlagsIsReviewedCoachedKeptAndSuspended() {
        String code = code();
        String sku = sku();
        long application = onboarded(code, "DE", sku, List.of(OnboardingDriver.document("BUSINESS_LICENCE", null),
                OnboardingDriver.document("TAX_REGISTRATION", null)));
        // A domestic supplier's papers have no expiry date: only its scorecard is watched
        assertThat(process(application)).hasPassed(NOTHING_EXPIRES.id()).isWaitingAt(NEXT_SCORECARD_CHECK.id());

        // Its onboarding sample is not in its scorecard: judged by the quality check, it counts toward nothing
        JsonNode card = DropflowDriver.read(dropflow.get("/api/suppliers/" + code + "/scorecard",
                DropflowDriver.asOperator()).getBody());
        assertThat(card.path("purchaseOrders").asInt()).as(card.toString()).isZero();

        // Five orders, each shipped after 49 hours
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long order = dropflow.placeOrder(sku, 1, "19.00").orderId();
            dropflow.runJobs(order);
            dropflow.supplierSays(code, DropflowDriver.po(order, 1), "ACCEPTED");
            orders.add(order);
        }
        moveClockTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(49)));
        orders.forEach(order -> dropflow.supplierShipped(code, DropflowDriver.po(order, 1), "TRK-LATE-" + order));

        // The weekly check flags it; an operator reviews it, late, and coaches it for a week
        onboarding.fireTimer(application, NEXT_SCORECARD_CHECK.id());
        Task review = onboarding.task(application, REVIEW_PERFORMANCE.id());
        assertThat(onboarding.candidateGroups(review)).containsExactly("operators");
        assertThat(summary(review)).contains("shipped 0 % within 48 h (0 of 5)", "scorecardPurchaseOrders=5");
        onboarding.fireTimer(application, PERFORMANCE_REVIEW_OVERDUE.id());
        assertThat(onboarding.candidateGroups(onboarding.task(application, REVIEW_PERFORMANCE.id())))
                .contains("supervisors");
        onboarding.complete(application, REVIEW_PERFORMANCE.id(), "mary", Map.of("performanceDecision", "coach",
                "coachingDays", 7L, "performanceNote", "hire a second packer"));
        assertThat(process(application)).isWaitingAt(COACHING_DEADLINE.id());

        // Still flagged after the week: kept once, then suspended
        onboarding.fireTimer(application, COACHING_DEADLINE.id());
        onboarding.complete(application, REVIEW_PERFORMANCE.id(), "mary", Map.of("performanceDecision", "keep",
                "performanceNote", "Chinese New Year backlog"));
        onboarding.fireTimer(application, NEXT_SCORECARD_CHECK.id());
        onboarding.complete(application, REVIEW_PERFORMANCE.id(), "mary", Map.of("performanceDecision", "suspend",
                "performanceNote", "no improvement in two weeks"));
        assertThat(supplierStatus(code)).isEqualTo("SUSPENDED");

        // A suspended supplier is not reviewed again
        onboarding.fireTimer(application, NEXT_SCORECARD_CHECK.id());
        assertThat(process(application)).hasPassed(CHECK_SCORECARD.id()).isWaitingAt(NEXT_SCORECARD_CHECK.id());
        assertThat(onboarding.task(application, REVIEW_PERFORMANCE.id())).isNull();
        assertThat(history(application)).anyMatch(e -> e.contains("Suspended for shipping late: no improvement"));
    }
}
