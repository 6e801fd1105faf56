package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.DropflowTest;
import io.dropflow.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine API's refusals added in s14 for a Dropflow process started by hand (StartedByDropflowOnly) and for a
 * completion's body that is no readable JSON (UnreadableJsonBody) were English only, while the suspended process's 409
 * beside them reads in Chinese on Tasklist's engine API. Both now read in Chinese when the browser prefers it, and stay
 * as they were in English.
 */
@DropflowTest
@ExtendWith(SoftAssertionsExtension.class)
class EngineApiRefusalsInChineseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHINESE = "zh-CN,zh;q=0.9";

    @InjectSoftAssertions
    SoftAssertions soft;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void aStartByHandIsRefusedInTheOperatorsLanguage() throws Exception {
        TasklistSession demo = TasklistSession.login(port, "demo");
        String start = "/process-definition/key/order_fulfillment/start";

        HttpResponse<String> chinese = demo.send(CHINESE, "POST", start, "{\"businessKey\":\"x\"}");
        HttpResponse<String> english = demo.send("en-US", "POST", start, "{\"businessKey\":\"x\"}");

        soft.assertThat(chinese.statusCode()).as(chinese.body()).isEqualTo(400);
        soft.assertThat(message(chinese)).startsWith("流程 order_fulfillment（订单履约）只由 Dropflow 启动")
                .contains("POST /api/orders，", "POST /api/orders/{id}/claims").doesNotContain("started by");
        soft.assertThat(english.statusCode()).as(english.body()).isEqualTo(400);
        soft.assertThat(message(english)).startsWith("Process order_fulfillment (Order fulfillment) is started by Dropflow"
                + " only").contains("POST /api/orders,");
    }

    @Test
    void anUnreadableBodyOfACompletionIsRefusedInTheOperatorsLanguage() throws Exception {
        Task review = reviewTask();
        TasklistSession mary = TasklistSession.login(port, "mary");
        String submit = "/task/" + review.getId() + "/submit-form";

        HttpResponse<String> cutChinese = mary.send(CHINESE, "POST", submit, "{\"variables\":");
        HttpResponse<String> shapeChinese = mary.send(CHINESE, "POST", submit, "{\"variables\":\"x\"}");
        HttpResponse<String> cutEnglish = mary.send("en-US", "POST", submit, "{\"variables\":");
        HttpResponse<String> shapeEnglish = mary.send("en-US", "POST", submit, "{\"variables\":\"x\"}");

        for (HttpResponse<String> answer : java.util.List.of(cutChinese, shapeChinese, cutEnglish, shapeEnglish)) {
            soft.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        }
        soft.assertThat(message(cutChinese)).startsWith("无法读取请求内容（第 1 行第 ")
                .contains("不是格式正确的 JSON", "JSON 解析器的原始信息（无中文翻译）：");
        soft.assertThat(message(shapeChinese)).startsWith("无法读取请求内容（第 1 行第 ").contains("字段 variables")
                .contains("某个值的类型不是引擎在此读取的类型");
        soft.assertThat(message(cutEnglish)).startsWith("Unreadable request body at line 1, column")
                .contains("not well-formed JSON");
        soft.assertThat(message(shapeEnglish)).startsWith("Unreadable request body at line 1, column")
                .contains("in field variables");
        assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isOne();
    }

    /** Each form the message takes: with or without where, with or without the field, either reason. */
    @Test
    void everyFormOfTheUnreadableBodysMessageHasChinese() {
        OperatorTexts zh = OperatorTexts.of("zh");
        String notJson = "it is not well-formed JSON (cut off, or not JSON). Unexpected end-of-input";
        String wrongKind = "a value is not of the kind the engine reads there (an object of fields is expected for the"
                + " body and for \"variables\", each variable an object with its \"value\"). Cannot deserialize value";
        for (String where : java.util.List.of(" at line 3, column 14", "")) {
            soft.assertThat(zh.findMessage("Unreadable request body" + where + ": " + notJson)).as(where).isPresent();
            soft.assertThat(zh.findMessage("Unreadable request body" + where + ": " + wrongKind)).as(where).isPresent();
            soft.assertThat(zh.findMessage("Unreadable request body" + where + " in field variables.reviewDecision: "
                    + wrongKind)).as(where).hasValueSatisfying(chinese -> assertThat(chinese)
                            .contains("字段 variables.reviewDecision", "Cannot deserialize value"));
        }
        soft.assertThat(zh.translateMessage("Unreadable request body at line 3, column 14: " + notJson))
                .isEqualTo("无法读取请求内容（第 3 行第 14 列）：不是格式正确的 JSON（被截断，或根本不是 JSON）。"
                        + "JSON 解析器的原始信息（无中文翻译）：Unexpected end-of-input");
        soft.assertThat(OperatorTexts.of("en").translateMessage("Unreadable request body at line 3, column 14: " + notJson))
                .isEqualTo("Unreadable request body at line 3, column 14: " + notJson);
    }

    private Task reviewTask() {
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        DropflowDriver.Placed placed = dropflow.place(DropflowDriver.order("SHOP-" + UUID.randomUUID(), "DEMO-MUG", 1,
                "15.00", "PO Box 42"));
        dropflow.runJobs(placed.orderId());
        return engine.getTaskService().createTaskQuery().processInstanceId(dropflow.processInstanceId(placed.orderId()))
                .singleResult();
    }

    private static String message(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body()).path("message").asText();
    }
}
