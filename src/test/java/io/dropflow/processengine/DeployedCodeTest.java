package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What of a model is code, however it is written in the XML; and what of it the shipped models have. */
class DeployedCodeTest {

    private static List<String> bpmn(String process) {
        return DeployedCode.ofBpmn(("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:c2=\"http://camunda.org/schema/1.0/bpmn\">"
                + "<process id=\"p\">" + process + "</process></definitions>").getBytes(StandardCharsets.UTF_8))
                .stream().map(DeployedCode.Code::value).toList();
    }

    @Test
    void anExpressionIsFoundHoweverItIsWritten() {
        assertThat(bpmn("<serviceTask id=\"s\" camunda:expression=\"${a}\"/>")).containsExactly("${a}");
        assertThat(bpmn("<serviceTask id=\"s\" c2:delegateExpression=\"bean\"/>")).as("another prefix, no ${")
                .containsExactly("bean");
        assertThat(bpmn("<serviceTask id=\"s\" camunda:class=\"java.lang.Object\"/>")).containsExactly("java.lang.Object");
        assertThat(bpmn("<serviceTask id=\"s\" camunda:expression=\"&#36;{a}\"/>")).as("an entity").containsExactly("${a}");
        assertThat(bpmn("<sequenceFlow id=\"f\"><conditionExpression>$<![CDATA[{b}]]></conditionExpression></sequenceFlow>"))
                .as("text and CDATA together").containsExactly("${b}");
        assertThat(bpmn("<sequenceFlow id=\"f\"><conditionExpression>$<!-- x -->{c}</conditionExpression></sequenceFlow>"))
                .as("around a comment").containsExactly("${c}");
        assertThat(bpmn("<userTask id=\"u\"><documentation>#{d}</documentation></userTask>"))
                .as("a user task's documentation is its description, evaluated").containsExactly("#{d}");
        assertThat(bpmn("<scriptTask id=\"t\" scriptFormat=\"groovy\"><script>run()</script></scriptTask>"))
                .containsExactly("run()");
        assertThat(bpmn("<sequenceFlow id=\"f\"><conditionExpression language=\"javascript\">true</conditionExpression>"
                + "</sequenceFlow>")).containsExactly("true");
        assertThat(bpmn("<startEvent id=\"s\"><timerEventDefinition><timeCycle>R1/PT1S</timeCycle></timerEventDefinition>"
                + "</startEvent><userTask id=\"u\" name=\"Look\"/>")).as("literals are no code").isEmpty();
    }

    @Test
    void aDecisionTableInFeelHasNoCodeOtherLanguagesHave() {
        String table = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" %s><decision id=\"d\">"
                + "<decisionTable id=\"t\"><input id=\"i\"><inputExpression id=\"e\" %s><text>x</text></inputExpression>"
                + "</input></decisionTable></decision></definitions>";
        assertThat(DeployedCode.ofDmn(table.formatted("", "").getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(DeployedCode.ofDmn(table.formatted("", "expressionLanguage=\"FEEL\"").getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(DeployedCode.ofDmn(table.formatted("", "expressionLanguage=\"juel\"").getBytes(StandardCharsets.UTF_8)))
                .extracting(DeployedCode.Code::element).containsExactly("e");
        assertThat(DeployedCode.ofDmn(table.formatted("expressionLanguage=\"groovy\"", "").getBytes(StandardCharsets.UTF_8)))
                .as("the whole file's language").hasSize(1);
        assertThatThrownBy(() -> DeployedCode.ofDmn(("<!DOCTYPE d [<!ENTITY x \"juel\">]>" + table.formatted("", ""))
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedModelsCodeIsWhatTheyUse() {
        var shipped = ModelDeploymentRights.shippedCode("file:bpmn/*.{bpmn,dmn}");
        assertThat(shipped).anyMatch(code -> code.endsWith("\u0000${forwardPurchaseOrder}"))
                .anyMatch(code -> code.endsWith("\u0000${taskDeadline.after(attentionDecisionTime)}"))
                .anyMatch(code -> code.equals("delegateExpression\u0000${describePartnerDelivery}"))
                .noneMatch(code -> code.contains("execution.processEngineServices"));
    }

    /**
     * The review's bypasses: an element that only looks like a script (a language attribute of another namespace,
     * which the engine ignores) hid the listener inside it; a form field's validator names a class the engine
     * instantiates; a form key (embedded:…) is HTML the webapps render with its scripts.
     */
    @Test
    void nothingHidesInsideAScriptAndValidatorsAndFormKeysAreCode() {
        assertThat(bpmn("<serviceTask id=\"s\" xmlns:x=\"urn:x\" x:language=\"n\" camunda:expression=\"${true}\">"
                + "<extensionElements><camunda:executionListener event=\"start\" expression=\"${evil()}\"/>"
                + "</extensionElements></serviceTask>")).contains("${evil()}");
        assertThat(bpmn("<scriptTask id=\"t\" scriptFormat=\"groovy\"><script>run()</script><extensionElements>"
                + "<camunda:executionListener event=\"end\" class=\"com.example.Evil\"/></extensionElements></scriptTask>"))
                .contains("com.example.Evil");
        assertThat(bpmn("<userTask id=\"u\"><extensionElements><camunda:formData><camunda:formField id=\"f\" type=\"string\">"
                + "<camunda:validation><camunda:constraint name=\"validator\" config=\"com.example.Evil\"/>"
                + "</camunda:validation></camunda:formField></camunda:formData></extensionElements></userTask>"))
                .containsExactly("com.example.Evil");
        assertThat(bpmn("<userTask id=\"u\" camunda:formKey=\"embedded:deployment:evil.form\"/>"))
                .containsExactly("embedded:deployment:evil.form");
    }

    /** The review's bypass: a FEEL expressionLanguage under another prefix beside the juel one the engine reads. */
    @Test
    void everyExpressionLanguageOfAnElementIsRead() {
        String table = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" xmlns:a=\"urn:a\">"
                + "<decision id=\"d\"><decisionTable id=\"t\"><input id=\"i\"><inputExpression id=\"e\""
                + " expressionLanguage=\"juel\" a:expressionLanguage=\"feel\"><text>${evil()}</text></inputExpression>"
                + "</input></decisionTable></decision></definitions>";
        assertThat(DeployedCode.ofDmn(table.getBytes(StandardCharsets.UTF_8))).extracting(DeployedCode.Code::element)
                .containsExactly("e");
    }
}
