package io.dropflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.onboarding.process.SupplierOnboardingProcess;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Drives supplier onboarding the way production does: applications, documents and agreements from
 * the supplier portal over HTTP (partner token), tasks completed as Tasklist completes them, and the
 * jobs and timers the job executor would run, executed on the test's thread.
 */
public class OnboardingDriver {

    /** A PDF's signature, followed by filler: what a scanned licence looks like to our checks. */
    public static final byte[] PDF = pdf(2048);

    private final RestClient http;
    private final ProcessEngine engine;

    public OnboardingDriver(int port, ProcessEngine engine) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        this.engine = engine;
    }

    public static byte[] pdf(int size) {
        byte[] content = new byte[size];
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    public static Map<String, Object> document(String type, LocalDate expiresOn) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", type);
        document.put("reference", "NO-" + type.length() + "-2026");
        document.put("expiresOn", expiresOn == null ? null : expiresOn.toString());
        return document;
    }

    public static Map<String, Object> offer(String sku, String price) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("sku", sku);
        offer.put("supplierSku", "SUP-" + sku);
        offer.put("supplyPrice", price);
        offer.put("shippingCost", "2.00");
        offer.put("stock", 300);
        offer.put("shipFrom", "CN");
        offer.put("shipByHours", 72);
        offer.put("category", "homeware");
        return offer;
    }

    public static Map<String, Object> agreement(List<Map<String, Object>> offers) {
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("currency", "EUR");
        agreement.put("qualityTerms", "AQL 2.5; defects above 2 % replaced at the supplier's cost");
        agreement.put("offers", offers);
        return agreement;
    }

    /** An application for homeware from {@code region} offering {@code sku}, describing {@code documents}. */
    public static Map<String, Object> application(String code, String region, String sku,
            List<Map<String, Object>> documents) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("code", code);
        application.put("companyName", code + " Co., Ltd.");
        application.put("contact", Map.of("name", "Li Wei", "email", "li.wei@" + code.toLowerCase() + ".example",
                "phone", "+86 20 5555 0100"));
        application.put("region", region);
        application.put("categories", List.of("homeware"));
        application.put("documents", documents);
        application.put("agreement", agreement(List.of(offer(sku, "7.80"))));
        return application;
    }

    /** The documents a cross-border homeware applicant from China needs, its quality certificate valid until {@code certificateUntil}. */
    public static List<Map<String, Object>> crossBorderPapers(LocalDate certificateUntil) {
        return List.of(document("BUSINESS_LICENCE", null), document("TAX_REGISTRATION", null),
                document("QUALITY_CERTIFICATE", certificateUntil), document("EXPORT_REGISTRATION", null));
    }

    /** A multipart request: the JSON part, and one PDF per described document in the part named by its type. */
    public static LinkedMultiValueMap<String, Object> multipart(String jsonPart, Object json,
            List<Map<String, Object>> documents) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add(jsonPart, part(json, MediaType.APPLICATION_JSON));
        for (Map<String, Object> document : documents) {
            body.add(String.valueOf(document.get("type")), file(document.get("type") + ".pdf", "application/pdf", PDF));
        }
        return body;
    }

    public static HttpEntity<Object> file(String name, String type, byte[] content) {
        return part(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }, MediaType.parseMediaType(type));
    }

    public static HttpEntity<Object> part(Object content, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(content, headers);
    }

    public ResponseEntity<String> postMultipart(String path, LinkedMultiValueMap<String, Object> body,
            Consumer<HttpHeaders> headers) {
        return http.post().uri(path).headers(headers).contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .retrieve().toEntity(String.class);
    }

    /** The supplier portal sends the application with a PDF for each document it describes. */
    @SuppressWarnings("unchecked")
    public ResponseEntity<String> apply(Map<String, Object> application) {
        return postMultipart("/api/webhooks/onboarding/applications", multipart("application", application,
                (List<Map<String, Object>>) application.get("documents")), DropflowDriver.asPartner());
    }

    /** Applies and returns the application's id, failing on anything but 201. */
    public long applied(Map<String, Object> application) {
        ResponseEntity<String> response = apply(application);
        if (response.getStatusCode().value() != 201) {
            throw new IllegalStateException("application refused: " + response.getBody());
        }
        return DropflowDriver.read(response.getBody()).path("id").asLong();
    }

    public ResponseEntity<String> sendDocuments(long applicationId, List<Map<String, Object>> documents) {
        return postMultipart("/api/webhooks/onboarding/applications/" + applicationId + "/documents",
                multipart("documents", Map.of("documents", documents), documents), DropflowDriver.asPartner());
    }

    public ResponseEntity<String> renew(String supplierCode, Map<String, Object> document) {
        return postMultipart("/api/webhooks/onboarding/suppliers/" + supplierCode + "/documents",
                multipart("document", document, List.of(document)), DropflowDriver.asPartner());
    }

    public ResponseEntity<String> reviseAgreement(long applicationId, Map<String, Object> agreement) {
        return http.put().uri("/api/webhooks/onboarding/applications/{id}/agreement", applicationId)
                .headers(DropflowDriver.asPartner()).contentType(MediaType.APPLICATION_JSON).body(agreement)
                .retrieve().toEntity(String.class);
    }

    /** What staff see of the application. */
    public JsonNode application(long applicationId) {
        return DropflowDriver.read(http.get().uri("/api/onboarding/applications/{id}", applicationId)
                .headers(DropflowDriver.asOperator()).retrieve().toEntity(String.class).getBody());
    }

    public String processInstanceId(long applicationId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(SupplierOnboardingProcess.businessKey(applicationId)).singleResult().getId();
    }

    /** The asynchronous continuations that are due, run as the job executor would, until none is left. */
    public void runJobs(long applicationId) {
        String instance = processInstanceId(applicationId);
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance).messages()
                    .executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // recorded on the job (retries, exception message), as the job executor does
                }
            }
        }
        throw new IllegalStateException("jobs keep coming for application " + applicationId);
    }

    /**
     * The jobs an upload of the application's documents wrote, each to put its papers on the application's open
     * tasks (supplier-onboarding-papers.bpmn), oldest first; a failed one stays until it is retried.
     */
    public List<Job> papersJobs(long applicationId) {
        return io.dropflow.processengine.MessageStartsLater.waiting(engine,
                io.dropflow.onboarding.process.OnboardingPapersProcess.PROCESS_KEY,
                io.dropflow.onboarding.process.OnboardingPapersProcess.businessKey(applicationId));
    }

    /** Runs the papers' jobs that have retries left, as the job executor does once the upload committed. */
    public void showPapers(long applicationId) {
        papersJobs(applicationId).stream().filter(job -> job.getRetries() > 0)
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    /** The timer job at {@code activityId} (a timer event or a boundary timer), or null. */
    public Job timer(long applicationId, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId(applicationId))
                .timers().activityId(activityId).singleResult();
    }

    /** Fires a timer now, whatever its due date (the engine clock is not moved). */
    public void fireTimer(long applicationId, String activityId) {
        Job timer = timer(applicationId, activityId);
        if (timer == null) {
            throw new IllegalStateException("no timer at " + activityId + " for application " + applicationId);
        }
        engine.getManagementService().executeJob(timer.getId());
    }

    /** Runs every timer of the application that is due by the engine clock (after a test moved it). */
    public int runDueTimers(long applicationId) {
        List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId(applicationId))
                .timers().executable().list();
        due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        return due.size();
    }

    /** The open task of one user task element, or null. */
    public Task task(long applicationId, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId(applicationId))
                .taskDefinitionKey(taskKey).singleResult();
    }

    public List<String> candidateGroups(Task task) {
        List<String> groups = new ArrayList<>();
        engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getGroupId() != null).forEach(l -> groups.add(l.getGroupId()));
        return groups;
    }

    /** {@code user} claims the task in Tasklist and completes its form with {@code form}. */
    public void complete(long applicationId, String taskKey, String user, Map<String, Object> form) {
        Task task = task(applicationId, taskKey);
        if (task == null) {
            throw new IllegalStateException("no open task " + taskKey + " for application " + applicationId);
        }
        engine.getTaskService().claim(task.getId(), user);
        engine.getTaskService().complete(task.getId(), form);
    }
}
