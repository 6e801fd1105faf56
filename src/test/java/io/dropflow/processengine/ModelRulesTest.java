package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/** The run-time model rules refuse what breaks a model, and nothing a model may legitimately hold (review s16). */
class ModelRulesTest {

    @Test
    void aLinkCatchEventIsNoWait() {
        BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <process id="linked" isExecutable="true">
                    <startEvent id="start_linked"/>
                    <sequenceFlow id="flow_to_throw" sourceRef="start_linked" targetRef="throw_to_end"/>
                    <intermediateThrowEvent id="throw_to_end"><linkEventDefinition id="link_out" name="to_end"/></intermediateThrowEvent>
                    <intermediateCatchEvent id="catch_to_end"><linkEventDefinition id="link_in" name="to_end"/></intermediateCatchEvent>
                    <sequenceFlow id="flow_to_end" sourceRef="catch_to_end" targetRef="end_linked"/>
                    <endEvent id="end_linked"/>
                  </process>
                </definitions>
                """).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(ModelRules.waitsWithoutDeadline(model)).extracting(FlowNode::getId).isEmpty();
    }

    @Test
    void aMessageCatchEventWithoutADeadlineIsAWaitWithoutOne() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("waits").startEvent("start_waits")
                .intermediateCatchEvent("catch_supplier_answer").message("Supplier answered")
                .endEvent("end_waits").done();

        assertThat(ModelRules.waitsWithoutDeadline(model)).extracting(FlowNode::getId).containsExactly("catch_supplier_answer");
    }

    @Test
    void aReminderBesideTheDeadlineIsNoSecondDeadline() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("reminded").startEvent("start_reminded")
                .userTask("user_review").camundaDueDate("${taskDeadline.after(reviewTime)}")
                .boundaryEvent("timer_review_reminder").cancelActivity(false).timerWithDuration("${reminderTime}")
                .endEvent("end_reminded")
                .moveToActivity("user_review")
                .boundaryEvent("timer_review_overdue").timerWithDuration("${reviewTime}").endEvent("end_overdue")
                .moveToActivity("user_review").endEvent("end_reviewed").done();

        assertThat(ModelRules.dueDatesOffTheirDeadline(model)).isEmpty();
    }

    @Test
    void aDueDateNoTimerOfTheTaskFiresAtIsNamed() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("off").startEvent("start_off")
                .userTask("user_review").camundaDueDate("${taskDeadline.after(otherTime)}")
                .boundaryEvent("timer_review_overdue").timerWithDuration("${reviewTime}").endEvent("end_overdue")
                .moveToActivity("user_review").endEvent("end_reviewed").done();

        assertThat(ModelRules.dueDatesOffTheirDeadline(model)).singleElement().asString()
                .contains("user_review", "timer_review_overdue", "${taskDeadline.after(reviewTime)}");
    }

    /** Exploratory test s17 (D1): a receive task waits for a partner as a message catch event does. */
    @Test
    void aReceiveTaskWithoutADeadlineIsAWaitWithoutOne() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("receives").startEvent("start_receives")
                .receiveTask("receive_storefront_ready").message("StorefrontReady")
                .endEvent("end_receives").done();

        assertThat(ModelRules.waitsWithoutDeadline(model)).extracting(FlowNode::getId)
                .containsExactly("receive_storefront_ready");
        assertThat(ModelRules.problems("receive.bpmn", Bpmn.convertToString(model).getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).singleElement().asString()
                .contains("receive task receive_storefront_ready", "waits for a partner without a drawn deadline");
    }

    @Test
    void aReceiveTaskWithATimerOnItsBorderOrAfterAnEventBasedGatewayWithATimerBranchHasADeadline() {
        BpmnModelInstance bordered = Bpmn.createExecutableProcess("bordered").startEvent("start_bordered")
                .receiveTask("receive_storefront_ready").message("StorefrontReady")
                .boundaryEvent("timer_storefront_late").timerWithDuration("PT1H").endEvent("end_late")
                .moveToActivity("receive_storefront_ready").endEvent("end_ready").done();
        BpmnModelInstance raced = Bpmn.createExecutableProcess("raced").startEvent("start_raced")
                .eventBasedGateway().id("gateway_ready_or_late")
                .receiveTask("receive_storefront_ready").message("StorefrontReady").endEvent("end_ready")
                .moveToNode("gateway_ready_or_late")
                .intermediateCatchEvent("timer_storefront_late").timerWithDuration("PT1H").endEvent("end_late")
                .done();

        assertThat(ModelRules.waitsWithoutDeadline(bordered)).isEmpty();
        assertThat(ModelRules.waitsWithoutDeadline(raced)).isEmpty();
    }

    /**
     * Exploratory test s17 (D2): the ids Camunda Modeler 1-3 (bpmn-js before 7) generated, the element's type before
     * "_", pass the rule as well as the newer ones ("Activity_", "Event_", "Gateway_", "Flow_").
     */
    @Test
    void theIdsOlderModelersGeneratedAreRefusedAndReadableOnesAreNot() {
        java.util.List<String> generated = java.util.List.of("BoundaryEvent_0k3j2h1", "ExclusiveGateway_1x9y8z7",
                "ServiceTask_0abcdef", "UserTask_1qwerty9", "SubProcess_0zz9a1b", "IntermediateThrowEvent_1a2b3c4",
                "Participant_0p1q2r3", "Message_1m2n3o4", "SequenceFlow_0s1t2u3", "Activity_0k3j2xq", "Gateway_1x9y8z7",
                "Flow_0x8ho3s", "Event_0ae4vkp", "Process_1d2e3f4", "Lane_0l1m2n3", "ReceiveTask_1r2s3t4");
        java.util.List<String> readable = java.util.List.of("user_review_order", "timer_review_overdue",
                "gateway_order_valid", "Message_payment", "StartEvent_1", "Process_1", "review_order_2026abc",
                "boundaryevent_0k3j2h1");

        assertThat(generated).allMatch(id -> ModelRules.GENERATED_ID.matcher(id).matches());
        assertThat(readable).noneMatch(id -> ModelRules.GENERATED_ID.matcher(id).matches());
    }

    /**
     * Review s17 (F12): Camunda Modeler gives generated ids to an event's definition, a message, a lane set, with no
     * field to change them; only the elements read by id whose id an analyst can change are held to the rule.
     */
    @Test
    void aTimerDrawnInModelerKeepsItsGeneratedDefinitionIdButAGeneratedTaskIdIsRefused() {
        String drawn = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <message id="Message_2ps6k7o" name="SupplierAnswered"/>
                  <process id="drawn" isExecutable="true">
                    <laneSet id="LaneSet_0ya0q1k"/>
                    <startEvent id="start_drawn"/>
                    <sequenceFlow id="flow_to_answer" sourceRef="start_drawn" targetRef="TASK_ID"/>
                    <receiveTask id="TASK_ID" name="Wait for the supplier's answer" messageRef="Message_2ps6k7o"/>
                    <boundaryEvent id="timer_answer_late" attachedToRef="TASK_ID">
                      <timerEventDefinition id="TimerEventDefinition_1uqne1v"><timeDuration>PT1H</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <sequenceFlow id="flow_to_end" sourceRef="TASK_ID" targetRef="end_drawn"/>
                    <endEvent id="end_drawn"/>
                    <sequenceFlow id="flow_late" sourceRef="timer_answer_late" targetRef="end_late"/>
                    <endEvent id="end_late"/>
                  </process>
                </definitions>
                """;

        assertThat(ModelRules.problems("drawn.bpmn", drawn.replace("TASK_ID", "receive_supplier_answer")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        assertThat(ModelRules.problems("drawn.bpmn", drawn.replace("TASK_ID", "Activity_0k3j2xq")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).singleElement().asString()
                .contains("Activity_0k3j2xq", "generated");
    }
    /**
     * Exploratory test s18 (H9): a partner step made an external task ({@code camunda:type="external"}) deployed and
     * then waited for ever for a worker Dropflow does not run: no job, no retry, no incident, no deadline. Every kind
     * of element Camunda lets be external (a service, send or business rule task, a message throw or end event) is
     * refused, naming the element and what to do; a step with a delegate is not.
     */
    @Test
    void anExternalTaskIsRefusedNamingTheElementAndWhatToDo() {
        String model = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    targetNamespace="t">
                  <process id="external" isExecutable="true">
                    <startEvent id="start_external"/>
                    <sequenceFlow id="flow_1" sourceRef="start_external" targetRef="service_tell_consumer"/>
                    <serviceTask id="service_tell_consumer" name="Tell consumer" camunda:type="external" camunda:topic="tell-consumer"/>
                    <sequenceFlow id="flow_2" sourceRef="service_tell_consumer" targetRef="send_notice"/>
                    <sendTask id="send_notice" name="Send notice" camunda:type="external" camunda:topic="notice"/>
                    <sequenceFlow id="flow_3" sourceRef="send_notice" targetRef="rule_decide"/>
                    <businessRuleTask id="rule_decide" name="Decide" camunda:type="external" camunda:topic="decide"/>
                    <sequenceFlow id="flow_4" sourceRef="rule_decide" targetRef="throw_told"/>
                    <intermediateThrowEvent id="throw_told" name="Told">
                      <messageEventDefinition id="throw_told_message" camunda:type="external" camunda:topic="told"/>
                    </intermediateThrowEvent>
                    <sequenceFlow id="flow_5" sourceRef="throw_told" targetRef="service_delegated"/>
                    <serviceTask id="service_delegated" name="Delegated" camunda:delegateExpression="${tellConsumerAboutDelay}"/>
                    <sequenceFlow id="flow_6" sourceRef="service_delegated" targetRef="end_external"/>
                    <endEvent id="end_external" name="Ended">
                      <messageEventDefinition id="end_external_message" camunda:type="external" camunda:topic="ended"/>
                    </endEvent>
                  </process>
                </definitions>
                """;

        java.util.List<String> problems = ModelRules.problems("external.bpmn",
                model.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith("external.bpmn, service task service_tell_consumer (\"Tell consumer\"):"
                + " is an external task (camunda:type=\"external\", topic tell-consumer)")
                .contains("Dropflow runs no external workers", "would wait for ever", "camunda:delegateExpression");
        assertThat(String.join("\n", problems)).contains("send task send_notice (\"Send notice\")",
                "business rule task rule_decide (\"Decide\")", "intermediate throw event throw_told (\"Told\")",
                "end event end_external (\"Ended\")").doesNotContain("service_delegated");
    }
}
