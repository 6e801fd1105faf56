package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What an analyst (anna) may deploy and delete through the engine REST API, as an exploratory tester
 * found it: a model with a timer start and a service task expression, deployed by anna, read the
 * administrators' ids in the job executor into a variable she could read (200); a cascading delete of a
 * deployment ended its running instances (204); a delete without cascade of one in use was a 500.
 * The administrator (demo) deploys and deletes what they want; an analyst still deploys the shipped
 * models, changed, and FEEL decision tables.
 */
@DropflowTest
class ModelDeploymentRightsTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentitySetup identitySetup;

    ApiCallers api;
    String suffix;

    @BeforeEach
    void setUp() {
        api = new ApiCallers(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeWhatWasDeployed() {
        engine.getRepositoryService().createDeploymentQuery().deploymentNameLike("%" + suffix).list()
                .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    /** The tester's probe: every second once, the administrators' ids read into a variable. */
    private String probe() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    targetNamespace="https://dropflow.io/test">
                  <process id="probe_%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start_probe"><timerEventDefinition><timeCycle>R1/PT1S</timeCycle></timerEventDefinition></startEvent>
                    <sequenceFlow id="f1" sourceRef="start_probe" targetRef="service_probe"/>
                    <serviceTask id="service_probe" camunda:expression="${execution.setVariable('admins', execution.processEngineServices.identityService.createUserQuery().memberOfGroup('camunda-admin').list().get(0).id)}"/>
                    <sequenceFlow id="f2" sourceRef="service_probe" targetRef="end_probe"/>
                    <endEvent id="end_probe"/>
                  </process>
                </definitions>
                """.formatted(suffix);
    }

    /** A decision table whose input is read with JUEL: code, run in the engine when the table decides. */
    private String juelTable() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="definitions_probe" name="Probe" namespace="https://dropflow.io/test">
                  <decision id="probe_table_%s" name="Probe" camunda:historyTimeToLive="P1D">
                    <decisionTable id="table_probe">
                      <input id="input_admins" label="Admins">
                        <inputExpression id="input_admins_expr" typeRef="string" expressionLanguage="juel"><text>${execution.processEngineServices.identityService.createUserQuery().count()}</text></inputExpression>
                      </input>
                      <output id="output_seen" name="seen" typeRef="string"/>
                      <rule id="rule_any"><inputEntry id="rule_any_in"><text></text></inputEntry><outputEntry id="rule_any_out"><text>"yes"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(suffix);
    }

    private ResponseEntity<String> deploy(String user, String name, Map<String, String> files) {
        return deploy(user, name, files, Map.of());
    }

    /** The same, with more fields of the engine's form ({@code deploy-changed-only}, …). */
    private ResponseEntity<String> deploy(String user, String name, Map<String, String> files,
            Map<String, String> fields) {
        String boundary = "dropflow-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "-" + suffix + "\r\n");
        fields.forEach((field, value) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(field).append("\"\r\n\r\n").append(value)
                .append("\r\n"));
        files.forEach((file, content) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(file).append("\"; filename=\"").append(file)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return ResponseEntity.status(answer.statusCode()).body(answer.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private long deployed(String name) {
        return engine.getRepositoryService().createDeploymentQuery().deploymentName(name + "-" + suffix).count();
    }

    @Test
    void anAnalystDeploysNoExpressionOfHerOwn() {
        ResponseEntity<String> probe = deploy("anna", "probe", Map.of("probe.bpmn", probe()));

        assertThat(probe.getStatusCode().value()).as(probe.getBody()).isEqualTo(403);
        assertThat(probe.getBody()).contains("anna may not deploy this").contains("probe.bpmn: element service_probe")
                .contains("camunda:expression").contains("${execution.setVariable('admins'");
        assertThat(deployed("probe")).isZero();
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("probe_" + suffix).count()).isZero();
    }

    /**
     * The review's bypass: a language attribute of another namespace made the service task look like a script whose
     * text (a shipped "${true}") passed, and the listener inside it was never read. Run before the fix, anna's
     * deployment was a 200 and its timer read an administrator's id.
     */
    @Test
    void nothingHidesInsideAnElementThatLooksLikeAScript() {
        String model = probe().replace("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"",
                        "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:x=\"urn:x\"")
                .replace("<serviceTask id=\"service_probe\" camunda:expression=\"", "<serviceTask id=\"service_probe\""
                        + " x:language=\"n\" camunda:expression=\"${true}\"><documentation>${true}</documentation>"
                        + "<extensionElements><camunda:executionListener event=\"start\" expression=\"")
                .replace(".id)}\"/>", ".id)}\"/></extensionElements></serviceTask>");
        assertThat(model).contains("x:language").contains("</extensionElements></serviceTask>");

        ResponseEntity<String> hidden = deploy("anna", "hidden", Map.of("probe.bpmn", model));

        assertThat(hidden.getStatusCode().value()).as(hidden.getBody()).isEqualTo(403);
        assertThat(hidden.getBody()).contains("${execution.setVariable('admins'");
        assertThat(deployed("hidden")).isZero();
    }

    @Test
    void anAnalystDeploysNoScriptNorAnythingButModelsAndForms() {
        String script = probe().replace("<serviceTask id=\"service_probe\" camunda:expression=\"${execution.setVariable('admins', execution.processEngineServices.identityService.createUserQuery().memberOfGroup('camunda-admin').list().get(0).id)}\"/>",
                "<scriptTask id=\"service_probe\" scriptFormat=\"groovy\"><script>System.exit(1)</script></scriptTask>");
        ResponseEntity<String> scripted = deploy("anna", "script", Map.of("script.bpmn", script));
        assertThat(scripted.getStatusCode().value()).as(scripted.getBody()).isEqualTo(403);
        assertThat(scripted.getBody()).contains("element service_probe has a script (scriptTask)").contains("System.exit(1)");

        ResponseEntity<String> page = deploy("anna", "page", Map.of("form.html", "<script>alert(1)</script>"));
        assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(403);
        assertThat(page.getBody()).contains("form.html is not a model or form");
        assertThat(deployed("script") + deployed("page")).isZero();
    }

    @Test
    void anAnalystDeploysNoDecisionTableWithJuel() {
        ResponseEntity<String> juel = deploy("anna", "juel", Map.of("probe.dmn", juelTable()));

        assertThat(juel.getStatusCode().value()).as(juel.getBody()).isEqualTo(403);
        assertThat(juel.getBody()).contains("probe.dmn: element input_admins_expr has expressionLanguage=\\\"juel\\\"");
        assertThat(deployed("juel")).isZero();
    }

    /** What analysts do (docs/modeling.md): a shipped model changed in Modeler, with its form; a FEEL table. */
    @Test
    void anAnalystDeploysAChangedShippedModelAndAFeelTable() throws IOException {
        String model = Files.readString(Path.of("bpmn", "partner-attention.bpmn"))
                .replace("id=\"partner_attention\"", "id=\"partner_attention_" + suffix + "\"")
                .replace("name=\"To the operator\"", "name=\"To an operator\"");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("partner-attention.bpmn", model);
        files.put("partner-attention.form", Files.readString(Path.of("forms", "partner-attention.form")));
        ResponseEntity<String> changed = deploy("anna", "changed", files);
        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);

        String table = Files.readString(Path.of("bpmn", "platform-fees.dmn"))
                .replace("id=\"platform_fees\"", "id=\"platform_fees_" + suffix + "\"")
                .replace("<text>0.03</text>", "<text>0.035</text>");
        // a table of her own, in a file of its own: the shipped file's name with another id is refused (explore s16, 1)
        ResponseEntity<String> feel = deploy("anna", "feel", Map.of("platform-fees-" + suffix + ".dmn", table));
        assertThat(feel.getStatusCode().value()).as(feel.getBody()).isEqualTo(200);
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("platform_fees_" + suffix).count()).isOne();
    }

    /** The deployment of that name, its resources' names. */
    private java.util.List<String> resourcesOf(String name) {
        var repository = engine.getRepositoryService();
        return repository.getDeploymentResourceNames(repository.createDeploymentQuery().deploymentName(name + "-" + suffix)
                .singleResult().getId());
    }

    /** The form definition a task bound to its deployment finds (null: none, and the task has no form). */
    private Object formFound(String name, String formId) {
        String deployment = engine.getRepositoryService().createDeploymentQuery().deploymentName(name + "-" + suffix)
                .singleResult().getId();
        return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> context.getCamundaFormDefinitionManager()
                        .findDefinitionByDeploymentAndKey(deployment, formId));
    }

    private String partnerAttention() throws IOException {
        return Files.readString(Path.of("bpmn", "partner-attention.bpmn"))
                .replace("id=\"partner_attention\" name=\"Partner attention\"",
                        "id=\"partner_attention_" + suffix + "\" name=\"Partner attention\"");
    }

    /**
     * An exploratory tester's D0: a model deployed alone, as Modeler's deploy button does without "Include additional
     * files" (and as modeling.md told analysts), was a 200 whose user tasks had no form (formRefBinding "deployment"
     * finds only the forms deployed with it) and no form input check. Dropflow's own form is added now.
     */
    @Test
    void aModelDeployedWithoutItsFormsGetsDropflowsForms() throws IOException {
        ResponseEntity<String> alone = deploy("anna", "alone", Map.of("partner-attention.bpmn", partnerAttention()));

        assertThat(alone.getStatusCode().value()).as(alone.getBody()).isEqualTo(200);
        assertThat(resourcesOf("alone")).containsExactlyInAnyOrder("partner-attention.bpmn", "partner-attention.form");
        assertThat(formFound("alone", "partner_attention")).as("the task's form, bound to its deployment").isNotNull();

        // the tester's own: the order model with one priority changed, alone; its four forms come with it
        String order = Files.readString(Path.of("bpmn", "order-fulfillment.bpmn"))
                .replace("id=\"order_fulfillment\"", "id=\"order_fulfillment_" + suffix + "\"")
                .replaceFirst("(id=\"user_sla_ship_by_breach\"[^>]*camunda:priority=\")80\"", "$185\"");
        assertThat(order).contains("camunda:priority=\"85\"");
        ResponseEntity<String> orderAlone = deploy("anna", "order-alone", Map.of("order-fulfillment.bpmn", order));
        assertThat(orderAlone.getStatusCode().value()).as(orderAlone.getBody()).isEqualTo(200);
        assertThat(resourcesOf("order-alone")).containsExactlyInAnyOrder("order-fulfillment.bpmn", "delivery-problem.form",
                "out-of-stock.form", "review-order.form", "ship-by-breach.form");
        for (String form : java.util.List.of("delivery_problem", "out_of_stock", "review_order", "ship_by_breach")) {
            assertThat(formFound("order-alone", form)).as(form).isNotNull();
        }
    }

    /** A form the analyst brings is the one deployed: Dropflow's is added only where the deployment has none. */
    @Test
    void aFormDeployedWithTheModelIsKept() throws IOException {
        String form = Files.readString(Path.of("forms", "partner-attention.form"));
        // another wording that has its Chinese entry (one without is refused: aTextWithoutItsChineseEntryIsRefused...)
        String changed = form.replace("\"label\": \"Decision\"", "\"label\": \"Review order\"");
        assertThat(changed).isNotEqualTo(form);
        ResponseEntity<String> both = deploy("anna", "both", Map.of("partner-attention.bpmn", partnerAttention(),
                "attention-changed.form", changed));

        assertThat(both.getStatusCode().value()).as(both.getBody()).isEqualTo(200);
        assertThat(resourcesOf("both")).containsExactlyInAnyOrder("partner-attention.bpmn", "attention-changed.form");
    }

    /** A form Dropflow does not have, not deployed with the model: refused, naming the task and the form. */
    @Test
    void aModelWhoseFormNobodyHasIsRefusedNamingTheTask() throws IOException {
        String model = partnerAttention().replace("camunda:formRef=\"partner_attention\"",
                "camunda:formRef=\"attention_of_my_own\"");
        ResponseEntity<String> refused = deploy("anna", "unknown-form", Map.of("partner-attention.bpmn", model));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText())
                .contains("partner-attention.bpmn: user task user_attend_partner_delivery (\"Attend to partner message\")"
                        + " uses form attention_of_my_own, which Dropflow does not have")
                .contains("Include additional files");
        assertThat(deployed("unknown-form")).isZero();
    }

    /**
     * The tester's D0b: a shipped form deployed alone was a 200 and a no-op (every task finds its form in its own
     * model's deployment). Now a 400 naming the model to deploy it with.
     */
    @Test
    void aFormDeployedWithoutItsModelIsRefusedNamingTheModel() throws IOException {
        ResponseEntity<String> refused = deploy("anna", "form-alone", Map.of("partner-attention.form",
                Files.readString(Path.of("forms", "partner-attention.form"))));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText())
                .contains("partner-attention.form (form partner_attention) is deployed without the model that uses it;"
                        + " partner-attention.bpmn: user task user_attend_partner_delivery")
                .contains("Include additional files");
        assertThat(deployed("form-alone")).isZero();
    }

    /**
     * The reviewer's F4: a model deployed with the whole forms/ folder (Modeler's "Include additional files", the easy
     * way) was a 400 because forms the model does not use were "deployed without the model that uses it". With a model
     * in the deployment they sit unused; only forms with no model at all are refused (above).
     */
    @Test
    void aModelDeployedWithFormsItDoesNotUseDeploys() throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("partner-attention.bpmn", partnerAttention());
        for (String form : java.util.List.of("partner-attention.form", "review-claim.form", "ship-by-breach.form")) {
            files.put(form, Files.readString(Path.of("forms", form)));
        }
        ResponseEntity<String> withFolder = deploy("anna", "with-folder", files);

        assertThat(withFolder.getStatusCode().value()).as(withFolder.getBody()).isEqualTo(200);
        assertThat(resourcesOf("with-folder")).containsExactlyInAnyOrderElementsOf(files.keySet());
        assertThat(formFound("with-folder", "partner_attention")).isNotNull();
    }

    /**
     * The reviewer's F12: with deploy-changed-only (older Modelers send it) the engine leaves out every file unchanged
     * since the last deployment of the same name, so the second deployment of a changed model held the model alone, and
     * its task found no form in its own deployment. The forms are deployed again with it now.
     */
    @Test
    void aChangedModelDeployedWithDeployChangedOnlyKeepsItsForms() throws IOException {
        Map<String, String> changedOnly = Map.of("deploy-changed-only", "true");
        ResponseEntity<String> first = deploy("anna", "changed-only", Map.of("partner-attention.bpmn", partnerAttention()),
                changedOnly);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        String changed = partnerAttention().replace("camunda:priority=\"60\"", "camunda:priority=\"65\"");
        assertThat(changed).isNotEqualTo(partnerAttention());

        ResponseEntity<String> second = deploy("anna", "changed-only", Map.of("partner-attention.bpmn", changed),
                changedOnly);

        assertThat(second.getStatusCode().value()).as(second.getBody()).isEqualTo(200);
        String latest = ApiCallers.json(second).path("id").asText();
        var repository = engine.getRepositoryService();
        assertThat(repository.getDeploymentResourceNames(latest)).containsExactlyInAnyOrder("partner-attention.bpmn",
                "partner-attention.form");
        Object form = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> context.getCamundaFormDefinitionManager()
                        .findDefinitionByDeploymentAndKey(latest, "partner_attention"));
        assertThat(form).as("the new model's task finds its form in its own deployment").isNotNull();

        // nothing changed: no new deployment, as deploy-changed-only promises
        ResponseEntity<String> again = deploy("anna", "changed-only", Map.of("partner-attention.bpmn", changed),
                changedOnly);
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
        assertThat(ApiCallers.json(again).path("id").asText()).isEqualTo(latest);
    }

    /** D6: an empty or cut-off upload was a 403 "may not deploy this" with a lecture about code, and "..". */
    @Test
    void aFileThatDoesNotParseIsABadRequestNamingIt() throws IOException {
        String cut = Files.readString(Path.of("bpmn", "supplier-scorecard.dmn")).substring(0, 200);
        for (Map<String, String> upload : java.util.List.of(Map.of("supplier-scorecard.dmn", ""),
                Map.of("supplier-scorecard.dmn", cut))) {
            ResponseEntity<String> refused = deploy("anna", "empty", upload);
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
            String message = ApiCallers.json(refused).path("message").asText();
            assertThat(message).contains("supplier-scorecard.dmn (it is not well-formed XML").doesNotContain("..")
                    .doesNotContain("may not deploy");
        }
        ResponseEntity<String> form = deploy("anna", "empty", Map.of("partner-attention.bpmn", partnerAttention(),
                "partner-attention.form", ""));
        assertThat(form.getStatusCode().value()).as(form.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(form).path("message").asText())
                .contains("partner-attention.form (not a Camunda form: JSON with its \"id\")");
        assertThat(deployed("empty")).isZero();
    }

    /**
     * s14 judge 6: a well-formed DMN that breaks the DMN schema (an attribute it does not allow, a hit policy it does
     * not have) was a 500 "ENGINE-22004 Unable to transform DMN resource" without line or reason.
     */
    @Test
    void aDmnAgainstTheSchemaIsABadRequestNamingTheFileTheLineAndTheRule() throws IOException {
        String sla = Files.readString(Path.of("bpmn", "shipping-sla.dmn"));
        ResponseEntity<String> colour = deploy("anna", "schema", Map.of("shipping-sla.dmn", sla.replace(
                "<decisionTable id=\"table_shipping_sla\"", "<decisionTable id=\"table_shipping_sla\" colour=\"red\"")));

        assertThat(colour.getStatusCode().value()).as(colour.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(colour).path("message").asText()).contains("shipping-sla.dmn (line 5 breaks the DMN"
                + " schema: Attribute 'colour' is not allowed to appear in element 'decisionTable'");
        ResponseEntity<String> sometimes = deploy("anna", "schema", Map.of("shipping-sla.dmn",
                sla.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\"")));
        assertThat(sometimes.getStatusCode().value()).as(sometimes.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(sometimes).path("message").asText()).contains("shipping-sla.dmn (line 5")
                .contains("'SOMETIMES'");
        assertThat(deployed("schema")).isZero();
    }

    /** D7: a copy of a message-started process (another id, the same start message) was a 500 (ENGINE-01011). */
    @Test
    void aCopyOfAMessageStartedProcessIsAConflict() throws IOException {
        String copy = Files.readString(Path.of("bpmn", "consumer-delay-notice.bpmn"))
                .replace("id=\"consumer_delay_notice\"", "id=\"copy_notice_" + suffix + "\"");
        ResponseEntity<String> refused = deploy("anna", "copy", Map.of("copy-notice.bpmn", copy));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
        assertThat(ApiCallers.json(refused).path("message").asText()).contains("ENGINE-01011")
                .contains("there already is a message event subscription").contains("give the copy's message another name");
        assertThat(deployed("copy")).isZero();
    }

    /**
     * An exploratory tester's D2: tables that break what the build checks (weights adding up to 2, a claim's rounds
     * beyond its resolve target) or what the application reads (an output renamed or retyped, an input renamed, a
     * duration in words) deployed with 200, and orders then failed or silently took the default row. Now each is a 400
     * naming the file, the table, the row and the rule; nothing is deployed.
     */
    /**
     * Exploratory test s16, defect 3: partner-attention.bpmn without its boundary timer "Not looked at in time" (and
     * the escalation it led to) deployed with 200 and ran: the task showed a due date, and nobody was ever escalated.
     * The build's rules that matter at run time ({@code ModelRules}) hold for a person's deployment too.
     */
    @Test
    void aModelThatBreaksARuleItNeedsToRunIsRefusedNamingTheElementAndTheRule() throws IOException {
        String noDeadline = withoutElements(partnerAttention(), "boundary_attention_overdue",
                "service_escalate_partner_attention", "end_attention_escalated", "flow_to_service_escalate_partner_attention",
                "flow_to_end_attention_escalated");
        assertThat(noDeadline).doesNotContain("boundary_attention_overdue").contains("user_attend_partner_delivery");
        ResponseEntity<String> refused = deploy("anna", "no-deadline", Map.of("partner-attention.bpmn", noDeadline));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText())
                .startsWith("A model breaks a rule it needs to run as drawn, nothing was deployed: partner-attention.bpmn,"
                        + " user task user_attend_partner_delivery (\"Attend to partner message\"): waits for a person without"
                        + " a drawn deadline")
                .contains("What the build refuses");
        assertThat(deployed("no-deadline")).isZero();

        String noDueDate = partnerAttention().replace(" camunda:dueDate=\"${taskDeadline.after(attentionDecisionTime)}\"", "");
        String generated = partnerAttention().replace("service_escalate_partner_attention", "Activity_0k3j2xq");
        ResponseEntity<String> both = deploy("anna", "due-and-id", Map.of("partner-attention.bpmn", noDueDate,
                "generated.bpmn", generated.replace("partner_attention_" + suffix, "partner_attention_g" + suffix)));
        assertThat(both.getStatusCode().value()).as(both.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(both).path("message").asText())
                .contains("partner-attention.bpmn, user task user_attend_partner_delivery (\"Attend to partner message\"):"
                        + " due never (no due date), but its deadline boundary_attention_overdue fires at"
                        + " ${taskDeadline.after(attentionDecisionTime)}")
                .contains("generated.bpmn, service task Activity_0k3j2xq (\"Hand to supervisors\"): keeps the id Camunda"
                        + " Modeler generated");
        assertThat(deployed("due-and-id")).isZero();
    }

    /**
     * Exploratory test s18 (H9): a partner step turned into an external task deployed (200) and then waited for ever:
     * Dropflow runs no external workers, so no job, no incident, no deadline. Refused, naming the element and what to do.
     */
    @Test
    void anExternalTaskIsRefusedNamingTheElementAndWhatToDo() throws IOException {
        String external = partnerAttention().replace("camunda:delegateExpression=\"${escalatePartnerAttention}\"",
                "camunda:type=\"external\" camunda:topic=\"escalate\"");
        assertThat(external).contains("camunda:topic=\"escalate\"");

        ResponseEntity<String> refused = deploy("anna", "external", Map.of("partner-attention.bpmn", external));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText())
                .startsWith("A model breaks a rule it needs to run as drawn, nothing was deployed: partner-attention.bpmn,"
                        + " service task service_escalate_partner_attention (\"Hand to supervisors\"): is an external task")
                .contains("Dropflow runs no external workers", "camunda:delegateExpression");
        assertThat(deployed("external")).isZero();
    }

    /** The model without these elements: their process elements, the flows' references to them, their shapes. */
    private static String withoutElements(String model, String... ids) {
        String without = model;
        for (String id : ids) {
            without = without.replaceAll("(?s)<bpmn:(\\w+) id=\"" + id + "\"[^>]*?/>", "")
                    .replaceAll("(?s)<bpmn:(\\w+) id=\"" + id + "\"[^>]*?[^/]>.*?</bpmn:\\1>", "")
                    .replaceAll("<bpmn:(incoming|outgoing)>" + id + "</bpmn:\\1>", "")
                    .replaceAll("(?s)<bpmndi:(BPMNShape|BPMNEdge) id=\"[^\"]*\" bpmnElement=\"" + id + "\".*?</bpmndi:\\1>", "");
        }
        return without;
    }

    /**
     * Exploratory test s16, defect 4: order-fulfillment.bpmn with "Review order" reworded "Review the order", and its
     * form's label "Decision" reworded "Your decision", deployed with 200: Chinese operators read both in English (the
     * translations ship with the application). Refused now, listing the texts without a Chinese entry.
     */
    @Test
    void aTextWithoutItsChineseEntryIsRefusedListingTheTexts() throws IOException {
        String renamed = Files.readString(Path.of("bpmn", "order-fulfillment.bpmn"))
                .replace("id=\"order_fulfillment\"", "id=\"order_fulfillment_" + suffix + "\"")
                .replace("name=\"Review order\"", "name=\"Review the order\"");
        String relabelled = Files.readString(Path.of("forms", "review-order.form"))
                .replace("\"label\": \"Decision\"", "\"label\": \"Your decision\"");
        assertThat(renamed).contains("Review the order");
        assertThat(relabelled).contains("Your decision");

        ResponseEntity<String> refused = deploy("anna", "reworded", Map.of("order-fulfillment.bpmn", renamed,
                "review-order.form", relabelled));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText())
                .startsWith("Texts operators read without a Chinese entry in forms/i18n/operator-texts.zh.json, nothing was"
                        + " deployed: ")
                .contains("\"Review the order\" (order-fulfillment.bpmn, user task user_review_order)")
                .contains("\"Your decision\" (review-order.form)")
                .contains("comes with a release");
        assertThat(deployed("reworded")).isZero();
    }

    /**
     * Review s16 part 2, F8: a task name an analyst at a Chinese seller wrote in Chinese was refused as a text "without a
     * Chinese entry", which read as nonsense to her. The refusal says that models carry English texts and the Chinese
     * comes from forms/i18n/operator-texts.zh.json with a release, and of a text written in Chinese that it is.
     */
    @Test
    void aTaskNameWrittenInChineseIsRefusedSayingThatModelsCarryEnglish() throws IOException {
        String chinese = Files.readString(Path.of("bpmn", "order-fulfillment.bpmn"))
                .replace("id=\"order_fulfillment\"", "id=\"order_fulfillment_" + suffix + "\"")
                .replace("name=\"Review order\"", "name=\"审核订单\"");
        assertThat(chinese).contains("审核订单");

        ResponseEntity<String> refused = deploy("anna", "chinese", Map.of("order-fulfillment.bpmn", chinese));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText())
                .startsWith("Texts operators read without a Chinese entry in forms/i18n/operator-texts.zh.json, nothing was"
                        + " deployed: ")
                .contains("\"审核订单\" (order-fulfillment.bpmn, user task user_review_order; written in Chinese:")
                .contains("Models and forms carry English texts; the Chinese comes from"
                        + " forms/i18n/operator-texts.zh.json, which ships with a release");
        assertThat(deployed("chinese")).isZero();
    }

    /**
     * A decision table's texts that operators read (the return policy's reasons, a quality check, why a supplier
     * credits nothing...) were held to their Chinese entry by the build only: deployed directly, a reworded reason
     * reached Chinese operators in English. Refused now like a task name, in the same words.
     */
    @Test
    void aDecisionTableTextWithoutItsChineseEntryIsRefusedLikeATaskName() throws IOException {
        String reworded = Files.readString(Path.of("bpmn", "return-policy.dmn")).replace(
                "Does not fit, exchanged: the seller pays the label.", "Does not fit, exchanged: the seller pays the return label.");
        assertThat(reworded).contains("the seller pays the return label");

        ResponseEntity<String> refused = deploy("anna", "policy", Map.of("return-policy.dmn", reworded));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText())
                .startsWith("Texts operators read without a Chinese entry in forms/i18n/operator-texts.zh.json, nothing was"
                        + " deployed: \"Does not fit, exchanged: the seller pays the return label.\" (return-policy.dmn,"
                        + " table return_policy, rule rule_5, output rule)")
                .contains("comes with a release");
        assertThat(deployed("policy")).isZero();

        ResponseEntity<String> shipped = deploy("anna", "policy-as-shipped", Map.of("return-policy.dmn",
                Files.readString(Path.of("bpmn", "return-policy.dmn"))));
        assertThat(shipped.getStatusCode().value()).as(shipped.getBody()).isEqualTo(200);
    }

    @Test
    void aTableThatBreaksARuleIsRefusedNamingTheRowAndTheRule() throws IOException {
        String scorecard = Files.readString(Path.of("bpmn", "supplier-scorecard.dmn"));
        String claims = Files.readString(Path.of("bpmn", "claim-deadlines.dmn"));
        String sla = Files.readString(Path.of("bpmn", "shipping-sla.dmn"));
        String deadlines = Files.readString(Path.of("bpmn", "order-deadlines.dmn"));
        String cutoff = Files.readString(Path.of("bpmn", "group-buy-cutoff.dmn"));
        Map<String, Map.Entry<String, String>> broken = new LinkedHashMap<>();
        broken.put("supplier_scorecard, rule rule_default (From the sources: 90 % shipped within 48 hours",
                Map.entry("supplier-scorecard.dmn", scorecard.replace("<outputEntry id=\"rule_default_w_ship_within\"><text>0.4",
                        "<outputEntry id=\"rule_default_w_ship_within\"><text>0.9")));
        broken.put("claim_deadlines, rule rule_default (Default, from the sources: answer the consumer within 24 hours, resolve"
                        + " within 72: 24 + 2 x (16 + 8) = 72): respond 24 h + 10 round(s) × (supplier 16 h + operator 8 h)"
                        + " = 264 h is beyond resolve 72 h",
                Map.entry("claim-deadlines.dmn", claims.replace("<outputEntry id=\"rule_default_rounds\"><text>2<",
                        "<outputEntry id=\"rule_default_rounds\"><text>10<")));
        broken.put("shipping_sla: output shipByHours (integer) is missing; the application reads it",
                Map.entry("shipping-sla.dmn", sla.replace("name=\"shipByHours\"", "name=\"shipByHrs\"")));
        broken.put("shipping_sla: output shipByHours is of type string; the application reads it as integer",
                Map.entry("shipping-sla.dmn", sla.replace("name=\"shipByHours\" typeRef=\"integer\"",
                        "name=\"shipByHours\" typeRef=\"string\"")));
        broken.put("order_deadlines: an input reads salesChannel, which the application does not give this table",
                Map.entry("order-deadlines.dmn", deadlines.replace("<text>channel</text>", "<text>salesChannel</text>")));
        broken.put("group_buy_cutoff, rule rule_demo_point (The demo's pickup point: a cutoff every two minutes, goods the"
                        + " same day, ten minutes to collect, five to confirm receipt (README tour)): cutoffEvery is"
                        + " \"3 minutes\", not a number of days or a duration, more than none",
                Map.entry("group-buy-cutoff.dmn", cutoff.replace("<text>&quot;PT2M&quot;</text>",
                        "<text>&quot;3 minutes&quot;</text>")));
        // the reviewer's F5 and F9: a week the application cannot read as a duration, a FIRST table made COLLECT
        broken.put("group_buy_cutoff, rule rule_remote_region (Remote regions: the trucks leave earlier and take two days):"
                        + " collectWithin is \"P1W\", not an ISO-8601 duration of days or hours",
                Map.entry("group-buy-cutoff.dmn", cutoff.replace("<outputEntry id=\"rule_remote_region_collect\"><text>"
                        + "&quot;P5D&quot;", "<outputEntry id=\"rule_remote_region_collect\"><text>&quot;P1W&quot;")));
        broken.put("shipping_sla: hit policy COLLECT gives every matching rule, where the application reads one",
                Map.entry("shipping-sla.dmn", sla.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"COLLECT\"")));
        // explore s16, defects 2 and 6: UNIQUE fails where the default row and another match; PRIORITY is no Camunda 7's
        broken.put("order_deadlines: hit policy UNIQUE stops the step as soon as two rows match",
                Map.entry("order-deadlines.dmn", deadlines.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"")));
        broken.put("order_deadlines: Camunda 7 does not support hit policy PRIORITY; use FIRST",
                Map.entry("order-deadlines.dmn", deadlines.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"PRIORITY\"")));
        // explore s16, defects 7 and 8: the onboarding's numbers and the cutoff's time of day have their ranges
        broken.put("onboarding_terms, rule rule_onboarding_terms_1 (Cross-border: the sample travels ten days, papers take"
                        + " longer to come): scorecardCheckHours is 0; it must be a whole number above 0",
                Map.entry("onboarding-requirements.dmn", Files.readString(Path.of("bpmn", "onboarding-requirements.dmn"))
                        .replace("<outputEntry id=\"rule_onboarding_terms_1_out10\"><text>168<",
                                "<outputEntry id=\"rule_onboarding_terms_1_out10\"><text>0<")));
        broken.put("group_buy_cutoff, rule rule_default (",
                Map.entry("group-buy-cutoff.dmn", cutoff.replace("<outputEntry id=\"rule_default_time\"><text>&quot;23:00&quot;<",
                        "<outputEntry id=\"rule_default_time\"><text>&quot;25:00&quot;<")));
        // review s16 part 2, F6: a region spelled as no point in China stores it never matches
        broken.put("group_buy_cutoff, rule rule_remote_region (Remote regions: the trucks leave earlier and take two days):"
                        + " region \"Xizang\"",
                Map.entry("group-buy-cutoff.dmn", cutoff.replace("&quot;Tibet&quot;,&quot;Qinghai&quot;",
                        "&quot;Xizang&quot;,&quot;Qinghai&quot;")));
        int i = 0;
        for (Map.Entry<String, Map.Entry<String, String>> table : broken.entrySet()) {
            String file = table.getValue().getKey();
            assertThat(table.getValue().getValue()).as("the edit of " + file).isNotEqualTo(
                    Files.readString(Path.of("bpmn", file)));
            ResponseEntity<String> refused = deploy("anna", "table-" + i, Map.of(file, table.getValue().getValue()));
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
            assertThat(ApiCallers.json(refused).path("message").asText()).as(file)
                    .contains("A decision table breaks what Dropflow relies on, nothing was deployed: " + file + ", table "
                            + table.getKey());
            assertThat(deployed("table-" + i)).isZero();
            i++;
        }
    }

    /**
     * Note s17's leftovers: a FEEL name without quotes in a number cell ({@code three} for supplier selection's tier), an
     * expression reading a variable the application does not give the table ({@code agreedHour} in shipping-sla.dmn,
     * which ships expressions of {@code agreedHours}) and an empty true/false cell deployed (200), and then every order on
     * that row stopped with an incident. Refused by the deployment (400) and the what-if check (422), naming the table,
     * the row, the output and what to write; an expression of the variables the application gives still deploys.
     */
    @Test
    void aFeelNameOrAnEmptyTrueFalseCellIsRefusedNamingTheRowTheOutputAndWhatToWrite() throws IOException {
        String selection = Files.readString(Path.of("bpmn", "supplier-selection.dmn"));
        String sla = Files.readString(Path.of("bpmn", "shipping-sla.dmn"));
        Map<String, Map.Entry<String, String>> broken = new LinkedHashMap<>();
        broken.put("supplier_selection, rule rule_3 (Would sell at a loss: last resort): tier is three without quotes or"
                        + " digits, which FEEL reads as a variable, and the application gives this table no such variable"
                        + " (it gives inStock, marginPercent, supplierScore, sameRegion, shipsLate): the cell would give"
                        + " nothing and every case this row decides would stop. Write a number (integer)",
                Map.entry("supplier-selection.dmn", selection.replace("<outputEntry id=\"rule_3_tier\"><text>3<",
                        "<outputEntry id=\"rule_3_tier\"><text>three<")));
        broken.put("shipping_sla, rule rule_4 (Default: ship within 48 hours, the bar from the sources): shipByHours is"
                        + " min([48, agreedHour]), which reads agreedHour, and the application gives this table no such"
                        + " variable (it gives supplierTier, destinationRegion, productCategory, agreedHours)",
                Map.entry("shipping-sla.dmn", sla.replace("min([48, agreedHours])", "min([48, agreedHour])")));
        broken.put("supplier_selection, rule rule_3 (Would sell at a loss: last resort): eligible is not filled in; it is"
                        + " true or false, and an empty cell gives nothing: every case this row decides would stop. Write"
                        + " true or false",
                Map.entry("supplier-selection.dmn", selection.replace("<outputEntry id=\"rule_3_eligible\"><text>true<",
                        "<outputEntry id=\"rule_3_eligible\"><text><")));
        refusedByDeploymentAndWhatIf(broken, "feel");

        String byTier = sla.replace("min([48, agreedHours])", "if supplierTier = 1 then 24 else min([48, agreedHours])");
        ResponseEntity<String> deployed = deploy("anna", "feel-fine", Map.of("shipping-sla.dmn", byTier));
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
    }

    /**
     * Note s17's leftovers: a form label of words inside a FEEL expression other than one string literal deployed (200)
     * and Chinese operators read it in English (form-js shows what it computes, which no entry translates). Refused,
     * naming the form, the field and what to write instead.
     */
    @Test
    void aFormLabelOfWordsInsideAFeelExpressionIsRefusedSayingWhatToWrite() throws IOException {
        String model = Files.readString(Path.of("bpmn", "order-fulfillment.bpmn"))
                .replace("id=\"order_fulfillment\"", "id=\"order_fulfillment_" + suffix + "\"");
        String relabelled = Files.readString(Path.of("forms", "review-order.form"))
                .replace("\"label\": \"Decision\"", "\"label\": \"=if urgent then \\\"Decide now\\\" else \\\"Decision\\\"\"");
        assertThat(relabelled).contains("Decide now");

        ResponseEntity<String> refused = deploy("anna", "computed-label", Map.of("order-fulfillment.bpmn", model,
                "review-order.form", relabelled));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText())
                .startsWith("Texts operators read without a Chinese entry in forms/i18n/operator-texts.zh.json, nothing was"
                        + " deployed: ")
                .contains("\"=if urgent then \"Decide now\" else \"Decision\"\" (review-order.form, label of reviewDecision;"
                        + " words inside a FEEL expression: form-js shows what it computes, which no entry translates")
                .contains("words that differ by case in text views of their own, each shown by its condition (Hide if)");
        assertThat(deployed("computed-label")).isZero();
    }

    /**
     * Fixer s18: the return policy's restocking fee 1.5 (150 % of the returned value kept as a fee) and an expression
     * calling a function FEEL does not have ({@code minimum} for {@code min}, which stopped every order of the row at run
     * time) deployed (200). Refused by the deployment (400) and the what-if check (422), naming the table, the row, the
     * output, the value and what to write; a fee below 1 deploys.
     */
    @Test
    void aRestockingFeeOfAWholeShareOrMoreAndAFunctionFeelDoesNotHaveAreRefused() throws IOException {
        String policy = Files.readString(Path.of("bpmn", "return-policy.dmn"));
        String sla = Files.readString(Path.of("bpmn", "shipping-sla.dmn"));
        Map<String, Map.Entry<String, String>> broken = new LinkedHashMap<>();
        broken.put("return_policy, rule rule_4 (Change of mind: the consumer pays the label and a 10 % restocking fee):"
                        + " restockingFeeRate is 1.5; the restocking fee is the share of the returned value kept from the"
                        + " refund, from 0 to below 1 (1 keeps the whole refund: to refuse the return write allowed false)."
                        + " If you meant 1.5 %, write 0.015; 0.15 is 15 %",
                Map.entry("return-policy.dmn", policy.replace("<outputEntry id=\"rule_4_fee\"><text>0.10<",
                        "<outputEntry id=\"rule_4_fee\"><text>1.5<")));
        broken.put("shipping_sla, rule rule_4 (Default: ship within 48 hours, the bar from the sources): shipByHours is"
                        + " minimum([48, agreedHours]), which calls minimum, a function FEEL does not have (FEEL has min):"
                        + " every case this row decides would stop",
                Map.entry("shipping-sla.dmn", sla.replace("min([48, agreedHours])", "minimum([48, agreedHours])")));
        refusedByDeploymentAndWhatIf(broken, "range");

        // the same 10 % written as 0.1 (Spring's context, and so the latest return policy, is shared with other tests)
        String tenth = policy.replace("<outputEntry id=\"rule_4_fee\"><text>0.10<", "<outputEntry id=\"rule_4_fee\"><text>0.1<");
        ResponseEntity<String> deployed = deploy("anna", "range-fine", Map.of("return-policy.dmn", tenth));
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
    }

    /**
     * Explore s18, H7: a table's columns written as a FEEL columnsExpression with a label without its Chinese entry
     * deployed (200), and Chinese Tasklist showed that column in English. Refused like any label.
     */
    @Test
    void aTableColumnLabelInAColumnsExpressionWithoutItsChineseEntryIsRefused() throws IOException {
        String model = Files.readString(Path.of("bpmn", "order-fulfillment.bpmn"))
                .replace("id=\"order_fulfillment\"", "id=\"order_fulfillment_" + suffix + "\"");
        String form = Files.readString(Path.of("forms", "review-order.form")).replaceFirst(
                "(?s)\"columns\": \\[\\s*\\{\\s*\"label\": \"Quantity\".*?\\]", java.util.regex.Matcher.quoteReplacement(
                        "\"columnsExpression\": \"=[{key: \\\"quantity\\\", label: \\\"How many\\\"}, {key: \\\"sku\\\","
                                + " label: \\\"SKU\\\"}, {key: \\\"salePrice\\\", label: \\\"Sale price\\\"}]\""));
        assertThat(form).contains("label: \\\"How many\\\"").doesNotContain("\"label\": \"Quantity\"");

        ResponseEntity<String> refused = deploy("anna", "column-expression", Map.of("order-fulfillment.bpmn", model,
                "review-order.form", form));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText())
                .startsWith("Texts operators read without a Chinese entry in forms/i18n/operator-texts.zh.json, nothing was"
                        + " deployed: \"How many\" (review-order.form)");
        assertThat(deployed("column-expression")).isZero();
    }

    /**
     * Explore s16, defect 1: a shipped file deployed with its decision id renamed (200) was never read, the change
     * silently dropped and a stray decision definition left. Refused, naming the file, the id found and the id read.
     */
    @Test
    void aShippedTableWithARenamedDecisionIdIsRefused() throws IOException {
        String renamed = Files.readString(Path.of("bpmn", "platform-fees.dmn"))
                .replace("<decision id=\"platform_fees\"", "<decision id=\"platform_fee\"");
        ResponseEntity<String> refused = deploy("anna", "platform-fees", Map.of("platform-fees.dmn", renamed));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText()).contains("nothing was deployed: platform-fees.dmn"
                + " holds decision platform_fee; Dropflow reads platform_fees: a renamed id is never read");
        assertThat(deployed("platform-fees")).isZero();
    }

    /**
     * Explore s18, H6: the engine deploys a table named .dmn11.xml too, but the renamed-id check compared the name with
     * the shipped platform-fees.dmn, so platform-fees.dmn11.xml with its decision id renamed deployed (200) and was never
     * read. Every check of the shipped table applies whatever ending the engine deploys it from; the refusal names the
     * file as uploaded.
     */
    @Test
    void aShippedTableWithARenamedDecisionIdIsRefusedWhateverEndingTheEngineDeploysItFrom() throws IOException {
        String renamed = Files.readString(Path.of("bpmn", "platform-fees.dmn"))
                .replace("<decision id=\"platform_fees\"", "<decision id=\"platform_fee\"");
        assertThat(renamed).contains("<decision id=\"platform_fee\"");
        ResponseEntity<String> refused = deploy("anna", "platform-fees", Map.of("platform-fees.dmn11.xml", renamed));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(refused).path("message").asText()).contains("nothing was deployed:"
                + " platform-fees.dmn11.xml holds decision platform_fee; Dropflow reads platform_fees: a renamed id is"
                + " never read");
        assertThat(deployed("platform-fees")).isZero();
    }

    /**
     * Explore s18, H6: a table or model under a name the engine deploys nothing from (platform-fees.xml) was a 200 with
     * nothing deployed for an administrator, and a 403 "not a model or form" for an analyst. A 400 for both, naming the
     * name to give it; a file that is no model (a script an administrator's model reads) is still theirs to deploy.
     */
    @Test
    void aModelOrTableUnderANameTheEngineDeploysNothingFromIsRefusedNamingTheNameToGiveIt() throws IOException {
        String table = Files.readString(Path.of("bpmn", "platform-fees.dmn"));
        String model = Files.readString(Path.of("bpmn", "order-fulfillment.bpmn"));
        for (String user : java.util.List.of("demo", "anna")) {
            ResponseEntity<String> refused = deploy(user, "xml", Map.of("platform-fees.xml", table));
            assertThat(refused.getStatusCode().value()).as(user + ": " + refused.getBody()).isEqualTo(400);
            assertThat(ApiCallers.json(refused).path("message").asText()).as(user).contains("platform-fees.xml (a DMN"
                    + " decision table, which the engine deploys only from a name ending in .dmn or .dmn11.xml: rename it"
                    + " platform-fees.dmn)");
            assertThat(deployed("xml")).isZero();
        }
        ResponseEntity<String> bpmn = deploy("demo", "xml", Map.of("order-fulfillment.bpmn.xml", model));
        assertThat(bpmn.getStatusCode().value()).as(bpmn.getBody()).isEqualTo(400);
        assertThat(ApiCallers.json(bpmn).path("message").asText()).contains("order-fulfillment.bpmn.xml (a BPMN model,"
                + " which the engine deploys only from a name ending in .bpmn or .bpmn20.xml: rename it"
                + " order-fulfillment.bpmn)");
        assertThat(deployed("xml")).isZero();

        ResponseEntity<String> script = deploy("demo", "xml", Map.of("fee-note.txt", "<p>not a model</p>"));
        assertThat(script.getStatusCode().value()).as(script.getBody()).isEqualTo(200);
    }

    /**
     * Explore s17, defect 6: the engine deploys only files ending in lower-case .dmn/.bpmn/.form; a table uploaded as
     * platform-fees.DMN was a 200 with nothing deployed (and its renamed id went unchecked). Refused, naming the file
     * and the name to give it.
     */
    @Test
    void aModelOrTableWithAnUpperCaseExtensionIsRefusedNamingTheNameToGiveIt() throws IOException {
        String renamed = Files.readString(Path.of("bpmn", "platform-fees.dmn"))
                .replace("<decision id=\"platform_fees\"", "<decision id=\"platform_fee\"");
        for (Map.Entry<String, String> file : Map.of("platform-fees.DMN", Files.readString(Path.of("bpmn",
                "platform-fees.dmn")), "platform-fees.Dmn", renamed, "order-fulfillment.BPMN", Files.readString(Path.of(
                "bpmn", "order-fulfillment.bpmn"))).entrySet()) {
            ResponseEntity<String> refused = deploy("anna", "upper", Map.of(file.getKey(), file.getValue()));
            assertThat(refused.getStatusCode().value()).as(file.getKey() + ": " + refused.getBody()).isEqualTo(400);
            assertThat(ApiCallers.json(refused).path("message").asText()).contains(file.getKey()
                    + " (the engine deploys only a name ending in lower case: rename it "
                    + file.getKey().substring(0, file.getKey().lastIndexOf('.'))
                    + file.getKey().substring(file.getKey().lastIndexOf('.')).toLowerCase(java.util.Locale.ROOT) + ")");
            assertThat(deployed("upper")).isZero();
        }
    }

    /** What the tester did and the application honoured: a number changed in a row. */
    @Test
    void aTableWithANumberChangedDeploys() throws IOException {
        String sla = Files.readString(Path.of("bpmn", "shipping-sla.dmn"));
        String changed = sla.replace("min([24, agreedHours])", "min([10, agreedHours])");
        assertThat(changed).isNotEqualTo(sla);
        ResponseEntity<String> deployed = deploy("anna", "sla", Map.of("shipping-sla.dmn", changed));
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
    }

    /** The what-if check, which analysts run first, says what the deployment would be refused for. */
    @Test
    void theWhatIfCheckNamesTheRuleATableBreaks() throws IOException {
        String table = Files.readString(Path.of("bpmn", "supplier-scorecard.dmn"))
                .replace("<outputEntry id=\"rule_default_w_ship_within\"><text>0.4",
                        "<outputEntry id=\"rule_default_w_ship_within\"><text>0.9");
        ResponseEntity<String> answer = org.springframework.web.client.RestClient.builder()
                .baseUrl("http://localhost:" + port).defaultStatusHandler(s -> s.isError(), (q, r) -> { }).build()
                .post().uri("/api/models/what-if?days=1").headers(h -> h.setBasicAuth("anna", "anna"))
                .contentType(MediaType.APPLICATION_XML).body(table).retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(422);
        assertThat(ApiCallers.json(answer).path("type").asText()).endsWith("/decision-table-breaks-rules");
        assertThat(ApiCallers.json(answer).path("detail").asText()).contains("table supplier_scorecard, rule rule_default")
                .contains("add up to 1.5 (0.9 + 0.3 + 0.2 + 0.1), not 1");
    }

    @Test
    void anAdministratorDeploysExpressionsAndTablesOfTheirOwn() {
        String harmless = probe().replace("<timerEventDefinition><timeCycle>R1/PT1S</timeCycle></timerEventDefinition>", "")
                .replace("execution.processEngineServices.identityService.createUserQuery().memberOfGroup('camunda-admin').list().get(0).id", "1");
        ResponseEntity<String> model = deploy("demo", "admin", Map.of("probe.bpmn", harmless, "probe.dmn", juelTable()));
        assertThat(model.getStatusCode().value()).as(model.getBody()).isEqualTo(200);
        assertThat(deployed("admin")).isOne();
    }

    /** A deployment with one running instance of its process (a user task waits). */
    private String deploymentInUse() {
        String key = "in_use_" + suffix;
        String deployment = engine.getRepositoryService().createDeployment().name("in-use-" + suffix)
                .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("user_wait").camundaCandidateGroups("operators").endEvent().done())
                .deploy().getId();
        engine.getRuntimeService().startProcessInstanceByKey(key);
        return deployment;
    }

    private long running() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("in_use_" + suffix).count();
    }

    @Test
    void anAnalystDeletesNoDeploymentInUseWithOrWithoutCascade() {
        String deployment = deploymentInUse();

        ResponseEntity<String> cascade = api.call(HttpMethod.DELETE, "/engine-rest/deployment/" + deployment
                + "?cascade=true", null, ApiCallers.user("anna"));
        assertThat(cascade.getStatusCode().value()).as(cascade.getBody()).isEqualTo(403);
        ResponseEntity<String> plain = api.call(HttpMethod.DELETE, "/engine-rest/deployment/" + deployment, null,
                ApiCallers.user("anna"));
        assertThat(plain.getStatusCode().value()).as(plain.getBody()).isEqualTo(403);

        assertThat(running()).as("the instance runs on").isOne();
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployment).count()).isOne();
    }

    @Test
    void deletingADeploymentInUseWithoutCascadeIsAConflictNotAServerError() {
        String deployment = deploymentInUse();

        ResponseEntity<String> plain = api.call(HttpMethod.DELETE, "/engine-rest/deployment/" + deployment, null,
                ApiCallers.user("demo"));
        assertThat(plain.getStatusCode().value()).as(plain.getBody()).isEqualTo(409);
        assertThat(plain.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(plain.getBody()).contains("dependent process instances").contains("deleting with cascade ends them");
        assertThat(running()).isOne();

        ResponseEntity<String> cascade = api.call(HttpMethod.DELETE, "/engine-rest/deployment/" + deployment
                + "?cascade=true", null, ApiCallers.user("demo"));
        assertThat(cascade.getStatusCode().value()).as("an administrator may").isEqualTo(204);
        assertThat(running()).isZero();
    }

    private String definitionInUse() {
        String deployment = deploymentInUse();
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
    }

    /**
     * Deleting a process definition with cascade ends its running instances as deleting its deployment does. Nobody
     * but administrators holds DELETE on process definitions (IdentitySetup grants none, and a deployment's author gets
     * rights on the deployment only), but Camunda Admin can grant it, as it could DELETE on deployments: before the
     * check, anna with such a grant deleted the definition and its running instance (200), by id or by key.
     */
    @Test
    void anAnalystDeletesNoProcessDefinitionInUseEvenWithTheRightToDeleteDefinitions() {
        String definition = definitionInUse();
        String key = "in_use_" + suffix;
        // Without a grant, an analyst, a supervisor, an operator (before the check: the engine's own 403, no DELETE)
        for (String person : java.util.List.of("anna", "sam", "mary")) {
            ResponseEntity<String> ungranted = api.call(HttpMethod.DELETE, "/engine-rest/process-definition/" + definition
                    + "?cascade=true", null, ApiCallers.user(person));
            assertThat(ungranted.getStatusCode().value()).as(person + " without a grant: " + ungranted.getBody())
                    .isEqualTo(403);
        }
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(Groups.ANALYSTS);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(key);
        grant.addPermission(Permissions.DELETE);
        authorizations.saveAuthorization(grant);
        try {
            for (String delete : java.util.List.of("/engine-rest/process-definition/" + definition + "?cascade=true",
                    "/engine-rest/process-definition/" + definition, "/engine-rest/process-definition/key/" + key
                            + "/delete?cascade=true", "/engine-rest/process-definition/key/" + key + "/delete")) {
                ResponseEntity<String> answer = api.call(HttpMethod.DELETE, delete, null, ApiCallers.user("anna"));
                assertThat(answer.getStatusCode().value()).as(delete + ": " + answer.getBody()).isEqualTo(403);
                assertThat(ApiCallers.json(answer).path("message").asText()).as(delete)
                        .contains("1 running process instance(s)").contains("only an administrator deletes")
                        .contains("anna is not one");
            }
            assertThat(running()).as("the instance runs on").isOne();
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(definition)
                    .count()).isOne();

            engine.getRuntimeService().deleteProcessInstancesIfExists(engine.getRuntimeService()
                    .createProcessInstanceQuery().processDefinitionKey(key).list().stream().map(p -> p.getId()).toList(),
                    "test", true, true, false);
            ResponseEntity<String> unused = api.call(HttpMethod.DELETE, "/engine-rest/process-definition/key/" + key
                    + "/delete", null, ApiCallers.user("anna"));
            assertThat(unused.getStatusCode().is2xxSuccessful()).as("what nothing runs on, with the grant: "
                    + unused.getBody()).isTrue();
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
                    .isZero();
        } finally {
            authorizations.deleteAuthorization(grant.getId());
        }
    }

    @Test
    void deletingAProcessDefinitionInUseWithoutCascadeIsAConflictAndAnAdministratorMayCascade() {
        String definition = definitionInUse();
        String key = "in_use_" + suffix;

        for (String delete : java.util.List.of("/engine-rest/process-definition/" + definition,
                "/engine-rest/process-definition/key/" + key + "/delete")) {
            ResponseEntity<String> plain = api.call(HttpMethod.DELETE, delete, null, ApiCallers.user("demo"));
            assertThat(plain.getStatusCode().value()).as(delete + ": " + plain.getBody()).isEqualTo(409);
            assertThat(plain.getBody()).contains("dependent process instances").contains("deleting with cascade ends them");
        }
        assertThat(running()).isOne();

        ResponseEntity<String> cascade = api.call(HttpMethod.DELETE, "/engine-rest/process-definition/" + definition
                + "?cascade=true", null, ApiCallers.user("demo"));
        assertThat(cascade.getStatusCode().is2xxSuccessful()).as("an administrator may: " + cascade.getBody()).isTrue();
        assertThat(running()).isZero();
    }

    /** Cockpit deletes through the webapps' own engine API: the same 409 there. */
    @Test
    void cockpitsDeleteOfADeploymentInUseIsAConflictToo() throws Exception {
        String deployment = deploymentInUse();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port + "/camunda/api/admin/auth/user/default";
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login/cockpit"))
                .header("Cookie", "JSESSIONID=" + cookie(page, "JSESSIONID") + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String session = "JSESSIONID=" + cookie(login, "JSESSIONID");
        String token = cookie(http.send(HttpRequest.newBuilder(URI.create(base)).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofString()), "XSRF-TOKEN");

        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/engine/engine/default/deployment/" + deployment))
                .header("Cookie", session + "; XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token)
                .header("Accept", "application/json").DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(409);
        assertThat(delete.body()).contains("dependent process instances");
        assertThat(running()).isOne();
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + ": " + answer.headers().map()));
    }

    /** An installation from before December 2026 holds the grant in its database: start-up takes it back. */
    @Test
    void startUpTakesDeleteOnDeploymentsFromAnalysts() {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(Groups.ANALYSTS)
                .resourceType(Resources.DEPLOYMENT).resourceId(Authorization.ANY).singleResult();
        grant.addPermission(Permissions.DELETE);
        authorizations.saveAuthorization(grant);
        assertThat(mayOnDeployments(Permissions.DELETE)).as("as an older release left it").isTrue();

        identitySetup.createGroupsAndUsers();
        identitySetup.createGroupsAndUsers();

        assertThat(mayOnDeployments(Permissions.DELETE)).isFalse();
        assertThat(mayOnDeployments(Permissions.CREATE)).as("analysts still deploy").isTrue();
        assertThat(mayOnDeployments(Permissions.READ)).isTrue();
    }

    private boolean mayOnDeployments(org.camunda.bpm.engine.authorization.Permission permission) {
        return engine.getAuthorizationService().isUserAuthorized("anna", java.util.List.of(Groups.ANALYSTS), permission,
                Resources.DEPLOYMENT);
    }

    /** The what-if check replays a table in the application: JUEL there is code too. */
    @Test
    void theWhatIfCheckReplaysNoJuel() throws IOException {
        String table = Files.readString(Path.of("bpmn", "shipping-sla.dmn"))
                .replaceFirst("<inputExpression ", "<inputExpression expressionLanguage=\"juel\" ");
        ResponseEntity<String> juel = org.springframework.web.client.RestClient.builder()
                .baseUrl("http://localhost:" + port).defaultStatusHandler(s -> s.isError(), (q, r) -> { }).build()
                .post().uri("/api/models/what-if?days=1").headers(h -> h.setBasicAuth("anna", "anna"))
                .contentType(MediaType.APPLICATION_XML).body(table).retrieve().toEntity(String.class);
        assertThat(juel.getStatusCode().value()).as(juel.getBody()).isEqualTo(400);
        assertThat(juel.getBody()).contains("only FEEL expressions are replayed").contains("juel");
    }

    /**
     * Each edited table (the refusal's words after "table ", to its file and content) is refused by the deployment (400,
     * nothing deployed) and by the what-if check (422), both naming the file and the table.
     */
    private void refusedByDeploymentAndWhatIf(Map<String, Map.Entry<String, String>> broken, String prefix)
            throws IOException {
        int i = 0;
        for (Map.Entry<String, Map.Entry<String, String>> table : broken.entrySet()) {
            String file = table.getValue().getKey();
            assertThat(table.getValue().getValue()).as("the edit of " + file).isNotEqualTo(
                    Files.readString(Path.of("bpmn", file)));
            ResponseEntity<String> refused = deploy("anna", prefix + "-" + i, Map.of(file, table.getValue().getValue()));
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
            assertThat(ApiCallers.json(refused).path("message").asText()).as(file)
                    .contains("A decision table breaks what Dropflow relies on, nothing was deployed: " + file + ", table "
                            + table.getKey());
            assertThat(deployed(prefix + "-" + i)).isZero();

            ResponseEntity<String> checked = org.springframework.web.client.RestClient.builder()
                    .baseUrl("http://localhost:" + port).defaultStatusHandler(s -> s.isError(), (q, r) -> { }).build()
                    .post().uri("/api/models/what-if?days=1").headers(h -> h.setBasicAuth("anna", "anna"))
                    .contentType(MediaType.APPLICATION_XML).body(table.getValue().getValue()).retrieve()
                    .toEntity(String.class);
            assertThat(checked.getStatusCode().value()).as(checked.getBody()).isEqualTo(422);
            assertThat(ApiCallers.json(checked).path("detail").asText()).as(file).contains(file + ", table " + table.getKey());
            i++;
        }
    }
}
