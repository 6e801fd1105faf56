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
}
