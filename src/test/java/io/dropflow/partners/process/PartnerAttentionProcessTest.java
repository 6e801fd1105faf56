package io.dropflow.partners.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.partners.internal.RecordedDeliveries;
import io.dropflow.partners.process.PartnerAttentionProcess.Element;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.ProcessCoverage;
import io.dropflow.support.TestSupplierApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner's webhook delivery Dropflow could not take: answered 200, parked, retried by Dropflow,
 * and past its deadline an operator task with the raw payload (bpmn/partner-attention.bpmn). CJ's
 * messages stand for every partner: CJ asks for 200 within 3 s and switches a topic off when its
 * messages fail (https://developers.cjdropshipping.com/en/api/api2/api/webhook.html).
 */
@DropflowTest
class PartnerAttentionProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Date STARTED = new Date();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RecordedDeliveries deliveries;
    @Autowired
    PartnerDeliveries partnerDeliveries;
    @Autowired
    JdbcTemplate jdbc;

    DropflowDriver dropflow;

    @BeforeEach
    void setUp() {
        init(engine);
        dropflow = new DropflowDriver(port, engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void theModelIsCovered(@Autowired ProcessEngine engine) {
        ProcessCoverage.assertCovered(engine, "partner-attention.bpmn", STARTED);
    }

    private ResponseEntity<String> cjOrderMessage(String purchaseOrderNumber) throws Exception {
        ObjectNode message = JSON.createObjectNode().put("messageId", UUID.randomUUID().toString().replace("-", ""))
                .put("type", "ORDER").put("messageType", "UPDATE");
        message.set("params", JSON.valueToTree(Map.of("orderNumber", purchaseOrderNumber, "orderStatus", "UNSHIPPED",
                "cjOrderId", "2107999")));
        String body = JSON.writeValueAsString(message);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestSupplierApi.CJ_OPEN_ID.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sign = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return dropflow.postRaw("/api/webhooks/cj/" + TestSupplierApi.CJ, body, h -> h.set("sign", sign));
    }

    private ProcessInstance attentionFor(long deliveryId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(PartnerAttentionProcess.businessKey(deliveryId)).singleResult();
    }

    private long deliveryOf(String purchaseOrderNumber) {
        return jdbc.queryForObject("select id from partner_delivery where payload like ?", Long.class,
                "%" + purchaseOrderNumber + "%");
    }

    private void runJobs(ProcessInstance instance) {
        for (var job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    @Test
    void aPartnerMessageDropflowCannotMatchIsAnsweredParkedRetriedAndThenGoesToAnOperator() throws Exception {
        // Given a CJ message about a purchase order Dropflow does not know
        String number = "DF-" + (900_000 + System.nanoTime() % 90_000) + "-PO1";

        // When CJ delivers it: 200 at once, parked
        ResponseEntity<String> answer = cjOrderMessage(number);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"code\":200", "success", "not_yet");
        long id = deliveryOf(number);
        assertThat(jdbc.queryForObject("select status from partner_delivery where id = ?", String.class, id))
                .isEqualTo("PARKED");

        // Then Dropflow retries it; before its deadline it stays parked, with no task
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(2))));
        deliveries.retryDue();
        assertThat(attentionFor(id)).isNull();

        // and past its deadline an operator gets "Partner message not matched" with the raw payload
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(25))));
        deliveries.retryDue();
        ProcessInstance attention = attentionFor(id);
        assertThat(attention).isWaitingAt(Element.ATTEND.id());
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(attention.getId()).singleResult();
        assertThat(task.getName()).isEqualTo("Partner message not matched");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("operators").count())
                .isEqualTo(1);
        Map<String, Object> facts = dropflow.facts(task);
        assertThat((String) facts.get("deliveryPayload")).contains(number);
        assertThat(facts).containsEntry("partner", "CJ Dropshipping").containsEntry("topic", "ORDER");
        assertThat((String) facts.get("lastError")).contains("has no purchase order " + number);

        // When the operator tries it again and it still cannot be matched, the task comes back
        engine.getTaskService().complete(task.getId(), Map.of("attentionDecision", "retry"));
        runJobs(attention);
        assertThat(attention).isWaitingAt(Element.ATTEND.id()).hasPassed(Element.RETRY.id());
        // and says so (exploratory test s12, tasklist 8: it came back as it was, and the operator may loop)
        task = engine.getTaskService().createTaskQuery().processInstanceId(attention.getId()).singleResult();
        assertThat((String) dropflow.facts(task).get("retriedInVain")).startsWith("Tried again at ")
                .endsWith(": still not taken, for the reason below. Trying again changes nothing until that is fixed;"
                        + " if it cannot be, handle it by hand and close this task");
        assertThat(io.dropflow.translation.OperatorTexts.of("zh").findMessage((String) dropflow.facts(task)
                .get("retriedInVain"))).as("in Chinese too").hasValueSatisfying(zh -> assertThat(zh).startsWith("已于 "));

        // When the operator handled it by hand, it is closed and never tried again
        engine.getTaskService().complete(task.getId(), Map.of("attentionDecision", "close"));
        assertThat(attention).isEnded().hasPassed(Element.CLOSE.id(), Element.END_CLOSED.id());
        assertThat(jdbc.queryForObject("select status from partner_delivery where id = ?", String.class, id))
                .isEqualTo("CLOSED");
        assertThat(deliveries.retryDue()).isZero();
    }

    @Test
    void aRedeliveredMessageIsRecordedOnce() throws Exception {
        String number = "DF-" + (800_000 + System.nanoTime() % 90_000) + "-PO1";
        ObjectNode message = JSON.createObjectNode().put("messageId", "same-" + number).put("type", "ORDER");
        message.set("params", JSON.valueToTree(Map.of("orderNumber", number, "orderStatus", "UNSHIPPED")));

        PartnerDeliveries.Receipt first = partnerDeliveries.receive("cj", TestSupplierApi.CJ, "ORDER", "same-" + number,
                JSON.writeValueAsString(message));
        PartnerDeliveries.Receipt again = partnerDeliveries.receive("cj", TestSupplierApi.CJ, "ORDER", "same-" + number,
                JSON.writeValueAsString(message));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(jdbc.queryForObject("select count(*) from partner_delivery where delivery_id = ?", Long.class,
                "same-" + number)).isEqualTo(1);
    }

    @Test
    void somethingAPartnerAnsweredThatAPersonMustActOnIsATaskAtOnceAndTakenWhenTriedAgain() {
        // CJ's "balance insufficient" (1604000) raised by the CJ client: an operator tops up, then tries again
        String key = "DF-" + (700_000 + System.nanoTime() % 90_000) + "-PO1-1604000";
        partnerDeliveries.raise("cj", TestSupplierApi.CJ, "attention/1604000", key,
                "{\"code\":1604000,\"result\":false,\"message\":\"Balance is insufficient\"}", "top up the CJ balance");
        long id = jdbc.queryForObject("select id from partner_delivery where delivery_id = ?", Long.class, key);
        ProcessInstance attention = attentionFor(id);
        assertThat(attention).isWaitingAt(Element.ATTEND.id());

        Task task = engine.getTaskService().createTaskQuery().processInstanceId(attention.getId()).singleResult();
        var deadline = engine.getManagementService().createJobQuery().processInstanceId(attention.getId()).timers()
                .activityId(Element.ATTENTION_OVERDUE.id()).singleResult();
        assertThat(task.getDueDate()).as("due when the drawn deadline fires").isCloseTo(deadline.getDuedate(), 1000);

        // Nobody looks in time: supervisors get it too, operators keep it
        engine.getManagementService().executeJob(deadline.getId());
        assertThat(attention).hasPassed(Element.ESCALATE.id(), Element.END_ESCALATED.id()).isWaitingAt(Element.ATTEND.id());
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("supervisors")
                .count()).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getPriority())
                .isEqualTo(io.dropflow.processengine.Escalation.ESCALATED_PRIORITY);

        engine.getTaskService().complete(task.getId(), Map.of("attentionDecision", "retry"));
        runJobs(attention);

        assertThat(attention).isEnded().hasPassed(Element.END_TAKEN.id());
        assertThat(jdbc.queryForObject("select status from partner_delivery where id = ?", String.class, id))
                .isEqualTo("TAKEN");
        assertThat(new DeliveryHandler.Result(DeliveryHandler.Outcome.TAKEN, "").outcome()).isEqualTo(DeliveryHandler.Outcome.TAKEN);
    }
}
